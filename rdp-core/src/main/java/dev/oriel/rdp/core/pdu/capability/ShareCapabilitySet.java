package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.7.2.4 Share Capability Set (TS_SHARE_CAPABILITYSET). */
public record ShareCapabilitySet(int nodeId) implements CapabilitySet {
    public static final int BODY_SIZE = 2 /* nodeId */ + 2 /* pad2octets */;

    static ShareCapabilitySet decodeBody(ByteBuf src) {
        ShareCapabilitySet set = new ShareCapabilitySet(src.readUnsignedShortLE());
        src.skipBytes(src.readableBytes());
        return set;
    }

    @Override
    public int type() {
        return CAPSTYPE_SHARE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(nodeId);
        dst.writeShortLE(0);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "ShareCapabilitySet";
    }
}
