package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.13.1 TS_RAIL_ORDER_POWER_DISPLAY_REQUEST (server → client): keep the client's display on, or
 * not. Body: active (4).
 */
public record PowerDisplayRequest(long active) implements RailPdu {
    public static final String NAME = "PowerDisplayRequest";
    static final int BODY_SIZE = 4;

    public PowerDisplayRequest {
        Wire.requireUnsigned(active, 0xFFFF_FFFFL, "active");
    }

    static PowerDisplayRequest decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new PowerDisplayRequest(src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_POWER_DISPLAY_REQUEST;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) active);
    }

    @Override
    public String name() {
        return NAME;
    }
}
