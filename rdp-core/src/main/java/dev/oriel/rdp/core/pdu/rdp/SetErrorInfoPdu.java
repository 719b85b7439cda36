package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.5.1.1 Set Error Info PDU Data (TS_SET_ERROR_INFO_PDU). */
public record SetErrorInfoPdu(long errorInfo) implements ShareDataBody {
    public static final String NAME = "SetErrorInfoPdu";
    public static final int SIZE = 4 /* errorInfo */;

    public static final long ERRINFO_NONE = 0x0000_0000L;
    public static final long ERRINFO_RPC_INITIATED_DISCONNECT = 0x0000_0001L;
    public static final long ERRINFO_RPC_INITIATED_LOGOFF = 0x0000_0002L;
    public static final long ERRINFO_IDLE_TIMEOUT = 0x0000_0003L;
    public static final long ERRINFO_LOGON_TIMEOUT = 0x0000_0004L;
    public static final long ERRINFO_DISCONNECTED_BY_OTHERCONNECTION = 0x0000_0005L;
    public static final long ERRINFO_OUT_OF_MEMORY = 0x0000_0006L;
    public static final long ERRINFO_SERVER_DENIED_CONNECTION = 0x0000_0007L;
    public static final long ERRINFO_SERVER_INSUFFICIENT_PRIVILEGES = 0x0000_0009L;
    public static final long ERRINFO_SERVER_FRESH_CREDENTIALS_REQUIRED = 0x0000_000AL;
    public static final long ERRINFO_RPC_INITIATED_DISCONNECT_BYUSER = 0x0000_000BL;
    public static final long ERRINFO_LOGOFF_BY_USER = 0x0000_000CL;
    /** Protocol-independent codes for a malformed or unexpected PDU from the client. */
    public static final long ERRINFO_UNKNOWNPDUTYPE2 = 0x0000_10C9L;
    public static final long ERRINFO_UNKNOWNPDUTYPE = 0x0000_10CAL;
    public static final long ERRINFO_DATAPDUSEQUENCE = 0x0000_10CBL;
    public static final long ERRINFO_CONTROLPDUSEQUENCE = 0x0000_10CDL;
    public static final long ERRINFO_INVALIDCONTROLPDUACTION = 0x0000_10CEL;
    public static final long ERRINFO_INVALIDINPUTPDUTYPE = 0x0000_10CFL;
    public static final long ERRINFO_INVALIDINPUTPDUMOUSE = 0x0000_10D0L;
    public static final long ERRINFO_INVALIDREFRESHRECTPDU = 0x0000_10D1L;
    public static final long ERRINFO_CREATEUSERDATAFAILED = 0x0000_10D2L;
    public static final long ERRINFO_CONNECTFAILED = 0x0000_10D3L;
    public static final long ERRINFO_CONFIRMACTIVEWRONGSHAREID = 0x0000_10D4L;
    public static final long ERRINFO_CONFIRMACTIVEWRONGORIGINATOR = 0x0000_10D5L;
    public static final long ERRINFO_PERSISTENTKEYPDUBADLENGTH = 0x0000_10DAL;
    public static final long ERRINFO_CAPABILITYSETTOOSMALL = 0x0000_10DEL;
    public static final long ERRINFO_CAPABILITYSETTOOLARGE = 0x0000_10DFL;
    public static final long ERRINFO_BADCAPABILITIES = 0x0000_10E2L;
    public static final long ERRINFO_VIRTUALCHANNELDECOMPRESSIONERR = 0x0000_10E3L;
    public static final long ERRINFO_INVALIDVCCOMPRESSIONTYPE = 0x0000_10E4L;
    public static final long ERRINFO_INVALIDCHANNELID = 0x0000_10E6L;
    public static final long ERRINFO_VCHANNELSTOOMANY = 0x0000_10E7L;
    public static final long ERRINFO_DECRYPTFAILED = 0x0000_1192L;

    public static SetErrorInfoPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new SetErrorInfoPdu(src.readUnsignedIntLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeIntLE((int) errorInfo);
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
