package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;

/** [MS-RDPERP] 2.2.1.1.1 Remote Programs Capability Set (TS_RAIL_CAPABILITYSET). */
public record RemoteProgramsCapabilitySet(long railSupportLevel) implements CapabilitySet {
    public static final int BODY_SIZE = 4 /* RailSupportLevel */;
    public static final int RAIL_LEVEL_SUPPORTED = 0x0001;
    public static final int RAIL_LEVEL_DOCKED_LANGBAR_SUPPORTED = 0x0002;
    public static final int RAIL_LEVEL_SHELL_INTEGRATION_SUPPORTED = 0x0004;
    public static final int RAIL_LEVEL_LANGUAGE_IME_SYNC_SUPPORTED = 0x0008;
    public static final int RAIL_LEVEL_SERVER_TO_CLIENT_IME_SYNC_SUPPORTED = 0x0010;
    public static final int RAIL_LEVEL_HIDE_MINIMIZED_APPS_SUPPORTED = 0x0020;
    public static final int RAIL_LEVEL_WINDOW_CLOAKING_SUPPORTED = 0x0040;
    public static final int RAIL_LEVEL_HANDSHAKE_EX_SUPPORTED = 0x0080;

    static RemoteProgramsCapabilitySet decodeBody(ByteBuf src) {
        RemoteProgramsCapabilitySet set = new RemoteProgramsCapabilitySet(src.readUnsignedIntLE());
        src.skipBytes(src.readableBytes());
        return set;
    }

    @Override
    public int type() {
        return CAPSTYPE_RAIL;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) railSupportLevel);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "RemoteProgramsCapabilitySet";
    }
}
