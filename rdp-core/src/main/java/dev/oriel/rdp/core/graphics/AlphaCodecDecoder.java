package dev.oriel.rdp.core.graphics;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;

/**
 * Alpha codec decoder ([MS-RDPEGFX] 2.2.4.3): applies an ALPHACODEC_BITMAP_STREAM to the alpha byte of ARGB pixels,
 * keeping their colour. Used by tests and the client test kit.
 *
 * <p>The stream is the buffer's readable bytes and must cover exactly {@code width × height} pixels: a run past the
 * last pixel, too few pixels, a truncated field or trailing bytes give a {@link DecodeException} naming the field.
 * (FreeRDP's client clips an overlong run and ignores trailing bytes; the spec says the decoded pixel count MUST equal
 * the area, so this decoder, which checks servers, is strict.) Nothing is written beyond the {@code width × height}
 * region; on error the region may be partly updated.
 */
public final class AlphaCodecDecoder {
    static final String NAME = "AlphaCodecBitmapStream";
    /** Largest region {@link #decode(ByteBuf, int, int)} allocates for (64 MB of pixels). */
    static final int MAX_ARRAY_PIXELS = 1 << 24;

    private AlphaCodecDecoder() {
    }

    /**
     * Decodes {@code src} into the alpha of a {@code width × height} region of {@code argb} ({@code stride} ints per
     * row, starting at {@code offset}).
     */
    public static void decode(ByteBuf src, int width, int height, int[] argb, int offset, int stride) {
        AlphaCodecEncoder.checkRegion(argb, offset, stride, width, height);
        need(src, AlphaCodec.HEADER_SIZE, "alphaSig");
        int signature = src.readUnsignedShortLE();
        if (signature != AlphaCodec.SIGNATURE) {
            throw DecodeException.invalidField(NAME, "alphaSig", String.format("0x%04X, not 0x414C", signature));
        }
        int compressed = src.readUnsignedShortLE();
        long pixels = (long) width * height;
        if (compressed == 0) {
            need(src, pixels, "segments (raw)");
            for (int y = 0; y < height; y++) {
                int d = offset + y * stride;
                for (int x = 0; x < width; x++) {
                    argb[d + x] = argb[d + x] & 0xFF_FFFF | src.readUnsignedByte() << 24;
                }
            }
        } else {
            decodeRle(src, width, pixels, argb, offset, stride);
        }
        if (src.isReadable()) {
            throw DecodeException.trailingBytes(NAME, src.readableBytes());
        }
    }

    /** Decodes into a new top-down array of {@code width × height} pixels whose colour bits are zero. */
    public static int[] decode(ByteBuf src, int width, int height) {
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF) {
            throw DecodeException.invalidField(NAME, "size", width + "x" + height);
        }
        if ((long) width * height > MAX_ARRAY_PIXELS) {
            throw DecodeException.limitExceeded(NAME, "width × height", (long) width * height, MAX_ARRAY_PIXELS);
        }
        int[] out = new int[width * height];
        decode(src, width, height, out, 0, width);
        return out;
    }

    private static void decodeRle(ByteBuf src, int width, long pixels, int[] argb, int offset, int stride) {
        long done = 0;
        int x = 0;
        int d = offset;
        while (done < pixels) {
            need(src, 2, "runValue");
            int value = src.readUnsignedByte() << 24;
            long run = src.readUnsignedByte(); // runLengthFactor1
            if (run == 0xFF) {
                need(src, 2, "runLengthFactor2");
                run = src.readUnsignedShortLE();
                if (run == 0xFFFF) {
                    need(src, 4, "runLengthFactor3");
                    run = src.readUnsignedIntLE();
                }
            }
            if (run > pixels - done) {
                throw DecodeException.limitExceeded(NAME, "run length (pixel " + done + ")", run, pixels - done);
            }
            // A zero run is allowed by 2.2.4.3.1 and costs two input bytes, so the loop stays bounded by the input.
            done += run;
            for (long k = 0; k < run; k++) {
                argb[d + x] = argb[d + x] & 0xFF_FFFF | value;
                if (++x == width) {
                    x = 0;
                    d += stride;
                }
            }
        }
    }

    private static void need(ByteBuf src, long n, String field) {
        if (src.readableBytes() < n) {
            throw DecodeException.invalidField(NAME, field,
                    "truncated: " + src.readableBytes() + " bytes left, " + n + " needed");
        }
    }
}
