package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.2.3 TS_RAIL_ORDER_HANDSHAKE_EX (server → client), only when the client's Remote Programs
 * capability set has TS_RAIL_LEVEL_HANDSHAKE_EX_SUPPORTED; the client still answers with a plain {@link Handshake}.
 * Body: buildNumber (4), railHandshakeFlags (4).
 */
public record HandshakeEx(long buildNumber, long railHandshakeFlags) implements RailPdu {
    public static final String NAME = "HandshakeEx";
    static final int BODY_SIZE = 8;
    public static final int TS_RAIL_ORDER_HANDSHAKEEX_FLAGS_HIDEF = 0x0001;
    public static final int TS_RAIL_ORDER_HANDSHAKE_EX_FLAGS_EXTENDED_SPI_SUPPORTED = 0x0002;
    public static final int TS_RAIL_ORDER_HANDSHAKE_EX_FLAGS_SNAP_ARRANGE_SUPPORTED = 0x0004;
    public static final int TS_RAIL_ORDER_HANDSHAKE_EX_FLAGS_TEXT_SCALE_SUPPORTED = 0x0008;
    public static final int TS_RAIL_ORDER_HANDSHAKE_EX_FLAGS_CARET_BLINK_SUPPORTED = 0x0010;
    public static final int TS_RAIL_ORDER_HANDSHAKE_EX_FLAGS_EXTENDED_SPI_2_SUPPORTED = 0x0020;

    public HandshakeEx {
        Wire.requireUnsigned(buildNumber, 0xFFFF_FFFFL, "buildNumber");
        Wire.requireUnsigned(railHandshakeFlags, 0xFFFF_FFFFL, "railHandshakeFlags");
    }

    static HandshakeEx decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new HandshakeEx(src.readUnsignedIntLE(),
                src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_HANDSHAKE_EX;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) buildNumber);
        dst.writeIntLE((int) railHandshakeFlags);
    }

    @Override
    public String name() {
        return NAME;
    }
}
