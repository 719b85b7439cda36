package dev.oriel.rdp.core.graphics;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The graphics pipeline's uncompressed codec ([MS-RDPEGFX] 2.2.2.1, RDPGFX_CODECID_UNCOMPRESSED): the rectangle's
 * pixels as they are, rows top-down with no padding, four bytes each in the PDU's pixel format (B, G, R, then X or A,
 * 2.2.1.4), so exactly width × height × 4 bytes, which is what FreeRDP checks.
 *
 * <p>The reference codec: simple enough for any client and for golden tests. The server's encoder does not choose
 * it: planar ([MS-RDPEGDI] 3.1.9) falls back to raw planes itself, which for XRGB take 3 bytes a pixel against 4 here,
 * and for ARGB at most 2 bytes more than this in all.
 */
public final class Uncompressed {
    /** RDPGFX_CODECID_UNCOMPRESSED. */
    public static final int CODEC_ID = 0x0000;
    static final String NAME = "UncompressedBitmapData";

    private Uncompressed() {
    }

    /**
     * Writes the {@code width × height} region of {@code argb} (0xAARRGGBB, {@code stride} ints per row from
     * {@code offset}); with {@code alpha} false the fourth byte is 0xFF (XRGB surfaces ignore it).
     *
     * @return bytes written, width × height × 4
     */
    public static int encode(int[] argb, int offset, int stride, int width, int height, boolean alpha, ByteBuf dst) {
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("region " + width + "x" + height);
        }
        int start = dst.writerIndex();
        int mask = alpha ? 0 : 0xFF00_0000;
        for (int y = 0; y < height; y++) {
            int s = offset + y * stride;
            for (int x = 0; x < width; x++) {
                dst.writeIntLE(argb[s + x] | mask); // little-endian 0xAARRGGBB is B, G, R, A
            }
        }
        return dst.writerIndex() - start;
    }

    /**
     * Decodes the buffer's readable bytes (all of them) into the {@code width × height} region of {@code argb} at
     * {@code offset} ({@code stride} ints per row); with {@code alpha} false the pixels come out opaque.
     *
     * @throws DecodeException when the data is not exactly width × height × 4 bytes
     */
    public static void decode(ByteBuf src, int width, int height, boolean alpha, int[] argb, int offset, int stride) {
        long expected = (long) width * height * 4;
        if (src.readableBytes() != expected) {
            throw DecodeException.invalidField(NAME, "bitmapDataLength", src.readableBytes() + " bytes for a "
                    + width + "x" + height + " rectangle, not " + expected);
        }
        int mask = alpha ? 0 : 0xFF00_0000;
        for (int y = 0; y < height; y++) {
            int d = offset + y * stride;
            for (int x = 0; x < width; x++) {
                argb[d + x] = src.readIntLE() | mask;
            }
        }
    }
}
