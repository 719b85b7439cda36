package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.22 RDPGFX_MAP_SURFACE_TO_SCALED_OUTPUT_PDU: surfaceId (2), reserved (2) = 0, outputOriginX (4),
 * outputOriginY (4), targetWidth (4), targetHeight (4) — a surface shown on the output scaled to the target size.
 */
public record MapSurfaceToScaledOutput(int surfaceId, long outputOriginX, long outputOriginY, long targetWidth,
        long targetHeight) implements GfxPdu {
    public static final String NAME = "MapSurfaceToScaledOutput";
    static final int BODY_SIZE = 20;

    public MapSurfaceToScaledOutput {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        Wire.requireUnsigned(outputOriginX, 0xFFFF_FFFFL, "outputOriginX");
        Wire.requireUnsigned(outputOriginY, 0xFFFF_FFFFL, "outputOriginY");
        Wire.requireUnsigned(targetWidth, 0xFFFF_FFFFL, "targetWidth");
        Wire.requireUnsigned(targetHeight, 0xFFFF_FFFFL, "targetHeight");
    }

    static MapSurfaceToScaledOutput decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        int surfaceId = src.readUnsignedShortLE();
        src.skipBytes(2); // reserved
        return new MapSurfaceToScaledOutput(surfaceId, src.readUnsignedIntLE(), src.readUnsignedIntLE(),
                src.readUnsignedIntLE(), src.readUnsignedIntLE());
    }

    @Override
    public int cmdId() {
        return MAPSURFACETOSCALEDOUTPUT;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(surfaceId).writeShortLE(0).writeIntLE((int) outputOriginX).writeIntLE((int) outputOriginY)
                .writeIntLE((int) targetWidth).writeIntLE((int) targetHeight);
    }

    @Override
    public String name() {
        return NAME;
    }
}
