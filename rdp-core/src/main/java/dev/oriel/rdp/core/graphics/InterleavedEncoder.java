package dev.oriel.rdp.core.graphics;

import io.netty.buffer.ByteBuf;

/**
 * Interleaved RLE bitmap encoder ([MS-RDPBCGR] 3.1.9, RLE_BITMAP_STREAM 2.2.9.1.1.3.1.2.4) for bitmap updates at
 * 15, 16 and 24 bpp. Rows go bottom-up and the width is padded to a multiple of 4 pixels, as bitmap updates carry
 * them (2.2.9.1.1.3.1.2.2); pad columns repeat the row's last pixel so they extend its runs.
 *
 * <p>A greedy pass picks, at each pixel, the order that covers the most for the fewest bytes: background runs
 * (pixels equal to the ones a row above), foreground runs (the row above XOR a foreground colour), foreground /
 * background bitmasks for text and outlines, colour runs, dithered (two-colour) runs, and colour images for what is
 * left; single white or black pixels get their one-byte special orders. Lengths past the regular and lite forms use
 * the MEGA_MEGA forms.
 *
 * <p>Not thread-safe: one instance holds a scratch buffer for regions up to the size given at construction; keep
 * one per event loop. Allocation-free after construction.
 */
public final class InterleavedEncoder {
    /** An FG/BG bitmask stops before a stretch this long of plain background or foreground: a run costs less. */
    private static final int RUN_BREAK = 16;
    private static final int MEGA = 0xFFFF;

    private final int maxPixels;
    private final int[] px;
    /** The stream under construction; one call writes it to the caller's buffer at once. */
    private final byte[] buf;
    private int len;
    private int bytesPerPixel;
    private int width;
    private int fg;
    private int white;

    /** @param maxPixels the largest {@code paddedWidth(width) × height} this encoder will be given */
    public InterleavedEncoder(int maxPixels) {
        this.maxPixels = maxPixels;
        this.px = new int[maxPixels];
        // Worst case: every pixel a one-pixel colour image of 24-bpp pixels (the encoder falls back to one colour
        // image long before), plus headers.
        this.buf = new byte[4 * maxPixels + 16];
    }

    /** The bitmap width bitmap updates carry for a region {@code width} pixels wide: a multiple of 4. */
    public static int paddedWidth(int width) {
        return (width + 3) & ~3;
    }

    /**
     * Encodes a {@code width × height} region of {@code argb} (0xAARRGGBB, {@code stride} ints per row from
     * {@code offset}) at {@code bpp} (15, 16 or 24) and writes the RLE_BITMAP_STREAM of the
     * {@code paddedWidth(width) × height} bitmap, bottom row first, to {@code dst}.
     *
     * @return the number of bytes written
     */
    public int encode(int[] argb, int offset, int stride, int width, int height, int bpp, ByteBuf dst) {
        if (bpp != 24 && bpp != 16 && bpp != 15) {
            throw new IllegalArgumentException("interleaved RLE encodes 15, 16 or 24 bpp, not " + bpp);
        }
        int w = paddedWidth(width);
        if (width < 1 || height < 1 || (long) w * height > maxPixels) {
            throw new IllegalArgumentException("region " + width + "x" + height + " exceeds " + maxPixels + " pixels");
        }
        // Wire pixels in stream order: the image's last row first.
        for (int y = 0; y < height; y++) {
            int from = offset + (height - 1 - y) * stride;
            int to = y * w;
            for (int x = 0; x < width; x++) {
                px[to + x] = Interleaved.fromArgb(argb[from + x], bpp);
            }
            int last = px[to + width - 1];
            for (int x = width; x < w; x++) {
                px[to + x] = last;
            }
        }
        this.bytesPerPixel = Interleaved.bytesPerPixel(bpp);
        this.width = w;
        this.white = Interleaved.white(bpp);
        this.fg = white; // the decoder's initial foreground (3.1.9)
        this.len = 0;
        int n = w * height;
        int rawImage = 3 * ((n + MEGA - 1) / MEGA) + n * bytesPerPixel;
        if (!encodePixels(n) || len > rawImage) {
            // Noise-like content: orders cost more than they save, so send every pixel as one colour image.
            len = 0;
            flush(0, n);
        }
        int start = dst.writerIndex();
        dst.writeBytes(buf, 0, len);
        return dst.writerIndex() - start;
    }

    /** The pixel above {@code p} as the decoder sees it: black on the first scan line. */
    private int above(int p) {
        return p < width ? 0 : px[p - width];
    }

