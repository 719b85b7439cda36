package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPERP] 2.2.2.7.4 TS_RAIL_ORDER_WINDOWMOVE (client → server): where the client put a window after a local
 * move or resize (exclusive right and bottom). Body: windowId (4), left (2), top (2), right (2), bottom (2).
 */
public record WindowMove(long windowId, WindowRect rect) implements RailPdu {
    public static final String NAME = "WindowMove";
    static final int BODY_SIZE = 4 + WindowRect.SIZE;

    public WindowMove {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        Objects.requireNonNull(rect, "rect");
    }

    static WindowMove decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new WindowMove(src.readUnsignedIntLE(), WindowRect.read(src));
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_WINDOWMOVE;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        rect.write(dst);
    }

    @Override
    public String name() {
        return NAME;
    }
}
