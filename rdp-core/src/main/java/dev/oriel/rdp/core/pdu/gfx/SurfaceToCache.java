package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.6 RDPGFX_SURFACE_TO_CACHE_PDU: surfaceId (2), cacheKey (8), cacheSlot (2, one-based),
 * rectSrc (RECT16) — the client copies the rectangle of the surface into the bitmap cache slot.
 */
public record SurfaceToCache(int surfaceId, long cacheKey, int cacheSlot, GfxRect rectSrc) implements GfxPdu {
    public static final String NAME = "SurfaceToCache";
    static final int BODY_SIZE = 12 + GfxRect.SIZE;

    public SurfaceToCache {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        requireSlot(cacheSlot);
    }

    /** Slots are one-based ([MS-RDPEGFX] 3.3.1.4); zero is never a slot. */
    static void requireSlot(int cacheSlot) {
        if (cacheSlot < 1 || cacheSlot > 0xFFFF) {
            throw new IllegalArgumentException("cacheSlot " + cacheSlot + " outside 1..65535");
        }
    }

    static int decodeSlot(ByteBuf src, String pdu) {
        int slot = src.readUnsignedShortLE();
        if (slot == 0) {
            throw DecodeException.invalidField(pdu, "cacheSlot", "0 (slots are one-based)");
        }
        return slot;
    }

    static SurfaceToCache decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 12, NAME);
        int surfaceId = src.readUnsignedShortLE();
        long key = src.readLongLE();
        int slot = decodeSlot(src, NAME);
        return new SurfaceToCache(surfaceId, key, slot, GfxRect.decode(src, NAME, "rectSrc"));
    }

    @Override
    public int cmdId() {
        return SURFACETOCACHE;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(surfaceId).writeLongLE(cacheKey).writeShortLE(cacheSlot);
        rectSrc.encode(dst);
    }

    @Override
    public String name() {
        return NAME;
    }
}