    /**
     * Encodes the {@code n} pixels; returns false, early, when the first quarter came out over 90 % of its raw pixels
     * (photos and noise): the rest will hardly make up for it, and a colour image then costs at most 10 % more.
     */
    private boolean encodePixels(int n) {
        int checkpoint = n >= 256 ? n / 4 : n;
        int p = 0;
        int literalStart = -1;
        // True right after a background run: the decoder would turn the next background run's first pixel into a
        // foreground one (3.1.9), so two background runs never follow each other here. The rule resets when the
        // first order past the first scan line starts.
        boolean afterBgRun = false;
        boolean pastFirstLine = false;
        while (p < n) {
            if (p >= checkpoint) {
                int pending = literalStart < 0 ? 0 : (p - literalStart) * bytesPerPixel;
                if (10 * (len + pending) >= 9 * p * bytesPerPixel) {
                    return false;
                }
                checkpoint = n;
            }
            if (!pastFirstLine && p >= width) {
                pastFirstLine = true;
                afterBgRun = false;
            }
            // Orders that read the row above (background, foreground, bitmask) must not start on the first scan
            // line and end past it: the decoder keeps first-line (black) semantics for the whole order.
            int limit = p < width ? width : n;
            int cur = px[p];
            int above = above(p);
            int colorRun = runOfEqual(p, n);
            if (cur == above) {
                int bg = runOfBackground(p, limit);
                if (!afterBgRun && bg >= colorRun - 1) {
                    literalStart = flush(literalStart, p);
                    writeRun(Interleaved.BG_RUN, Interleaved.MEGA_MEGA_BG_RUN, bg);
                    p += bg;
                    afterBgRun = true;
                    continue;
                }
            }
            if (colorRun >= 3) {
                literalStart = flush(literalStart, p);
                writeRun(Interleaved.COLOR_RUN, Interleaved.MEGA_MEGA_COLOR_RUN, colorRun);
                writePixel(cur);
                p += colorRun;
                afterBgRun = false;
                continue;
            }
            int fgColor = cur ^ above;
            if (fgColor != 0) {
                int fgRun = runOfForeground(p, limit, fgColor);
                if (fgRun >= 2 || fgRun >= 1 && fgColor == fg) {
                    literalStart = flush(literalStart, p);
                    writeForegroundRun(fgColor, fgRun);
                    p += fgRun;
                    afterBgRun = false;
                    continue;
                }
            }
            int pairs = ditheredPairs(p, n);
            if (pairs >= 3) {
                literalStart = flush(literalStart, p);
                writeDitheredRun(pairs, cur, px[p + 1]);
                p += 2 * pairs;
                afterBgRun = false;
                continue;
            }
            int mask = fgColor != 0 ? fgColor : firstForeground(p, limit);
            if (mask != 0) {
                int bits = bitmaskLength(p, limit, mask);
                if (bits >= 4) {
                    literalStart = flush(literalStart, p);
                    writeBitmask(p, bits, mask);
                    p += bits;
                    afterBgRun = false;
                    continue;
                }
            }
            if (literalStart < 0) {
                literalStart = p;
            }
            p++;
            afterBgRun = false;
        }
        flush(literalStart, n);
        return true;
    }

    /** Writes the pending colour image [{@code start}, {@code end}) if any; returns -1 (no pending literal). */
    private int flush(int start, int end) {
        if (start < 0) {
            return -1;
        }
        int count = end - start;
        if (count == 1 && (px[start] == white || px[start] == 0)) {
            put(px[start] == 0 ? Interleaved.BLACK : Interleaved.WHITE);
            return -1;
        }
        while (count > 0) {
            int chunk = Math.min(count, MEGA);
            writeRun(Interleaved.COLOR_IMAGE, Interleaved.MEGA_MEGA_COLOR_IMAGE, chunk);
            for (int i = 0; i < chunk; i++) {
                writePixel(px[start + i]);
            }
            start += chunk;
            count -= chunk;
        }
        return -1;
    }

    private int runOfEqual(int p, int n) {
        int v = px[p];
        int end = Math.min(n, p + MEGA);
        int q = p + 1;
        while (q < end && px[q] == v) {
            q++;
        }
        return q - p;
    }

    private int runOfBackground(int p, int limit) {
        int end = Math.min(limit, p + MEGA);
        int q = p;
        while (q < end && px[q] == above(q)) {
            q++;
        }
        return q - p;
    }

    private int runOfForeground(int p, int limit, int fgColor) {
        int end = Math.min(limit, p + MEGA);
        int q = p;
        while (q < end && px[q] == (above(q) ^ fgColor)) {
            q++;
        }
        return q - p;
    }

    private int ditheredPairs(int p, int n) {
        if (p + 1 >= n) {
            return 0;
        }
        int a = px[p];
        int b = px[p + 1];
        if (a == b) {
            return 0;
        }
        int q = p;
        int pairs = 0;
        while (q + 1 < n && pairs < MEGA && px[q] == a && px[q + 1] == b) {
            q += 2;
            pairs++;
        }
        return pairs;
    }

