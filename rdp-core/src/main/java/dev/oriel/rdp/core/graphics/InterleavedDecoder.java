package dev.oriel.rdp.core.graphics;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;

/**
 * Interleaved RLE bitmap decoder ([MS-RDPBCGR] 2.2.9.1.1.3.1.2.4 RLE_BITMAP_STREAM, 3.1.9 Interleaved RLE-Based
 * Bitmap Compression) at 15, 16 and 24 bpp. Used by tests and the client test kit to check what the server sends.
 *
 * <p>Every read is bounds-checked and every order is checked against the {@code width × height} output before it
 * writes, so malformed input gives a {@link DecodeException} naming the field, never an overflow: a run past the
 * end of the bitmap is an error. A stream may end early, as real servers' streams for edge tiles do (IronRDP's test
 * tiles have some); the pixels it does not reach stay black, as FreeRDP and IronRDP leave them.
 */
public final class InterleavedDecoder {
    static final String NAME = "RleBitmapStream";

    private InterleavedDecoder() {
    }

    /**
     * Decodes a whole RLE_BITMAP_STREAM (the buffer's readable bytes) of {@code width × height} pixels at {@code bpp}
     * into 0xFFRRGGBB, top row first. The stream's first row is the image's last, as bitmap updates carry it
     * ([MS-RDPBCGR] 2.2.9.1.1.3.1.2.2, bitmapDataStream). 16 and 15 bpp channels widen by bit replication.
     */
    public static int[] decode(ByteBuf src, int width, int height, int bpp) {
        int[] wire = decodeNative(src, width, height, bpp);
        int[] out = new int[wire.length];
        for (int y = 0; y < height; y++) {
            int from = y * width;
            int to = (height - 1 - y) * width;
            for (int x = 0; x < width; x++) {
                out[to + x] = Interleaved.toArgb(wire[from + x], bpp);
            }
        }
        return out;
    }

