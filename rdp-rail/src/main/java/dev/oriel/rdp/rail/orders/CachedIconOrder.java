package dev.oriel.rdp.rail.orders;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.1.3.1.2.3 Cached Icon: header, windowId, TS_CACHED_ICON_INFO (cacheEntry (2), cacheId (1)),
 * naming an icon the server sent earlier with these cache coordinates.
 */
public record CachedIconOrder(long windowId, boolean big, int cacheEntry, int cacheId) implements WindowOrder {
    public static final String NAME = "CachedIconOrder";

    public CachedIconOrder {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        Wire.requireUnsigned(cacheEntry, 0xFFFF, "cacheEntry");
        Wire.requireUnsigned(cacheId, 0xFF, "cacheId");
    }

    static CachedIconOrder decodeBody(ByteBuf src, int flags) {
        Wire.ensureReadable(src, 7, NAME);
        return new CachedIconOrder(src.readUnsignedIntLE(), (flags & FIELD_ICON_BIG) != 0, src.readUnsignedShortLE(),
                src.readUnsignedByte());
    }

    @Override
    public int fieldsPresentFlags() {
        return TYPE_WINDOW | CACHED_ICON | (big ? FIELD_ICON_BIG : 0);
    }

    @Override
    public int bodySize() {
        return 7;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        dst.writeShortLE(cacheEntry);
        dst.writeByte(cacheId);
    }

    @Override
    public String name() {
        return NAME;
    }
}