    /** The foreground colour of the first non-background pixel within the next 8, or 0 if none. */
    private int firstForeground(int p, int limit) {
        for (int q = p, end = Math.min(limit, p + 8); q < end; q++) {
            int f = px[q] ^ above(q);
            if (f != 0) {
                return f;
            }
        }
        return 0;
    }

    /** How many pixels from {@code p} are background or foreground of {@code mask}, stopping before long runs. */
    private int bitmaskLength(int p, int limit, int mask) {
        int end = Math.min(limit, p + MEGA);
        int q = p;
        int same = 0;
        boolean lastBg = false;
        while (q < end) {
            int a = above(q);
            boolean bg = px[q] == a;
            if (!bg && px[q] != (a ^ mask)) {
                break;
            }
            same = q > p && bg == lastBg ? same + 1 : 1;
            lastBg = bg;
            q++;
            if (same >= RUN_BREAK) {
                return Math.max(q - same - p, 0);
            }
        }
        return q - p;
    }

    private void writeForegroundRun(int fgColor, int count) {
        if (fgColor == fg) {
            writeRun(Interleaved.FG_RUN, Interleaved.MEGA_MEGA_FG_RUN, count);
            return;
        }
        if (count <= 15) {
            put(Interleaved.LITE_SET_FG_FG_RUN << 4 | count);
        } else if (count <= 15 + 256) {
            put(Interleaved.LITE_SET_FG_FG_RUN << 4);
            put(count - 16);
        } else {
            put(Interleaved.MEGA_MEGA_SET_FG_RUN);
            put16(count);
        }
        writePixel(fgColor);
        fg = fgColor;
    }

    private void writeDitheredRun(int pairs, int a, int b) {
        if (pairs <= 15) {
            put(Interleaved.LITE_DITHERED_RUN << 4 | pairs);
        } else if (pairs <= 15 + 256) {
            put(Interleaved.LITE_DITHERED_RUN << 4);
            put(pairs - 16);
        } else {
            put(Interleaved.MEGA_MEGA_DITHERED_RUN);
            put16(pairs);
        }
        writePixel(a);
        writePixel(b);
    }

    private void writeBitmask(int p, int count, int mask) {
        boolean set = mask != fg;
        if (!set && count == 8) {
            int bits = maskByte(p, 8, mask);
            // Two common 8-pixel patterns have one-byte orders of their own.
            if (bits == 0x03 || bits == 0x05) {
                put(bits == 0x03 ? Interleaved.SPECIAL_FGBG_1 : Interleaved.SPECIAL_FGBG_2);
                return;
            }
        }
        if (set) {
            if (count % 8 == 0 && count / 8 <= 15) {
                put(Interleaved.LITE_SET_FG_FGBG_IMAGE << 4 | count / 8);
            } else if (count <= 256) {
                put(Interleaved.LITE_SET_FG_FGBG_IMAGE << 4);
                put(count - 1);
            } else {
                put(Interleaved.MEGA_MEGA_SET_FGBG_IMAGE);
                put16(count);
            }
            writePixel(mask);
            fg = mask;
        } else if (count % 8 == 0 && count / 8 <= 31) {
            put(Interleaved.FGBG_IMAGE << 5 | count / 8);
        } else if (count <= 256) {
            put(Interleaved.FGBG_IMAGE << 5);
            put(count - 1);
        } else {
            put(Interleaved.MEGA_MEGA_FGBG_IMAGE);
            put16(count);
        }
        for (int done = 0; done < count; done += 8) {
            put(maskByte(p + done, Math.min(8, count - done), mask));
        }
    }

    /** Bit i set when pixel {@code p + i} is the foreground one (least significant bit first). */
    private int maskByte(int p, int count, int mask) {
        int bits = 0;
        for (int i = 0; i < count; i++) {
            if (px[p + i] != above(p + i)) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    /** A regular order (5-bit length, or a byte of length − 32) or its MEGA_MEGA form (16-bit length). */
    private void writeRun(int code, int megaCode, int count) {
        if (count <= 31) {
            put(code << 5 | count);
        } else if (count <= 31 + 256) {
            put(code << 5);
            put(count - 32);
        } else {
            put(megaCode);
            put16(count);
        }
    }

    private void writePixel(int v) {
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >> 8);
        if (bytesPerPixel == 3) {
            buf[len++] = (byte) (v >> 16);
        }
    }

    private void put(int b) {
        buf[len++] = (byte) b;
    }

    private void put16(int v) {
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >> 8);
    }
}
