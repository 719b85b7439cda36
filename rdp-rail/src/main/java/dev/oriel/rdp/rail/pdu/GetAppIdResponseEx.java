package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPERP] 2.2.2.8.3 TS_RAIL_ORDER_GET_APPID_RESP_EX (server → client), when the client announced
 * TS_RAIL_CLIENTSTATUS_GET_APPID_RESPONSE_EX_SUPPORTED. Body: windowId (4), applicationId (520), processId (4),
 * processImageName (520); both strings UTF-16LE, NUL-padded.
 */
public record GetAppIdResponseEx(long windowId, String applicationId, long processId, String processImageName)
        implements RailPdu {
    public static final String NAME = "GetAppIdResponseEx";
    private static final int FIELD = GetAppIdResponse.ID_FIELD_BYTES;

    public GetAppIdResponseEx {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        Wire.requireUnsigned(processId, 0xFFFF_FFFFL, "processId");
        RailWire.requireFits(Objects.requireNonNull(applicationId), FIELD - 2, NAME, "applicationId");
        RailWire.requireFits(Objects.requireNonNull(processImageName), FIELD - 2, NAME, "processImageName");
    }

    static GetAppIdResponseEx decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 4 + FIELD + 4 + FIELD, NAME);
        return new GetAppIdResponseEx(src.readUnsignedIntLE(), Wire.readFixedUtf16(src, FIELD, NAME, "applicationId"),
                src.readUnsignedIntLE(), Wire.readFixedUtf16(src, FIELD, NAME, "processImageName"));
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_GET_APPID_RESP_EX;
    }

    @Override
    public int bodySize() {
        return 4 + FIELD + 4 + FIELD;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        Wire.writeFixedUtf16(dst, applicationId, FIELD, NAME, "applicationId");
        dst.writeIntLE((int) processId);
        Wire.writeFixedUtf16(dst, processImageName, FIELD, NAME, "processImageName");
    }

    @Override
    public String name() {
        return NAME;
    }
}
