package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPEGFX] 2.2.2.2 RDPGFX_WIRE_TO_SURFACE_PDU_2: surfaceId (2), codecId (2), codecContextId (4), pixelFormat
 * (1), bitmapDataLength (4), bitmapData — no destination rectangle: the codec's stream places its tiles itself. Carries RemoteFX Progressive ([MS-RDPEGFX] 2.2.4.2), whose tile state the client keeps per
 * codec context until Delete Encoding Context.
 */
public record WireToSurface2(int surfaceId, int codecId, long codecContextId, int pixelFormat, Bytes bitmapData)
        implements GfxPdu {
    public static final String NAME = "WireToSurface2";
    /** RDPGFX_CODECID_CAPROGRESSIVE, the one codec this PDU carries. */
    public static final int CODEC_CAPROGRESSIVE = 0x0009;
    static final int FIELDS_SIZE = 13;

    public WireToSurface2 {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        Wire.requireUnsigned(codecId, 0xFFFF, "codecId");
        Wire.requireUnsigned(codecContextId, 0xFFFF_FFFFL, "codecContextId");
        Wire.requireUnsigned(pixelFormat, 0xFF, "pixelFormat");
        Objects.requireNonNull(bitmapData, "bitmapData");
    }

    static WireToSurface2 decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, FIELDS_SIZE, NAME);
        int surfaceId = src.readUnsignedShortLE();
        int codecId = src.readUnsignedShortLE();
        long context = src.readUnsignedIntLE();
        int pixelFormat = src.readUnsignedByte();
        long length = src.readUnsignedIntLE();
        ByteBuf data = Wire.readSlice(src, length, NAME, "bitmapDataLength");
        return new WireToSurface2(surfaceId, codecId, context, pixelFormat, Bytes.read(data, data.readableBytes()));
    }

    @Override
    public int cmdId() {
        return WIRETOSURFACE_2;
    }

    @Override
    public int bodySize() {
        return FIELDS_SIZE + bitmapData.length();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        writeFields(dst, surfaceId, codecId, codecContextId, pixelFormat, bitmapData.length());
        bitmapData.writeTo(dst);
    }

    private static void writeFields(ByteBuf dst, int surfaceId, int codecId, long codecContextId, int pixelFormat,
            int length) {
        dst.writeShortLE(surfaceId);
        dst.writeShortLE(codecId);
        dst.writeIntLE((int) codecContextId);
        dst.writeByte(pixelFormat);
        dst.writeIntLE(length);
    }

    /**
     * Writes the whole PDU, header included, with the codec payload taken from {@code bitmapData}'s readable bytes
     * (not consumed), as {@link WireToSurface1#encode(ByteBuf, int, int, int, GfxRect, ByteBuf)} does.
     */
    public static void encode(ByteBuf dst, int surfaceId, int codecId, long codecContextId, int pixelFormat,
            ByteBuf bitmapData) {
        int length = bitmapData.readableBytes();
        dst.writeShortLE(WIRETOSURFACE_2);
        dst.writeShortLE(0);
        dst.writeIntLE(HEADER_SIZE + FIELDS_SIZE + length);
        writeFields(dst, surfaceId, codecId, codecContextId, pixelFormat, length);
        dst.writeBytes(bitmapData, bitmapData.readerIndex(), length);
    }

    @Override
    public String name() {
        return NAME;
    }
}
