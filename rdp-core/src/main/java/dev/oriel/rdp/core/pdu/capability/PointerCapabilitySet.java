package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;
import java.util.OptionalInt;

/**
 * [MS-RDPBCGR] 2.2.7.1.5 Pointer Capability Set (TS_POINTER_CAPABILITYSET). {@code pointerCacheSize} is absent in
 * old clients' 4-byte bodies.
 */
public record PointerCapabilitySet(int colorPointerFlag, int colorPointerCacheSize, OptionalInt pointerCacheSize)
        implements CapabilitySet {

    /** The server's set: colour pointers with a 25-entry cache for both pointer kinds. */
    public static PointerCapabilitySet server() {
        return new PointerCapabilitySet(1, 25, OptionalInt.of(25));
    }

    static PointerCapabilitySet decodeBody(ByteBuf src) {
        int flag = src.readUnsignedShortLE();
        int color = src.readUnsignedShortLE();
        OptionalInt cache = src.readableBytes() >= 2 ? OptionalInt.of(src.readUnsignedShortLE()) : OptionalInt.empty();
        return new PointerCapabilitySet(flag, color, cache);
    }

    @Override
    public int type() {
        return CAPSTYPE_POINTER;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(colorPointerFlag);
        dst.writeShortLE(colorPointerCacheSize);
        pointerCacheSize.ifPresent(dst::writeShortLE);
    }

    @Override
    public int bodySize() {
        return 4 + (pointerCacheSize.isPresent() ? 2 : 0);
    }

    @Override
    public String name() {
        return "PointerCapabilitySet";
    }
}
