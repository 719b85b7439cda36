package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * [MS-RDPEGFX] 2.2.2.7 RDPGFX_CACHE_TO_SURFACE_PDU: cacheSlot (2, one-based), surfaceId (2), destPtsCount (2),
 * destPts (POINT16 × count) — the client draws a cached bitmap at each point.
 */
public record CacheToSurface(int cacheSlot, int surfaceId, List<GfxPoint> destPts) implements GfxPdu {
    public static final String NAME = "CacheToSurface";

    public CacheToSurface {
        SurfaceToCache.requireSlot(cacheSlot);
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        destPts = GfxPoint.checkedCopy(destPts);
    }

    static CacheToSurface decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 4, NAME);
        int slot = SurfaceToCache.decodeSlot(src, NAME);
        int surfaceId = src.readUnsignedShortLE();
        return new CacheToSurface(slot, surfaceId, GfxPoint.decodeList(src, NAME, "destPtsCount"));
    }

    @Override
    public int cmdId() {
        return CACHETOSURFACE;
    }

    @Override
    public int bodySize() {
        return 4 + 2 + GfxPoint.SIZE * destPts.size();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(cacheSlot).writeShortLE(surfaceId);
        GfxPoint.encodeList(destPts, dst);
    }

    @Override
    public String name() {
        return NAME;
    }
}