    /**
     * Decodes into the stream's own pixel values (24 bpp 0xRRGGBB, 16 bpp RGB565, 15 bpp RGB555), rows in stream
     * order (for bitmap updates: bottom row first).
     */
    public static int[] decodeNative(ByteBuf src, int width, int height, int bpp) {
        if (bpp != 24 && bpp != 16 && bpp != 15) {
            throw DecodeException.unsupportedValue(NAME, "bitsPerPixel", Integer.toString(bpp));
        }
        if (width < 1 || height < 1 || (long) width * height > 1 << 24) {
            throw DecodeException.invalidField(NAME, "size", width + "x" + height);
        }
        int bytesPerPixel = bpp == 24 ? 3 : 2;
        int white = Interleaved.white(bpp);
        int n = width * height;
        int[] dst = new int[n];
        int pos = 0;
        int fg = white; // 3.1.9: the foreground colour starts white
        boolean insertFg = false;
        boolean firstLine = true;
        while (src.isReadable()) {
            // The first scan line's orders read black instead of the line above; the rule ends (and with it a
            // pending foreground insertion) at the first order that starts past that line.
            if (firstLine && pos >= width) {
                firstLine = false;
                insertFg = false;
            }
            int header = src.readUnsignedByte();
            int code;
            int run;
            if ((header & 0xC0) != 0xC0) {
                code = header >> 5; // regular orders: 3-bit code, 5-bit length
                if (code > Interleaved.COLOR_IMAGE) {
                    throw DecodeException.invalidField(NAME, "orderHeader", String.format("unknown order 0x%02X", header));
                }
                int length = header & 0x1F;
                if (code == Interleaved.FGBG_IMAGE) {
                    // Length in units of 8 pixels; 0 means a following byte holds the pixel count minus 1.
                    run = length != 0 ? length * 8 : readByte(src, "runLength") + 1;
                } else {
                    run = length != 0 ? length : readByte(src, "runLength") + 32;
                }
            } else if ((header & 0xF0) != 0xF0) {
                code = header >> 4; // lite orders: 4-bit code, 4-bit length
                int length = header & 0x0F;
                if (code == Interleaved.LITE_SET_FG_FGBG_IMAGE) {
                    run = length != 0 ? length * 8 : readByte(src, "runLength") + 1;
                } else {
                    run = length != 0 ? length : readByte(src, "runLength") + 16;
                }
            } else {
                code = header; // MEGA_MEGA and special orders: the whole byte is the code
                switch (code) {
                    case Interleaved.MEGA_MEGA_BG_RUN, Interleaved.MEGA_MEGA_FG_RUN, Interleaved.MEGA_MEGA_FGBG_IMAGE,
                            Interleaved.MEGA_MEGA_COLOR_RUN, Interleaved.MEGA_MEGA_COLOR_IMAGE,
                            Interleaved.MEGA_MEGA_SET_FG_RUN, Interleaved.MEGA_MEGA_SET_FGBG_IMAGE,
                            Interleaved.MEGA_MEGA_DITHERED_RUN -> {
                        need(src, 2, "runLength");
                        run = src.readUnsignedShortLE();
                        if (run == 0) {
                            throw DecodeException.invalidField(NAME, "runLength", "zero-length MEGA_MEGA order");
                        }
                    }
                    case Interleaved.SPECIAL_FGBG_1, Interleaved.SPECIAL_FGBG_2 -> run = 8;
                    case Interleaved.WHITE, Interleaved.BLACK -> run = 1;
                    default -> throw DecodeException.invalidField(NAME, "orderHeader",
                            String.format("unknown order 0x%02X", header));
                }
            }
            int pixels = code == Interleaved.LITE_DITHERED_RUN || code == Interleaved.MEGA_MEGA_DITHERED_RUN ? 2 * run
                    : run;
            if (pixels > n - pos) {
                throw DecodeException.invalidField(NAME, "runLength",
                        "order of " + pixels + " pixels at pixel " + pos + " runs past the " + n + "-pixel bitmap");
            }
            switch (code) {
                case Interleaved.BG_RUN, Interleaved.MEGA_MEGA_BG_RUN -> {
                    int end = pos + run;
                    if (insertFg) {
                        // Two background runs in a row: the spec inserts one foreground pixel between them.
                        dst[pos] = firstLine ? fg : dst[pos - width] ^ fg;
                        pos++;
                    }
                    for (; pos < end; pos++) {
                        dst[pos] = firstLine ? 0 : dst[pos - width];
                    }
                    insertFg = true;
                    continue;
                }
                case Interleaved.FG_RUN, Interleaved.MEGA_MEGA_FG_RUN, Interleaved.LITE_SET_FG_FG_RUN,
                        Interleaved.MEGA_MEGA_SET_FG_RUN -> {
                    if (code == Interleaved.LITE_SET_FG_FG_RUN || code == Interleaved.MEGA_MEGA_SET_FG_RUN) {
                        fg = readPixel(src, bytesPerPixel, "fgPel");
                    }
                    for (int end = pos + run; pos < end; pos++) {
                        dst[pos] = firstLine ? fg : dst[pos - width] ^ fg;
                    }
                }
                case Interleaved.LITE_DITHERED_RUN, Interleaved.MEGA_MEGA_DITHERED_RUN -> {
                    int a = readPixel(src, bytesPerPixel, "pixelA");
                    int b = readPixel(src, bytesPerPixel, "pixelB");
                    for (int end = pos + pixels; pos < end; pos += 2) {
                        dst[pos] = a;
                        dst[pos + 1] = b;
                    }
                }
                case Interleaved.COLOR_RUN, Interleaved.MEGA_MEGA_COLOR_RUN -> {
                    int c = readPixel(src, bytesPerPixel, "pixel");
                    for (int end = pos + run; pos < end; pos++) {
                        dst[pos] = c;
                    }
                }
                case Interleaved.COLOR_IMAGE, Interleaved.MEGA_MEGA_COLOR_IMAGE -> {
                    need(src, (long) run * bytesPerPixel, "pixels");
                    for (int end = pos + run; pos < end; pos++) {
                        dst[pos] = bytesPerPixel == 3 ? src.readUnsignedMediumLE() : src.readUnsignedShortLE();
                    }
                }
                case Interleaved.FGBG_IMAGE, Interleaved.MEGA_MEGA_FGBG_IMAGE, Interleaved.LITE_SET_FG_FGBG_IMAGE,
                        Interleaved.MEGA_MEGA_SET_FGBG_IMAGE -> {
                    if (code == Interleaved.LITE_SET_FG_FGBG_IMAGE || code == Interleaved.MEGA_MEGA_SET_FGBG_IMAGE) {
                        fg = readPixel(src, bytesPerPixel, "fgPel");
                    }
                    need(src, (run + 7) / 8, "bitmask");
                    for (int done = 0; done < run; done += 8) {
                        pos = fgbg(dst, pos, width, src.readUnsignedByte(), Math.min(8, run - done), fg, firstLine);
                    }
                }
                case Interleaved.SPECIAL_FGBG_1 -> pos = fgbg(dst, pos, width, 0x03, 8, fg, firstLine);
                case Interleaved.SPECIAL_FGBG_2 -> pos = fgbg(dst, pos, width, 0x05, 8, fg, firstLine);
                case Interleaved.WHITE -> dst[pos++] = white;
                case Interleaved.BLACK -> dst[pos++] = 0;
                default -> throw new IllegalStateException("order 0x" + Integer.toHexString(code));
            }
            insertFg = false;
        }
        return dst;
    }

    /** Writes {@code count} pixels of a foreground/background bitmask, least significant bit first (3.1.9). */
    private static int fgbg(int[] dst, int pos, int width, int mask, int count, int fg, boolean firstLine) {
        for (int i = 0; i < count; i++, pos++) {
            int above = firstLine ? 0 : dst[pos - width];
            dst[pos] = (mask & (1 << i)) != 0 ? above ^ fg : above;
        }
        return pos;
    }

    private static int readByte(ByteBuf src, String field) {
        need(src, 1, field);
        return src.readUnsignedByte();
    }

    private static int readPixel(ByteBuf src, int bytesPerPixel, String field) {
        need(src, bytesPerPixel, field);
        return bytesPerPixel == 3 ? src.readUnsignedMediumLE() : src.readUnsignedShortLE();
    }

    private static void need(ByteBuf src, long n, String field) {
        if (src.readableBytes() < n) {
            throw DecodeException.invalidField(NAME, field,
                    "needs " + n + " bytes, " + src.readableBytes() + " left (truncated order)");
        }
    }
}
