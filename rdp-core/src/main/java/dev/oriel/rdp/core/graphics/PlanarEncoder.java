package dev.oriel.rdp.core.graphics;

import io.netty.buffer.ByteBuf;

/**
 * RDP 6.0 planar encoder ([MS-RDPEGDI] 3.1.9.1): ARGB or RGB planes, delta-coded scan lines, RLE segments,
 * falling back to raw planes when RLE would be larger; lossless by default, optionally YCoCg with colour loss
 * reduction and chroma subsampling (lossy in colour, never in alpha).
 *
 * <p>Not thread-safe: one instance holds scratch buffers for tiles up to the size given at construction; keep one
 * per event loop. Allocation-free after construction.
 */
public final class PlanarEncoder {
    private final int maxPixels;
    private final byte[] plane;
    private final byte[] previousRow;
    private final byte[] rle;
    private final byte[] luma;
    private final byte[] orangeChroma;
    private final byte[] greenChroma;
    /** Set by {@link #blockError} when the decoder would clamp a channel. */
    private boolean clamped;

    /** @param maxPixels the largest {@code width × height} this encoder will be given */
    public PlanarEncoder(int maxPixels) {
        this.maxPixels = maxPixels;
        this.plane = new byte[maxPixels];
        this.previousRow = new byte[maxPixels];
        // Worst case per scan line: one control byte per 15 raw values, plus a control byte per line; four planes.
        this.rle = new byte[4 * (maxPixels + maxPixels / 15 + 2 * (maxPixels + 1))];
        this.luma = new byte[maxPixels];
        this.orangeChroma = new byte[maxPixels];
        this.greenChroma = new byte[maxPixels];
    }

    /**
     * Encodes a {@code width × height} region of {@code argb} (0xAARRGGBB, {@code stride} ints per row, starting at
     * {@code offset}) losslessly as RGB planes and writes the RDP6_BITMAP_STREAM to {@code dst}.
     *
     * @param alpha    include the alpha plane (else the NA flag is set and alpha is dropped)
     * @param bottomUp emit the last image row first, as bitmap updates expect
     * @return the number of bytes written
     */
    public int encode(int[] argb, int offset, int stride, int width, int height, boolean alpha, boolean bottomUp,
            ByteBuf dst) {
        return encode(argb, offset, stride, width, height, alpha, bottomUp, 0, false, dst);
    }

    /**
     * Like {@link #encode(int[], int, int, int, int, boolean, boolean, ByteBuf)}, optionally lossy: with a colour loss
     * level of 1..7 the planes are luma and reduced chroma (YCoCg, [MS-RDPEGDI] 3.1.9.1.2 and 3.1.9.1.4), and with
     * {@code chromaSubsampling} the chroma planes are halved in each direction (3.1.9.1.3). Alpha stays exact.
     *
     * @param colorLossLevel     0 for lossless RGB planes, 1..7 for YCoCg with chroma shifted right by that many bits
     *                           (counting the halving the 8-bit chroma planes need anyway)
     * @param chromaSubsampling  average chroma over 2×2 pixel blocks; needs a colour loss level of at least 1
     * @return the number of bytes written
     */
    public int encode(int[] argb, int offset, int stride, int width, int height, boolean alpha, boolean bottomUp,
            int colorLossLevel, boolean chromaSubsampling, ByteBuf dst) {
        if (width < 1 || height < 1 || (long) width * height > maxPixels) {
            throw new IllegalArgumentException("region " + width + "x" + height + " exceeds " + maxPixels + " pixels");
        }
        if (colorLossLevel < 0 || colorLossLevel > Planar.CLL_MASK) {
            throw new IllegalArgumentException("colour loss level " + colorLossLevel + " is not 0..7");
        }
        if (chromaSubsampling && colorLossLevel == 0) {
            // [MS-RDPEGDI] 2.2.2.5.1: the CS flag applies to the chroma planes of YCoCg only.
            throw new IllegalArgumentException("chroma subsampling needs a colour loss level of 1..7");
        }
        boolean ycocg = colorLossLevel > 0;
        if (ycocg) {
            toYCoCg(argb, offset, stride, width, height, bottomUp, colorLossLevel, chromaSubsampling);
        }
        int chromaWidth = chromaSubsampling ? (width + 1) / 2 : width;
        int chromaHeight = chromaSubsampling ? (height + 1) / 2 : height;
        int planes = alpha ? 4 : 3;
        int rawSize = (alpha ? 2 : 1) * width * height + 2 * chromaWidth * chromaHeight + 1;
        int header = colorLossLevel | (chromaSubsampling ? Planar.CS : 0) | (alpha ? 0 : Planar.NA);
        int rlePos = 0;
        int rawDone = 0;
        for (int p = alpha ? 0 : 1; p < 4; p++) {
            boolean chroma = p >= 2;
            int pw = chroma ? chromaWidth : width;
            int ph = chroma ? chromaHeight : height;
            byte[] source = planeBytes(p, ycocg, argb, offset, stride, width, height, bottomUp);
            rlePos = encodePlaneRle(source, pw, ph, rlePos);
            rawDone += pw * ph;
            if (ycocg ? rlePos >= rawSize : rlePos >= rawDone + (p == 3 ? 1 : 0)) {
                // RLE is already larger than raw for the planes done: on noise-like content it will lose overall,
                // so stop paying for it (raw is then at most a plane's worth of bytes from the RLE size). Not so
                // with YCoCg: noisy luma is usually followed by smooth, small chroma planes that win it back.
                rlePos = rawSize;
                break;
            }
        }
        int start = dst.writerIndex();
        if (rlePos < rawSize) {
            dst.writeByte(Planar.RLE | header);
            dst.writeBytes(rle, 0, rlePos);
        } else {
            dst.writeByte(header);
            for (int p = alpha ? 0 : 1; p < 4; p++) {
                int size = p >= 2 ? chromaWidth * chromaHeight : width * height;
                dst.writeBytes(planeBytes(p, ycocg, argb, offset, stride, width, height, bottomUp), 0, size);
            }
            dst.writeByte(0); // Pad: present after raw planes ([MS-RDPEGDI] 2.2.2.5.1).
        }
        return dst.writerIndex() - start;
    }

