package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.14 RDPGFX_MAP_SURFACE_TO_OUTPUT_PDU: surfaceId (2), reserved (2), the surface's origin on
 * the desktop (4 each).
 */
public record MapSurfaceToOutput(int surfaceId, long outputOriginX, long outputOriginY) implements GfxPdu {
    public static final String NAME = "MapSurfaceToOutput";
    static final int BODY_SIZE = 12;

    public MapSurfaceToOutput {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        Wire.requireUnsigned(outputOriginX, 0xFFFF_FFFFL, "outputOriginX");
        Wire.requireUnsigned(outputOriginY, 0xFFFF_FFFFL, "outputOriginY");
    }

    static MapSurfaceToOutput decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        int surfaceId = src.readUnsignedShortLE();
        src.skipBytes(2); // reserved
        long outputOriginX = src.readUnsignedIntLE();
        long outputOriginY = src.readUnsignedIntLE();
        return new MapSurfaceToOutput(surfaceId, outputOriginX, outputOriginY);
    }

    @Override
    public int cmdId() {
        return MAPSURFACETOOUTPUT;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(surfaceId);
        dst.writeZero(2); // reserved
        dst.writeIntLE((int) outputOriginX);
        dst.writeIntLE((int) outputOriginY);
    }

    @Override
    public String name() {
        return NAME;
    }
}
