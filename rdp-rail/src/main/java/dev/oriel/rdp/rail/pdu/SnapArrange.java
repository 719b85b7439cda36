package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPERP] 2.2.2.7.5 TS_RAIL_ORDER_SNAP_ARRANGE (client → server): the client snapped a window to this
 * rectangle. Body: windowId (4), left (2), top (2), right (2), bottom (2).
 */
public record SnapArrange(long windowId, WindowRect rect) implements RailPdu {
    public static final String NAME = "SnapArrange";
    static final int BODY_SIZE = 4 + WindowRect.SIZE;

    public SnapArrange {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        Objects.requireNonNull(rect, "rect");
    }

    static SnapArrange decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new SnapArrange(src.readUnsignedIntLE(), WindowRect.read(src));
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_SNAP_ARRANGE;
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
