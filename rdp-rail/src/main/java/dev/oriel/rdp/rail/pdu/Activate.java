package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.6.1 TS_RAIL_ORDER_ACTIVATE (client → server): the client activated or deactivated a window.
 * Body: windowId (4), enabled (1).
 */
public record Activate(long windowId, boolean enabled) implements RailPdu {
    public static final String NAME = "Activate";
    static final int BODY_SIZE = 5;

    public Activate {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
    }

    static Activate decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new Activate(src.readUnsignedIntLE(),
                src.readUnsignedByte() != 0);
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_ACTIVATE;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        dst.writeByte(enabled ? 1 : 0);
    }

    @Override
    public String name() {
        return NAME;
    }
}
