package dev.oriel.rdp.core.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Objects;

/**
 * A read-only view of 32-bit pixels owned by the embedding application: either an {@code int[]} of
 * {@code 0xAARRGGBB} values (the layout of a Java2D {@code TYPE_INT_RGB}/{@code TYPE_INT_ARGB} raster) or a
 * {@link ByteBuffer} of BGRA/BGRX bytes (the little-endian layout most compositors use).
 *
 * <p>Oriel copies the damaged rectangles out of it during {@link Session#submitFrame}; it does not keep a reference.
 * For {@link PixelFormat#XRGB32} the alpha byte is ignored.
 */
public final class PixelBuffer {
    private final int width;
    private final int height;
    private final int strideInts;
    private final PixelFormat format;
    private final IntBuffer pixels;

    private PixelBuffer(int width, int height, int strideInts, PixelFormat format, IntBuffer pixels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("invalid size " + width + "x" + height);
        }
        if (strideInts < width) {
            throw new IllegalArgumentException("stride " + strideInts + " < width " + width);
        }
        long needed = (long) strideInts * (height - 1) + width;
        if (pixels.remaining() < needed) {
            throw new IllegalArgumentException("buffer holds " + pixels.remaining() + " pixels, needs " + needed);
        }
        this.width = width;
        this.height = height;
        this.strideInts = strideInts;
        this.format = Objects.requireNonNull(format);
        this.pixels = pixels;
    }

    /** Wraps {@code 0xAARRGGBB} ints, row-major, {@code scanline} ints per row starting at {@code offset}. */
    public static PixelBuffer ofInts(int[] argb, int offset, int width, int height, int scanline, PixelFormat format) {
        return new PixelBuffer(width, height, scanline, format, IntBuffer.wrap(argb, offset, argb.length - offset).slice());
    }

    /** Wraps a tightly packed {@code width × height} int array. */
    public static PixelBuffer ofInts(int[] argb, int width, int height, PixelFormat format) {
        return ofInts(argb, 0, width, height, width, format);
    }

    /**
     * Wraps BGRA/BGRX bytes (blue first in memory), {@code strideBytes} per row, from the buffer's position. The
     * stride must be a multiple of 4.
     */
    public static PixelBuffer ofBytes(ByteBuffer bgra, int width, int height, int strideBytes, PixelFormat format) {
        if (strideBytes % 4 != 0) {
            throw new IllegalArgumentException("stride must be a multiple of 4: " + strideBytes);
        }
        IntBuffer ints = bgra.slice().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        return new PixelBuffer(width, height, strideBytes / 4, format, ints);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public PixelFormat format() {
        return format;
    }

    /**
     * Copies {@code w} pixels of row {@code y} starting at column {@code x} into {@code dst} as {@code 0xAARRGGBB};
     * for {@link PixelFormat#XRGB32} the alpha byte is forced to 0xFF.
     */
    public void copyRow(int x, int y, int w, int[] dst, int dstOffset) {
        if (x < 0 || y < 0 || w < 0 || x + w > width || y >= height) {
            throw new IndexOutOfBoundsException("row " + y + " [" + x + ", " + (x + w) + ") outside " + width + "x" + height);
        }
        pixels.get(y * strideInts + x, dst, dstOffset, w);
        if (format == PixelFormat.XRGB32) {
            for (int i = dstOffset, end = dstOffset + w; i < end; i++) {
                dst[i] |= 0xFF00_0000;
            }
        }
    }
}