    /** Plane {@code p} (A, R or Y, G or Co, B or Cg) in stream row order. */
    private byte[] planeBytes(int p, boolean ycocg, int[] argb, int offset, int stride, int width, int height,
            boolean bottomUp) {
        if (ycocg && p > 0) {
            return p == 1 ? luma : p == 2 ? orangeChroma : greenChroma;
        }
        fillPlane(argb, offset, stride, width, height, shiftOf(p), bottomUp);
        return plane;
    }

    /**
     * Fills {@link #luma}, {@link #orangeChroma} and {@link #greenChroma} ([MS-RDPEGDI] 3.1.9.1.2 to 3.1.9.1.4), in
     * stream row order (subsampling pairs stream rows, as the decoder's super-sampling does).
     *
     * <p>Chroma is stored the way FreeRDP's decoder and Windows' streams have it: half the spec's Co and Cg, the Co
     * sign reversed (R and B swapped, the compensation 3.1.9.1.2 asks decoders for), rounded to a multiple of
     * {@code 2^(cll−1)}, then shifted right by {@code cll − 1} as an 8-bit value with zeros shifted in (3.1.9.1.4; the
     * IronRDP test streams have no chroma byte above {@code 0xFF >> (cll − 1)}). The decoder rebuilds
     * {@code G = Y + cg}, {@code R = Y − cg − co}, {@code B = Y − cg + co}; luma is then chosen per pixel to minimise
     * the squared RGB error given its block's rounded chroma, {@code (R + G + B + cg) / 3}, which is the spec's
     * {@code (R + 2G + B) / 4} whenever chroma is exact.
     */
    private void toYCoCg(int[] argb, int offset, int stride, int width, int height, boolean bottomUp, int cll,
            boolean cs) {
        int step = 1 << (cll - 1);
        int mask = 0xFF >> (cll - 1);
        int block = cs ? 2 : 1;
        int ci = 0; // chroma index: blocks in stream row order
        for (int by = 0; by < height; by += block) {
            int rows = Math.min(block, height - by);
            for (int bx = 0; bx < width; bx += block, ci++) {
                if (!cs && fastPixel(argb[offset + (bottomUp ? height - 1 - by : by) * stride + bx], cll, mask,
                        ci)) {
                    continue;
                }
                int cols = Math.min(block, width - bx);
                int n = rows * cols;
                int coSum = 0; // Σ (B − R): the stored orange chroma is its mean over 2
                int cgSum = 0; // Σ (2G − R − B): the stored green chroma is its mean over 4
                for (int r = by; r < by + rows; r++) {
                    int s = offset + (bottomUp ? height - 1 - r : r) * stride;
                    for (int x = bx; x < bx + cols; x++) {
                        int px = argb[s + x];
                        int red = px >> 16 & 0xFF;
                        int green = px >> 8 & 0xFF;
                        int blue = px & 0xFF;
                        coSum += blue - red;
                        cgSum += 2 * green - red - blue;
                    }
                }
                // Nearest multiple of step (halves up), kept inside the signed byte the decoder rebuilds. The
                // divisors 2·n·step and 4·n·step are powers of two (n is 1, 2 or 4), so these are floor divisions.
                int shift = Integer.numberOfTrailingZeros(n * step);
                int co = clampChroma((coSum + n * step) >> (shift + 1), cll);
                int cg = clampChroma((cgSum + 2 * n * step) >> (shift + 2), cll);
                clamped = false;
                long error = blockError(argb, offset, stride, width, height, bottomUp, bx, by, cols, rows,
                        co * step, cg * step, true);
                int firstCo = co;
                int firstCg = cg;
                // Where the decoder clamps a channel the means above are biased (saturated colours, and pixels
                // decoded from a lossy stream before): walk to the neighbouring chroma with the least RGB error.
                // With this, re-encoding a decoded image gives back its stream (IronRDP's Windows-made test assets).
                // Each step lowers the error, and there are at most 2 × 256 values per chroma, so this ends.
                while (clamped && error > 0) {
                    int bestCo = co;
                    int bestCg = cg;
                    for (int k = 0; k < 4; k++) {
                        int tryCo = clampChroma(co + (k == 0 ? -1 : k == 1 ? 1 : 0), cll);
                        int tryCg = clampChroma(cg + (k == 2 ? -1 : k == 3 ? 1 : 0), cll);
                        long e = blockError(argb, offset, stride, width, height, bottomUp, bx, by, cols, rows,
                                tryCo * step, tryCg * step, false);
                        if (e < error) {
                            error = e;
                            bestCo = tryCo;
                            bestCg = tryCg;
                        }
                    }
                    if (bestCo == co && bestCg == cg) {
                        break;
                    }
                    co = bestCo;
                    cg = bestCg;
                }
                orangeChroma[ci] = (byte) (co & mask);
                greenChroma[ci] = (byte) (cg & mask);
                if (co != firstCo || cg != firstCg) {
                    blockError(argb, offset, stride, width, height, bottomUp, bx, by, cols, rows, co * step,
                            cg * step, true);
                }
            }
        }
    }

