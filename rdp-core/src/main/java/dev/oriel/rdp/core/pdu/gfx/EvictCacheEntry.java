package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPEGFX] 2.2.2.8 RDPGFX_EVICT_CACHE_ENTRY_PDU: cacheSlot (2, one-based) — the client frees the slot. */
public record EvictCacheEntry(int cacheSlot) implements GfxPdu {
    public static final String NAME = "EvictCacheEntry";
    static final int BODY_SIZE = 2;

    public EvictCacheEntry {
        SurfaceToCache.requireSlot(cacheSlot);
    }

    static EvictCacheEntry decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new EvictCacheEntry(SurfaceToCache.decodeSlot(src, NAME));
    }

    @Override
    public int cmdId() {
        return EVICTCACHEENTRY;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(cacheSlot);
    }

    @Override
    public String name() {
        return NAME;
    }
}
