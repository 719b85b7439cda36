package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.8.1.1.2.1 Basic Security Header (TS_SECURITY_HEADER). With TLS it appears only on the Client Info
 * PDU (SEC_INFO_PKT) and on licensing PDUs (SEC_LICENSE_PKT).
 */
public record BasicSecurityHeader(int flags, int flagsHi) implements Encodable {
    public static final String NAME = "BasicSecurityHeader";
    public static final int SIZE = 2 /* flags */ + 2 /* flagsHi */;

    public static final int SEC_EXCHANGE_PKT = 0x0001;
    public static final int SEC_TRANSPORT_REQ = 0x0002;
    public static final int RDP_SEC_TRANSPORT_RSP = 0x0004;
    public static final int SEC_ENCRYPT = 0x0008;
    public static final int SEC_RESET_SEQNO = 0x0010;
    public static final int SEC_IGNORE_SEQNO = 0x0020;
    public static final int SEC_INFO_PKT = 0x0040;
    public static final int SEC_LICENSE_PKT = 0x0080;
    public static final int SEC_LICENSE_ENCRYPT_CS = 0x0200;
    public static final int SEC_REDIRECTION_PKT = 0x0400;
    public static final int SEC_SECURE_CHECKSUM = 0x0800;
    public static final int SEC_AUTODETECT_REQ = 0x1000;
    public static final int SEC_AUTODETECT_RSP = 0x2000;
    public static final int SEC_HEARTBEAT = 0x4000;
    public static final int SEC_FLAGSHI_VALID = 0x8000;

    public static BasicSecurityHeader decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new BasicSecurityHeader(src.readUnsignedShortLE(), src.readUnsignedShortLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(flags);
        dst.writeShortLE(flagsHi);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