    /**
     * Without subsampling, the common pixel (no channel saturated or clamped, or no error at all) needs none of the
     * searching in {@link #toYCoCg}: stores its luma and chroma at plane index {@code i} and returns true.
     */
    private boolean fastPixel(int px, int cll, int mask, int i) {
        int red = px >> 16 & 0xFF;
        int green = px >> 8 & 0xFF;
        int blue = px & 0xFF;
        int co = clampChroma((blue - red + (1 << (cll - 1))) >> cll, cll);
        int cg = clampChroma((2 * green - red - blue + (2 << (cll - 1))) >> (cll + 1), cll);
        int coValue = co << (cll - 1);
        int cgValue = cg << (cll - 1);
        int y = clamp255((2 * (red + green + blue + cgValue) + 3 + 768) / 6 - 128);
        int r = y - cgValue - coValue;
        int g = y + cgValue;
        int b = y - cgValue + coValue;
        boolean exact = r == red && g == green && b == blue;
        if (!exact && (isClamped(r) || isClamped(g) || isClamped(b) || isSaturated(red) || isSaturated(green)
                || isSaturated(blue))) {
            return false;
        }
        luma[i] = (byte) y;
        orangeChroma[i] = (byte) (co & mask);
        greenChroma[i] = (byte) (cg & mask);
        return true;
    }

    /**
     * The squared RGB error of a chroma block decoded with chroma {@code co} and {@code cg} (as the decoder rebuilds
     * them) and each pixel's best luma; sets {@link #clamped} when a pixel with an error has a channel the decoder
     * clamps or a saturated one (0 or 255), where the least-squares luma and chroma means can miss, and with
     * {@code write} stores the luma.
     */
    private long blockError(int[] argb, int offset, int stride, int width, int height, boolean bottomUp, int bx,
            int by, int cols, int rows, int co, int cg, boolean write) {
        long error = 0;
        for (int r = by; r < by + rows; r++) {
            int s = offset + (bottomUp ? height - 1 - r : r) * stride;
            for (int x = bx; x < bx + cols; x++) {
                int px = argb[s + x];
                int red = px >> 16 & 0xFF;
                int green = px >> 8 & 0xFF;
                int blue = px & 0xFF;
                // Least squares over R = Y − cg − co, G = Y + cg, B = Y − cg + co: Y = (R + G + B + cg) / 3.
                // round(sum / 3), halves up; the sum is at least −128, so offsetting by 6 × 128 keeps the division
                // of a positive number (a multiplication once compiled) while still rounding the same way.
                int y = clamp255((2 * (red + green + blue + cg) + 3 + 768) / 6 - 128);
                long e = lumaError(y, red, green, blue, co, cg);
                if (e > 0 && (isClamped(y - cg - co) || isClamped(y + cg) || isClamped(y - cg + co)
                        || isSaturated(red) || isSaturated(green) || isSaturated(blue))) {
                    clamped = true;
                    // The decoder's clamping bends the error curve (and a saturated channel may be best reached by
                    // overshooting into the clamp): step to the neighbouring luma while it helps.
                    int dir = y > 0 && lumaError(y - 1, red, green, blue, co, cg) < e ? -1 : 1;
                    while (y + dir >= 0 && y + dir <= 255) {
                        long next = lumaError(y + dir, red, green, blue, co, cg);
                        if (next >= e) {
                            break;
                        }
                        e = next;
                        y += dir;
                    }
                }
                error += e;
                if (write) {
                    luma[r * width + x] = (byte) y;
                }
            }
        }
        return error;
    }

