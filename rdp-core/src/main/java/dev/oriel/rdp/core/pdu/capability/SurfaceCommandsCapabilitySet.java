package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.7.2.9 Surface Commands Capability Set (TS_SURFCMDS_CAPABILITYSET). */
public record SurfaceCommandsCapabilitySet(long cmdFlags, long reserved) implements CapabilitySet {
    public static final int BODY_SIZE = 4 /* cmdFlags */ + 4 /* reserved */;
    public static final int SURFCMDS_SET_SURFACE_BITS = 0x0002;
    public static final int SURFCMDS_FRAME_MARKER = 0x0010;
    public static final int SURFCMDS_STREAM_SURFACE_BITS = 0x0040;

    static SurfaceCommandsCapabilitySet decodeBody(ByteBuf src) {
        SurfaceCommandsCapabilitySet set = new SurfaceCommandsCapabilitySet(src.readUnsignedIntLE(), src.readUnsignedIntLE());
        src.skipBytes(src.readableBytes());
        return set;
    }

    @Override
    public int type() {
        return CAPSETTYPE_SURFACE_COMMANDS;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) cmdFlags);
        dst.writeIntLE((int) reserved);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "SurfaceCommandsCapabilitySet";
    }
}
