package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.7.2.6 Multifragment Update Capability Set (TS_MULTIFRAGMENTUPDATE_CAPABILITYSET). */
public record MultifragmentUpdateCapabilitySet(long maxRequestSize) implements CapabilitySet {
    public static final int BODY_SIZE = 4 /* MaxRequestSize */;

    static MultifragmentUpdateCapabilitySet decodeBody(ByteBuf src) {
        MultifragmentUpdateCapabilitySet set = new MultifragmentUpdateCapabilitySet(src.readUnsignedIntLE());
        src.skipBytes(src.readableBytes());
        return set;
    }

    @Override
    public int type() {
        return CAPSETTYPE_MULTIFRAGMENTUPDATE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) maxRequestSize);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "MultifragmentUpdateCapabilitySet";
    }
}
