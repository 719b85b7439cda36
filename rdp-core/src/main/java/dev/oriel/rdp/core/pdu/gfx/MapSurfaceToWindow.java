package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.20 RDPGFX_MAP_SURFACE_TO_WINDOW_PDU: surfaceId (2), windowId (8, the RAIL window of
 * [MS-RDPERP] 2.2.1.3.1.1), mappedWidth (4), mappedHeight (4) — the HiDef RemoteApp way of giving a window its own
 * surface.
 */
public record MapSurfaceToWindow(int surfaceId, long windowId, long mappedWidth, long mappedHeight)
        implements GfxPdu {
    public static final String NAME = "MapSurfaceToWindow";
    static final int BODY_SIZE = 18;

    public MapSurfaceToWindow {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        Wire.requireUnsigned(mappedWidth, 0xFFFF_FFFFL, "mappedWidth");
        Wire.requireUnsigned(mappedHeight, 0xFFFF_FFFFL, "mappedHeight");
    }

    static MapSurfaceToWindow decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new MapSurfaceToWindow(src.readUnsignedShortLE(), src.readLongLE(), src.readUnsignedIntLE(),
                src.readUnsignedIntLE());
    }

    @Override
    public int cmdId() {
        return MAPSURFACETOWINDOW;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(surfaceId).writeLongLE(windowId).writeIntLE((int) mappedWidth).writeIntLE((int) mappedHeight);
    }

    @Override
    public String name() {
        return NAME;
    }
}
