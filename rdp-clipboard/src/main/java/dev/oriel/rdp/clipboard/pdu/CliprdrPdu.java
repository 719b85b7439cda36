package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPECLIP] 2.2.1 a PDU of the {@code cliprdr} static channel: CLIPRDR_HEADER (msgType (2), msgFlags (2),
 * dataLen (4)) then dataLen bytes of body. dataLen excludes the header and must match the body exactly: strict
 * clients answer trailing bytes with CB_RESPONSE_FAIL (protocol map P-CLIP-1), so Oriel rejects them too.
 */
public sealed interface CliprdrPdu extends Encodable permits ClipCaps, MonitorReady, FormatList, FormatListResponse,
        FormatDataRequest, FormatDataResponse, TempDirectory, FileContentsRequest, FileContentsResponse,
        LockClipData, UnlockClipData {

    String NAME = "CliprdrPdu";
    int HEADER_SIZE = 8;

    int CB_MONITOR_READY = 0x0001;
    int CB_FORMAT_LIST = 0x0002;
    int CB_FORMAT_LIST_RESPONSE = 0x0003;
    int CB_FORMAT_DATA_REQUEST = 0x0004;
    int CB_FORMAT_DATA_RESPONSE = 0x0005;
    int CB_TEMP_DIRECTORY = 0x0006;
    int CB_CLIP_CAPS = 0x0007;
    int CB_FILECONTENTS_REQUEST = 0x0008;
    int CB_FILECONTENTS_RESPONSE = 0x0009;
    int CB_LOCK_CLIPDATA = 0x000A;
    int CB_UNLOCK_CLIPDATA = 0x000B;

    int CB_RESPONSE_OK = 0x0001;
    int CB_RESPONSE_FAIL = 0x0002;
    int CB_ASCII_NAMES = 0x0004;

    int msgType();

    int msgFlags();

    int bodySize();

    void encodeBody(ByteBuf dst);

    @Override
    default int size() {
        return HEADER_SIZE + bodySize();
    }

    @Override
    default void encode(ByteBuf dst) {
        dst.writeShortLE(msgType());
        dst.writeShortLE(msgFlags());
        dst.writeIntLE(bodySize());
        encodeBody(dst);
    }

    /**
     * Reads one PDU, consuming its header and exactly dataLen bytes.
     *
     * @param longFormatNames whether both sides announced CB_USE_LONG_FORMAT_NAMES: it decides how a Format List is
     *                        laid out ([MS-RDPECLIP] 2.2.3.1), which its bytes alone do not say
     */
    static CliprdrPdu decode(ByteBuf src, boolean longFormatNames) {
        Wire.ensureReadable(src, HEADER_SIZE, NAME);
        int type = src.readUnsignedShortLE();
        int flags = src.readUnsignedShortLE();
        long dataLen = src.readUnsignedIntLE();
        ByteBuf body = Wire.readSlice(src, dataLen, NAME, "dataLen");
        CliprdrPdu pdu = switch (type) {
            case CB_MONITOR_READY -> MonitorReady.INSTANCE;
            case CB_FORMAT_LIST -> FormatList.decodeBody(body, flags, longFormatNames);
            case CB_FORMAT_LIST_RESPONSE -> new FormatListResponse(ok(flags));
            case CB_FORMAT_DATA_REQUEST -> FormatDataRequest.decodeBody(body);
            case CB_FORMAT_DATA_RESPONSE -> FormatDataResponse.decodeBody(body, ok(flags));
            case CB_TEMP_DIRECTORY -> TempDirectory.decodeBody(body);
            case CB_CLIP_CAPS -> ClipCaps.decodeBody(body);
            case CB_FILECONTENTS_REQUEST -> FileContentsRequest.decodeBody(body);
            case CB_FILECONTENTS_RESPONSE -> FileContentsResponse.decodeBody(body, ok(flags));
            case CB_LOCK_CLIPDATA -> new LockClipData(clipDataId(body, LockClipData.NAME));
            case CB_UNLOCK_CLIPDATA -> new UnlockClipData(clipDataId(body, UnlockClipData.NAME));
            default -> throw DecodeException.unexpectedMessageType(NAME, type);
        };
        Wire.ensureFullyConsumed(body, pdu.name());
        return pdu;
    }

    /** msgFlags of a response: CB_RESPONSE_OK or CB_RESPONSE_FAIL, exactly one. */
    private static boolean ok(int flags) {
        int r = flags & (CB_RESPONSE_OK | CB_RESPONSE_FAIL);
        if (r == 0 || r == (CB_RESPONSE_OK | CB_RESPONSE_FAIL)) {
            throw DecodeException.invalidField(NAME, "msgFlags", "a response needs exactly one of OK and FAIL: 0x"
                    + Integer.toHexString(flags));
        }
        return r == CB_RESPONSE_OK;
    }

    private static long clipDataId(ByteBuf body, String pdu) {
        Wire.ensureReadable(body, 4, pdu);
        return body.readUnsignedIntLE();
    }

    /** msgFlags for a response record. */
    static int responseFlags(boolean ok) {
        return ok ? CB_RESPONSE_OK : CB_RESPONSE_FAIL;
    }
}
