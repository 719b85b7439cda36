package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPEGFX] 2.2.2.1 RDPGFX_WIRE_TO_SURFACE_PDU_1: surfaceId (2), codecId (2), pixelFormat (1), destRect (RECT16),
 * bitmapDataLength (4), bitmapData encoded with the codec.
 */
public record WireToSurface1(int surfaceId, int codecId, int pixelFormat, GfxRect destRect, Bytes bitmapData)
        implements GfxPdu {
    public static final String NAME = "WireToSurface1";
    public static final int CODEC_UNCOMPRESSED = 0x0000;
    public static final int CODEC_CAVIDEO = 0x0003;
    public static final int CODEC_CLEARCODEC = 0x0008;
    public static final int CODEC_PLANAR = 0x000A;
    public static final int CODEC_AVC420 = 0x000B;
    public static final int CODEC_ALPHA = 0x000C;
    public static final int CODEC_AVC444 = 0x000E;
    public static final int CODEC_AVC444V2 = 0x000F;

    public WireToSurface1 {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        Wire.requireUnsigned(codecId, 0xFFFF, "codecId");
        Wire.requireUnsigned(pixelFormat, 0xFF, "pixelFormat");
        Objects.requireNonNull(destRect, "destRect");
        Objects.requireNonNull(bitmapData, "bitmapData");
    }

    static WireToSurface1 decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 17, NAME);
        int surfaceId = src.readUnsignedShortLE();
        int codecId = src.readUnsignedShortLE();
        int pixelFormat = src.readUnsignedByte();
        GfxRect rect = GfxRect.decode(src, NAME, "destRect");
        long length = src.readUnsignedIntLE();
        ByteBuf data = Wire.readSlice(src, length, NAME, "bitmapDataLength");
        return new WireToSurface1(surfaceId, codecId, pixelFormat, rect, Bytes.read(data, data.readableBytes()));
    }

    @Override
    public int cmdId() {
        return WIRETOSURFACE_1;
    }

    @Override
    public int bodySize() {
        return 17 + bitmapData.length();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        writeFields(dst, surfaceId, codecId, pixelFormat, destRect, bitmapData.length());
        bitmapData.writeTo(dst);
    }

    private static void writeFields(ByteBuf dst, int surfaceId, int codecId, int pixelFormat, GfxRect destRect,
            int length) {
        dst.writeShortLE(surfaceId);
        dst.writeShortLE(codecId);
        dst.writeByte(pixelFormat);
        destRect.encode(dst);
        dst.writeIntLE(length);
    }

    /**
     * Writes the whole PDU, header included, with the codec payload taken from {@code bitmapData}'s readable bytes
     * (not consumed): the encoder's path, which keeps codec output in pooled buffers instead of copying it into a
     * record.
     */
    public static void encode(ByteBuf dst, int surfaceId, int codecId, int pixelFormat, GfxRect destRect,
            ByteBuf bitmapData) {
        int length = bitmapData.readableBytes();
        dst.writeShortLE(WIRETOSURFACE_1);
        dst.writeShortLE(0);
        dst.writeIntLE(HEADER_SIZE + 17 + length);
        writeFields(dst, surfaceId, codecId, pixelFormat, destRect, length);
        dst.writeBytes(bitmapData, bitmapData.readerIndex(), length);
    }

    @Override
    public String name() {
        return NAME;
    }
}
