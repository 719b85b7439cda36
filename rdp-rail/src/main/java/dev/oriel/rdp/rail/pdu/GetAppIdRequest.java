package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.8.1 TS_RAIL_ORDER_GET_APPID_REQ (client → server): asks for a window's application id. Body:
 * windowId (4).
 */
public record GetAppIdRequest(long windowId) implements RailPdu {
    public static final String NAME = "GetAppIdRequest";
    static final int BODY_SIZE = 4;

    public GetAppIdRequest {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
    }

    static GetAppIdRequest decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new GetAppIdRequest(src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_GET_APPID_REQ;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
    }

    @Override
    public String name() {
        return NAME;
    }
}
