package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.12 Server License Error PDU - Valid Client: the whole licensing message, from its basic
 * security header (SEC_LICENSE_PKT) through the preamble ([MS-RDPELE] 2.2.1.1, bMsgType ERROR_ALERT) and the
 * LICENSE_ERROR_MESSAGE with its binary blob. Preamble flags stay PREAMBLE_VERSION_3_0 only: FreeRDP notes that
 * EXTENDED_ERROR_MSG_SUPPORTED in server mode crashes mstsc (P-CORE-5).
 */
public record ServerLicenseErrorPdu(long errorCode, long stateTransition, int blobType, Bytes blob) implements Encodable {
    public static final String NAME = "ServerLicenseErrorPdu";
    static final int ERROR_ALERT = 0xFF;
    static final int PREAMBLE_VERSION_3_0 = 0x03;
    static final int FIXED_PART_SIZE = BasicSecurityHeader.SIZE + 1 /* bMsgType */ + 1 /* flags */ + 2 /* wMsgSize */
            + 4 /* dwErrorCode */ + 4 /* dwStateTransition */ + 2 /* wBlobType */ + 2 /* wBlobLen */;

    public static final long STATUS_VALID_CLIENT = 0x0000_0007;
    public static final long ST_NO_TRANSITION = 0x0000_0002;
    public static final int BB_ERROR_BLOB = 0x0004;

    /** The licensing shortcut every RDP server without a license server uses. */
    public static ServerLicenseErrorPdu validClient() {
        return new ServerLicenseErrorPdu(STATUS_VALID_CLIENT, ST_NO_TRANSITION, BB_ERROR_BLOB, Bytes.EMPTY);
    }

    public static ServerLicenseErrorPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, FIXED_PART_SIZE, NAME);
        BasicSecurityHeader sec = BasicSecurityHeader.decode(src);
        if ((sec.flags() & BasicSecurityHeader.SEC_LICENSE_PKT) == 0) {
            throw DecodeException.invalidField(NAME, "flags", "SEC_LICENSE_PKT missing");
        }
        int type = src.readUnsignedByte();
        if (type != ERROR_ALERT) {
            throw DecodeException.unexpectedMessageType(NAME, type);
        }
        src.skipBytes(1); // preamble flags
        int msgSize = src.readUnsignedShortLE();
        long error = src.readUnsignedIntLE();
        long transition = src.readUnsignedIntLE();
        int blobType = src.readUnsignedShortLE();
        int blobLen = src.readUnsignedShortLE();
        Wire.ensureReadable(src, blobLen, NAME);
        Bytes blob = Bytes.read(src, blobLen);
        // wMsgSize counts the preamble onwards ([MS-RDPELE] 2.2.1.1); IronRDP also counts the security header.
        // FreeRDP does not check it; accept both, reject anything else.
        int preambleOnwards = FIXED_PART_SIZE - BasicSecurityHeader.SIZE + blobLen;
        if (msgSize != preambleOnwards && msgSize != preambleOnwards + BasicSecurityHeader.SIZE) {
            throw DecodeException.invalidField(NAME, "wMsgSize", "inconsistent with the blob: " + msgSize);
        }
        return new ServerLicenseErrorPdu(error, transition, blobType, blob);
    }

    @Override
    public void encode(ByteBuf dst) {
        new BasicSecurityHeader(BasicSecurityHeader.SEC_LICENSE_PKT, 0).encode(dst);
        dst.writeByte(ERROR_ALERT);
        dst.writeByte(PREAMBLE_VERSION_3_0);
        dst.writeShortLE(size() - BasicSecurityHeader.SIZE);
        dst.writeIntLE((int) errorCode);
        dst.writeIntLE((int) stateTransition);
        dst.writeShortLE(blobType);
        dst.writeShortLE(blob.length());
        blob.writeTo(dst);
    }

    @Override
    public int size() {
        return FIXED_PART_SIZE + blob.length();
    }

    @Override
    public String name() {
        return NAME;
    }
}
