package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.7.1.1 General Capability Set (TS_GENERAL_CAPABILITYSET). */
public record GeneralCapabilitySet(int osMajorType, int osMinorType, int protocolVersion, int generalCompressionTypes,
        int extraFlags, int updateCapabilityFlag, int remoteUnshareFlag, int generalCompressionLevel,
        int refreshRectSupport, int suppressOutputSupport) implements CapabilitySet {

    public static final int BODY_SIZE = 2 /* osMajorType */ + 2 /* osMinorType */ + 2 /* protocolVersion */
            + 2 /* pad2octetsA */ + 2 /* generalCompressionTypes */ + 2 /* extraFlags */ + 2 /* updateCapabilityFlag */
            + 2 /* remoteUnshareFlag */ + 2 /* generalCompressionLevel */ + 1 /* refreshRectSupport */
            + 1 /* suppressOutputSupport */;

    public static final int OSMAJORTYPE_UNIX = 0x0004;
    public static final int OSMINORTYPE_PSEUDO_XSERVER = 0x0007;
    public static final int TS_CAPS_PROTOCOLVERSION = 0x0200;
    public static final int FASTPATH_OUTPUT_SUPPORTED = 0x0001;
    public static final int NO_BITMAP_COMPRESSION_HDR = 0x0400;
    public static final int LONG_CREDENTIALS_SUPPORTED = 0x0004;
    public static final int AUTORECONNECT_SUPPORTED = 0x0008;
    public static final int ENC_SALTED_CHECKSUM = 0x0010;

    /**
     * What Oriel's server advertises: a UNIX pseudo X server (as Weston does), fast-path output (without it xfreerdp
     * turns fast-path output off, P-CORE-2), long credentials, compressed bitmaps without TS_CD_HEADER, and Refresh
     * Rect / Suppress Output support.
     */
    public static GeneralCapabilitySet server() {
        return new GeneralCapabilitySet(OSMAJORTYPE_UNIX, OSMINORTYPE_PSEUDO_XSERVER, TS_CAPS_PROTOCOLVERSION, 0,
                FASTPATH_OUTPUT_SUPPORTED | LONG_CREDENTIALS_SUPPORTED | NO_BITMAP_COMPRESSION_HDR, 0, 0, 0, 1, 1);
    }

    static GeneralCapabilitySet decodeBody(ByteBuf src) {
        int major = src.readUnsignedShortLE();
        int minor = src.readUnsignedShortLE();
        int version = src.readUnsignedShortLE();
        src.skipBytes(2);
        return new GeneralCapabilitySet(major, minor, version, src.readUnsignedShortLE(), src.readUnsignedShortLE(),
                src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedByte(),
                src.readUnsignedByte());
    }

    public boolean has(int extraFlag) {
        return (extraFlags & extraFlag) != 0;
    }

    @Override
    public int type() {
        return CAPSTYPE_GENERAL;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(osMajorType);
        dst.writeShortLE(osMinorType);
        dst.writeShortLE(protocolVersion);
        dst.writeShortLE(0);
        dst.writeShortLE(generalCompressionTypes);
        dst.writeShortLE(extraFlags);
        dst.writeShortLE(updateCapabilityFlag);
        dst.writeShortLE(remoteUnshareFlag);
        dst.writeShortLE(generalCompressionLevel);
        dst.writeByte(refreshRectSupport);
        dst.writeByte(suppressOutputSupport);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "GeneralCapabilitySet";
    }
}
