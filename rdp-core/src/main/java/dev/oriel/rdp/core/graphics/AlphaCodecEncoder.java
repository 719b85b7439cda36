package dev.oriel.rdp.core.graphics;

import io.netty.buffer.ByteBuf;

/**
 * Alpha codec encoder ([MS-RDPEGFX] 2.2.4.3): writes the alpha channel of an ARGB region as an
 * ALPHACODEC_BITMAP_STREAM, RLE-compressed or raw, whichever is smaller.
 *
 * <p>Stateless and allocation-free: the RLE size is counted in a first pass over the pixels, so nothing is buffered;
 * one instance may be shared between threads.
 */
public final class AlphaCodecEncoder {

    /**
     * Encodes the alpha of a {@code width × height} region of {@code argb} (0xAARRGGBB, {@code stride} ints per row,
     * starting at {@code offset}), top row first, and writes the stream to {@code dst}.
     *
     * @return the number of bytes written
     */
    public int encode(int[] argb, int offset, int stride, int width, int height, ByteBuf dst) {
        checkRegion(argb, offset, stride, width, height);
        long pixels = (long) width * height;
        long rleSize = rleSize(argb, offset, stride, width, height);
        int start = dst.writerIndex();
        dst.writeShortLE(AlphaCodec.SIGNATURE);
        if (rleSize < pixels) {
            dst.writeShortLE(1); // compressed: any non-zero value means RLE segments follow
            writeRle(argb, offset, stride, width, height, dst);
        } else {
            // Raw wins ties: a flat byte array is cheaper for the client to apply than segments of the same size.
            dst.writeShortLE(0);
            for (int y = 0; y < height; y++) {
                int s = offset + y * stride;
                for (int x = 0; x < width; x++) {
                    dst.writeByte(argb[s + x] >>> 24);
                }
            }
        }
        return dst.writerIndex() - start;
    }

    /** An upper bound of {@link #encode}'s output for a {@code width × height} region: the raw form. */
    public static int maxEncodedSize(int width, int height) {
        return Math.addExact(AlphaCodec.HEADER_SIZE, Math.multiplyExact(width, height));
    }

    static void checkRegion(int[] argb, int offset, int stride, int width, int height) {
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("region " + width + "x" + height);
        }
        if (offset < 0 || stride < width || offset + (long) stride * (height - 1) + width > argb.length) {
            throw new IllegalArgumentException("region " + width + "x" + height + " at " + offset + " stride "
                    + stride + " exceeds the " + argb.length + "-pixel array");
        }
    }

    /** Size of the RLE segments (without the header); stops counting once raw is sure to be no larger. */
    private static long rleSize(int[] argb, int offset, int stride, int width, int height) {
        long raw = (long) width * height;
        long size = 0;
        int value = argb[offset] >>> 24;
        int run = 0;
        for (int y = 0; y < height; y++) {
            int s = offset + y * stride;
            for (int x = 0; x < width; x++) {
                int a = argb[s + x] >>> 24;
                if (a == value) {
                    run++;
                    continue;
                }
                size += AlphaCodec.segmentSize(run);
                if (size >= raw) {
                    return size;
                }
                value = a;
                run = 1;
            }
        }
        return size + AlphaCodec.segmentSize(run);
    }

    private static void writeRle(int[] argb, int offset, int stride, int width, int height, ByteBuf dst) {
        int value = argb[offset] >>> 24;
        int run = 0;
        for (int y = 0; y < height; y++) {
            int s = offset + y * stride;
            for (int x = 0; x < width; x++) {
                int a = argb[s + x] >>> 24;
                if (a == value) {
                    run++;
                    continue;
                }
                writeSegment(value, run, dst);
                value = a;
                run = 1;
            }
        }
        writeSegment(value, run, dst);
    }

    /** One CLEARCODEC_ALPHA_RLE_SEGMENT ([MS-RDPEGFX] 2.2.4.3.1), length in the shortest form. */
    private static void writeSegment(int value, int run, ByteBuf dst) {
        dst.writeByte(value); // runValue
        if (run < 0xFF) {
            dst.writeByte(run); // runLengthFactor1
        } else if (run < 0xFFFF) {
            dst.writeByte(0xFF);
            dst.writeShortLE(run); // runLengthFactor2
        } else {
            dst.writeByte(0xFF);
            dst.writeShortLE(0xFFFF);
            dst.writeIntLE(run); // runLengthFactor3
        }
    }
}
