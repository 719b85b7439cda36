package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.2.1 TS_RAIL_ORDER_HANDSHAKE (both directions): the server sends it first; the client answers
 * with its own. Body: buildNumber (4).
 */
public record Handshake(long buildNumber) implements RailPdu {
    public static final String NAME = "Handshake";
    static final int BODY_SIZE = 4;

    public Handshake {
        Wire.requireUnsigned(buildNumber, 0xFFFF_FFFFL, "buildNumber");
    }

    static Handshake decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new Handshake(src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_HANDSHAKE;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) buildNumber);
    }

    @Override
    public String name() {
        return NAME;
    }
}
