package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.9 RDPGFX_CREATE_SURFACE_PDU: a surface of width × height in a pixel format
 * ({@link GfxPdu#PIXEL_FORMAT_XRGB_8888} or {@link GfxPdu#PIXEL_FORMAT_ARGB_8888}).
 */
public record CreateSurface(int surfaceId, int width, int height, int pixelFormat) implements GfxPdu {
    public static final String NAME = "CreateSurface";
    static final int BODY_SIZE = 7;

    public CreateSurface {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        Wire.requireUnsigned(width, 0xFFFF, "width");
        Wire.requireUnsigned(height, 0xFFFF, "height");
        Wire.requireUnsigned(pixelFormat, 0xFF, "pixelFormat");
    }

    static CreateSurface decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        int surfaceId = src.readUnsignedShortLE();
        int width = src.readUnsignedShortLE();
        int height = src.readUnsignedShortLE();
        int pixelFormat = src.readUnsignedByte();
        return new CreateSurface(surfaceId, width, height, pixelFormat);
    }

    @Override
    public int cmdId() {
        return CREATESURFACE;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(surfaceId);
        dst.writeShortLE(width);
        dst.writeShortLE(height);
        dst.writeByte(pixelFormat);
    }

    @Override
    public String name() {
        return NAME;
    }
}
