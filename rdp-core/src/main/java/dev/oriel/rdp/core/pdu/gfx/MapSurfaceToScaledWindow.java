package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.23 RDPGFX_MAP_SURFACE_TO_SCALED_WINDOW_PDU: surfaceId (2), windowId (8), mappedWidth (4),
 * mappedHeight (4), targetWidth (4), targetHeight (4) — a window's surface shown scaled to the target size (HiDef
 * RemoteApp on a scaled display).
 */
public record MapSurfaceToScaledWindow(int surfaceId, long windowId, long mappedWidth, long mappedHeight,
        long targetWidth, long targetHeight) implements GfxPdu {
    public static final String NAME = "MapSurfaceToScaledWindow";
    static final int BODY_SIZE = 26;

    public MapSurfaceToScaledWindow {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        Wire.requireUnsigned(mappedWidth, 0xFFFF_FFFFL, "mappedWidth");
        Wire.requireUnsigned(mappedHeight, 0xFFFF_FFFFL, "mappedHeight");
        Wire.requireUnsigned(targetWidth, 0xFFFF_FFFFL, "targetWidth");
        Wire.requireUnsigned(targetHeight, 0xFFFF_FFFFL, "targetHeight");
    }

    static MapSurfaceToScaledWindow decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new MapSurfaceToScaledWindow(src.readUnsignedShortLE(), src.readLongLE(), src.readUnsignedIntLE(),
                src.readUnsignedIntLE(), src.readUnsignedIntLE(), src.readUnsignedIntLE());
    }

    @Override
    public int cmdId() {
        return MAPSURFACETOSCALEDWINDOW;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(surfaceId).writeLongLE(windowId).writeIntLE((int) mappedWidth).writeIntLE((int) mappedHeight)
                .writeIntLE((int) targetWidth).writeIntLE((int) targetHeight);
    }

    @Override
    public String name() {
        return NAME;
    }
}
