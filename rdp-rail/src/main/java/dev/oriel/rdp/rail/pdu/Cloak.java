package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.12.1 TS_RAIL_ORDER_CLOAK (both directions): a window was cloaked or uncloaked. Body: windowId
 * (4), cloaked (1).
 */
public record Cloak(long windowId, boolean cloaked) implements RailPdu {
    public static final String NAME = "Cloak";
    static final int BODY_SIZE = 5;

    public Cloak {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
    }

    static Cloak decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new Cloak(src.readUnsignedIntLE(),
                src.readUnsignedByte() != 0);
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_CLOAK;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        dst.writeByte(cloaked ? 1 : 0);
    }

    @Override
    public String name() {
        return NAME;
    }
}
