package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.7.2.7 Large Pointer Capability Set (TS_LARGE_POINTER_CAPABILITYSET). */
public record LargePointerCapabilitySet(int largePointerSupportFlags) implements CapabilitySet {
    public static final int BODY_SIZE = 2 /* largePointerSupportFlags */;
    public static final int LARGE_POINTER_FLAG_96x96 = 0x0001;
    public static final int LARGE_POINTER_FLAG_384x384 = 0x0002;

    static LargePointerCapabilitySet decodeBody(ByteBuf src) {
        LargePointerCapabilitySet set = new LargePointerCapabilitySet(src.readUnsignedShortLE());
        src.skipBytes(src.readableBytes());
        return set;
    }

    @Override
    public int type() {
        return CAPSETTYPE_LARGE_POINTER;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(largePointerSupportFlags);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "LargePointerCapabilitySet";
    }
}
