package dev.oriel.rdp.core.graphics;

import io.netty.buffer.ByteBuf;

/**
 * Lossless RDP 6.0 planar encoder ([MS-RDPEGDI] 3.1.9.1): ARGB or RGB planes, delta-coded scan lines, RLE segments,
 * falling back to raw planes when RLE would be larger.
 *
 * <p>Not thread-safe: one instance holds scratch buffers for tiles up to the size given at construction; keep one
 * per event loop. Allocation-free after construction.
 */
public final class PlanarEncoder {
    private final int maxPixels;
    private final byte[] plane;
    private final byte[] previousRow;
    private final byte[] rle;

    /** @param maxPixels the largest {@code width × height} this encoder will be given */
    public PlanarEncoder(int maxPixels) {
        this.maxPixels = maxPixels;
        this.plane = new byte[maxPixels];
        this.previousRow = new byte[maxPixels];
        // Worst case per scan line: one control byte per 15 raw values, plus a control byte per line; four planes.
        this.rle = new byte[4 * (maxPixels + maxPixels / 15 + 2 * (maxPixels + 1))];
    }

    /**
     * Encodes a {@code width × height} region of {@code argb} (0xAARRGGBB, {@code stride} ints per row, starting at
     * {@code offset}) and writes the RDP6_BITMAP_STREAM to {@code dst}.
     *
     * @param alpha    include the alpha plane (else the NA flag is set and alpha is dropped)
     * @param bottomUp emit the last image row first, as bitmap updates expect
     * @return the number of bytes written
     */
    public int encode(int[] argb, int offset, int stride, int width, int height, boolean alpha, boolean bottomUp,
            ByteBuf dst) {
        if (width < 1 || height < 1 || (long) width * height > maxPixels) {
            throw new IllegalArgumentException("region " + width + "x" + height + " exceeds " + maxPixels + " pixels");
        }
        int planes = alpha ? 4 : 3;
        int rawSize = planes * width * height + 1;
        int rlePos = 0;
        for (int p = 0; p < planes; p++) {
            int shift = alpha ? shiftOf(p) : shiftOf(p + 1);
            rlePos = encodePlaneRle(argb, offset, stride, width, height, shift, bottomUp, rlePos);
            if (rlePos >= (long) rawSize * (p + 1) / planes) {
                // RLE is already larger than raw for the planes done: on noise-like content it will lose overall,
                // so stop paying for it (raw is then at most a plane's worth of bytes from the RLE size).
                rlePos = rawSize;
                break;
            }
        }
        int start = dst.writerIndex();
        if (rlePos < rawSize) {
            dst.writeByte(Planar.RLE | (alpha ? 0 : Planar.NA));
            dst.writeBytes(rle, 0, rlePos);
        } else {
            dst.writeByte(alpha ? 0 : Planar.NA);
            for (int p = 0; p < planes; p++) {
                int shift = alpha ? shiftOf(p) : shiftOf(p + 1);
                fillPlane(argb, offset, stride, width, height, shift, bottomUp);
                dst.writeBytes(plane, 0, width * height);
            }
            dst.writeByte(0); // Pad: present after raw planes ([MS-RDPEGDI] 2.2.2.5.1).
        }
        return dst.writerIndex() - start;
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

    private int encodePlaneRle(int[] argb, int offset, int stride, int width, int height, int shift, boolean bottomUp,
            int pos) {
        fillPlane(argb, offset, stride, width, height, shift, bottomUp);
        byte[] row = previousRow;
        for (int y = 0; y < height; y++) {
            int base = y * width;
            if (y == 0) {
                System.arraycopy(plane, 0, row, 0, width);
            } else {
                for (int x = 0; x < width; x++) {
                    row[x] = (byte) Planar.foldDelta((plane[base + x] & 0xFF) - (plane[base - width + x] & 0xFF));
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
