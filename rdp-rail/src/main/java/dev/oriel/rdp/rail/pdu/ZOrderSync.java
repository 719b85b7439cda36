package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.11.1 TS_RAIL_ORDER_ZORDER_SYNC (server → client): the marker window used to keep the client's
 * z-order in step. Body: windowIdMarker (4).
 */
public record ZOrderSync(long windowIdMarker) implements RailPdu {
    public static final String NAME = "ZOrderSync";
    static final int BODY_SIZE = 4;

    public ZOrderSync {
        Wire.requireUnsigned(windowIdMarker, 0xFFFF_FFFFL, "windowIdMarker");
    }

    static ZOrderSync decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new ZOrderSync(src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_ZORDER_SYNC;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowIdMarker);
    }

    @Override
    public String name() {
        return NAME;
    }
}
