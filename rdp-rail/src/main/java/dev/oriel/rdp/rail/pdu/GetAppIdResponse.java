package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPERP] 2.2.2.8.2 TS_RAIL_ORDER_GET_APPID_RESP (server → client): a window's application id. Body: windowId
 * (4), applicationId (520 bytes of UTF-16LE, NUL-padded).
 */
public record GetAppIdResponse(long windowId, String applicationId) implements RailPdu {
    public static final String NAME = "GetAppIdResponse";
    /** Size of the fixed, NUL-padded string fields of the Get Application ID responses. */
    public static final int ID_FIELD_BYTES = 520;

    public GetAppIdResponse {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        RailWire.requireFits(Objects.requireNonNull(applicationId), ID_FIELD_BYTES - 2, NAME, "applicationId");
    }

    static GetAppIdResponse decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 4 + ID_FIELD_BYTES, NAME);
        return new GetAppIdResponse(src.readUnsignedIntLE(),
                Wire.readFixedUtf16(src, ID_FIELD_BYTES, NAME, "applicationId"));
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_GET_APPID_RESP;
    }

    @Override
    public int bodySize() {
        return 4 + ID_FIELD_BYTES;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        Wire.writeFixedUtf16(dst, applicationId, ID_FIELD_BYTES, NAME, "applicationId");
    }

    @Override
    public String name() {
        return NAME;
    }
}