    private static long lumaError(int y, int red, int green, int blue, int co, int cg) {
        int dr = clamp255(y - cg - co) - red;
        int dg = clamp255(y + cg) - green;
        int db = clamp255(y - cg + co) - blue;
        return (long) dr * dr + dg * dg + db * db;
    }

    private static boolean isClamped(int v) {
        return v < 0 || v > 255;
    }

    private static boolean isSaturated(int channel) {
        return channel == 0 || channel == 255;
    }

    private static int clamp255(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** Clamps a chroma multiple {@code k} (of {@code 2^(cll−1)}) so that it scales back to a signed byte. */
    private static int clampChroma(int k, int cll) {
        int min = -128 >> (cll - 1);
        int max = 127 >> (cll - 1);
        return k < min ? min : Math.min(k, max);
    }

    /** Bit shift of plane {@code index} in A, R, G, B order. */
    private static int shiftOf(int index) {
        return 24 - 8 * index;
    }

    private void fillPlane(int[] argb, int offset, int stride, int width, int height, int shift, boolean bottomUp) {
        int o = 0;
        for (int row = 0; row < height; row++) {
            int srcRow = bottomUp ? height - 1 - row : row;
            int s = offset + srcRow * stride;
            for (int x = 0; x < width; x++) {
                plane[o++] = (byte) (argb[s + x] >>> shift);
            }
        }
    }

    private int encodePlaneRle(byte[] source, int width, int height, int pos) {
        byte[] row = previousRow;
        for (int y = 0; y < height; y++) {
            int base = y * width;
            if (y == 0) {
                System.arraycopy(source, 0, row, 0, width);
            } else {
                for (int x = 0; x < width; x++) {
                    row[x] = (byte) Planar.foldDelta((source[base + x] & 0xFF) - (source[base - width + x] & 0xFF));
                }
            }
            pos = encodeScanline(row, width, pos);
        }
        return pos;
    }

    /**
     * One scan line as RDP6_RLE_SEGMENTs: a control byte (run length in the low nibble, raw count in the high
     * nibble, [MS-RDPEGDI] 2.2.2.5.1.1), raw values, then the last value repeated. Run lengths 1 and 2 are escapes
     * (the raw count then extends the run to 16–31 or 32–47, with no raw values), so runs shorter than 3 are sent as
     * raw values.
     */
    private int encodeScanline(byte[] v, int width, int pos) {
        int x = 0;
        int rawStart = 0;
        int rawCount = 0;
        int current = 0; // the decoder's running value, zero at the start of every scan line
        while (x < width) {
            int value = rawCount == 0 ? current : v[rawStart + rawCount - 1] & 0xFF;
            int maxRun = rawCount == 0 ? 47 : 15;
            int run = 0;
            while (run < maxRun && x + run < width && (v[x + run] & 0xFF) == value) {
                run++;
            }
            if (run == maxRun) {
                // A run that goes on for only 1 or 2 more values would leave them as raw bytes behind a new control
                // byte; end this run early instead so the rest is a run of 3 of its own.
                int more = 0;
                while (more < 3 && x + run + more < width && (v[x + run + more] & 0xFF) == value) {
                    more++;
                }
                if (more > 0 && more < 3) {
                    run -= 3 - more;
                }
            }
            if (run >= 3) {
                pos = writeSegment(v, rawStart, rawCount, run, pos);
                current = value;
                x += run;
                rawCount = 0;
                continue;
            }
            if (rawCount == 15) {
                pos = writeSegment(v, rawStart, rawCount, 0, pos);
                current = v[rawStart + rawCount - 1] & 0xFF;
                rawCount = 0;
            }
            if (rawCount == 0) {
                rawStart = x;
            }
            rawCount++;
            x++;
        }
        if (rawCount > 0) {
            pos = writeSegment(v, rawStart, rawCount, 0, pos);
        }
        return pos;
    }

    private int writeSegment(byte[] v, int rawStart, int rawCount, int run, int pos) {
        if (rawCount > 0) {
            rle[pos++] = (byte) (rawCount << 4 | run);
            System.arraycopy(v, rawStart, rle, pos, rawCount);
            pos += rawCount;
        } else if (run <= 15) {
            rle[pos++] = (byte) run;
        } else if (run <= 31) {
            rle[pos++] = (byte) ((run - 16) << 4 | 1);
        } else {
            rle[pos++] = (byte) ((run - 32) << 4 | 2);
        }
        return pos;
    }
}
