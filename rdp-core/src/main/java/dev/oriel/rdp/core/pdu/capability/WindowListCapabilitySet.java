package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;
import java.util.OptionalInt;

/**
 * [MS-RDPERP] 2.2.1.1.2 Window List Capability Set (TS_WINDOW_CAPABILITYSET). The icon cache fields are absent in
 * 4-byte bodies. A server must send WndSupportLevel exactly {@link #WINDOW_LEVEL_SUPPORTED_EX} for xfreerdp 2.x
 * (P-RAIL-1).
 */
public record WindowListCapabilitySet(long wndSupportLevel, OptionalInt numIconCaches, OptionalInt numIconCacheEntries)
        implements CapabilitySet {
    public static final int WINDOW_LEVEL_NOT_SUPPORTED = 0;
    public static final int WINDOW_LEVEL_SUPPORTED = 1;
    public static final int WINDOW_LEVEL_SUPPORTED_EX = 2;

    public WindowListCapabilitySet {
        if (numIconCaches.isPresent() != numIconCacheEntries.isPresent()) {
            throw new IllegalArgumentException("numIconCaches and numIconCacheEntries go together");
        }
    }

    static WindowListCapabilitySet decodeBody(ByteBuf src) {
        long level = src.readUnsignedIntLE();
        if (src.readableBytes() >= 3) {
            return new WindowListCapabilitySet(level, OptionalInt.of(src.readUnsignedByte()),
                    OptionalInt.of(src.readUnsignedShortLE()));
        }
        return new WindowListCapabilitySet(level, OptionalInt.empty(), OptionalInt.empty());
    }

    @Override
    public int type() {
        return CAPSTYPE_WINDOW;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) wndSupportLevel);
        numIconCaches.ifPresent(dst::writeByte);
        numIconCacheEntries.ifPresent(dst::writeShortLE);
    }

    @Override
    public int bodySize() {
        return 4 + (numIconCaches.isPresent() ? 3 : 0);
    }

    @Override
    public String name() {
        return "WindowListCapabilitySet";
    }
}
