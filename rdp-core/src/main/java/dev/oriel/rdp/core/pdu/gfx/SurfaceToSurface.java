package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * [MS-RDPEGFX] 2.2.2.5 RDPGFX_SURFACE_TO_SURFACE_PDU: surfaceIdSrc (2), surfaceIdDest (2), rectSrc (RECT16),
 * destPtsCount (2), destPts (POINT16 × count) — copies a rectangle within or between surfaces, e.g. to scroll.
 */
public record SurfaceToSurface(int surfaceIdSrc, int surfaceIdDest, GfxRect rectSrc, List<GfxPoint> destPts)
        implements GfxPdu {
    public static final String NAME = "SurfaceToSurface";

    public SurfaceToSurface {
        Wire.requireUnsigned(surfaceIdSrc, 0xFFFF, "surfaceIdSrc");
        Wire.requireUnsigned(surfaceIdDest, 0xFFFF, "surfaceIdDest");
        destPts = GfxPoint.checkedCopy(destPts);
    }

    static SurfaceToSurface decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 4, NAME);
        int from = src.readUnsignedShortLE();
        int to = src.readUnsignedShortLE();
        GfxRect rect = GfxRect.decode(src, NAME, "rectSrc");
        return new SurfaceToSurface(from, to, rect, GfxPoint.decodeList(src, NAME, "destPtsCount"));
    }

    @Override
    public int cmdId() {
        return SURFACETOSURFACE;
    }

    @Override
    public int bodySize() {
        return 4 + GfxRect.SIZE + 2 + GfxPoint.SIZE * destPts.size();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(surfaceIdSrc).writeShortLE(surfaceIdDest);
        rectSrc.encode(dst);
        GfxPoint.encodeList(destPts, dst);
    }

    @Override
    public String name() {
        return NAME;
    }
}
