package dev.oriel.rdp.testkit.x11;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decoder for X Window Dump (XWD, file version 7) images in ZPixmap format with a TrueColor or DirectColor visual,
 * the format of the framebuffer file that {@code Xvfb -fbdir} keeps up to date and of the {@code xwd} tool's output.
 *
 * <p>Layout (X11 {@code XWDFile.h}): a header of 25 big-endian CARD32 fields, the rest of {@code header_size}
 * holding the NUL-terminated window name; then {@code ncolors} 12-byte colour entries; then {@code pixmap_height}
 * rows of {@code bytes_per_line} bytes. Each pixel takes {@code bits_per_pixel / 8} bytes in the header's
 * {@code byte_order}, and the channels are found with {@code red_mask}, {@code green_mask} and {@code blue_mask}
 * (Xvfb at depth 24: 32 bits per pixel, LSBFirst, masks 0xff0000/0xff00/0xff, so the bytes are B, G, R, pad).
 */
public final class Xwd {
    /** The only XWD version in use since X11R4. */
    public static final int FILE_VERSION = 7;
    /** {@code pixmap_format} value of a ZPixmap (all bits of a pixel together). */
    public static final int Z_PIXMAP = 2;
    /** {@code byte_order} value: least significant byte first. */
    public static final int LSB_FIRST = 0;
    /** {@code byte_order} value: most significant byte first. */
    public static final int MSB_FIRST = 1;
    /** {@code visual_class} of a TrueColor visual. */
    public static final int TRUE_COLOR = 4;
    /** {@code visual_class} of a DirectColor visual. */
    public static final int DIRECT_COLOR = 5;

    static final int HEADER_FIELDS = 25;
    static final int MIN_HEADER_SIZE = HEADER_FIELDS * 4;
    static final int COLOR_ENTRY_SIZE = 4 /* pixel */ + 3 * 2 /* red, green, blue */ + 1 /* flags */ + 1 /* pad */;
    /** Larger than any screen a test uses; protects against a corrupt header asking for huge allocations. */
    static final int MAX_DIMENSION = 16384;

    private Xwd() {
    }

    /**
     * The header fields the decoder needs, in the order of {@code XWDFileHeader}.
     *
     * @param headerSize bytes from the start of the file to the colour entries, name included
     * @param pixelOffset bytes from the start of the file to the first pixel row
     */
    public record Header(int headerSize, int fileVersion, int pixmapFormat, int depth, int width, int height,
                         int byteOrder, int bitsPerPixel, int bytesPerLine, int visualClass, int redMask,
                         int greenMask, int blueMask, int colorCount, long pixelOffset) {
    }

    /**
     * Parses and validates the header of {@code data}.
     *
     * @throws IllegalArgumentException when the data is not a complete XWD image this decoder supports
     */
    public static Header readHeader(byte[] data) {
        if (data.length < MIN_HEADER_SIZE) {
            throw new IllegalArgumentException("XWD data too short for a header: " + data.length + " bytes");
        }
        // Big-endian per XWDFile.h: header fields are written in network byte order whatever the pixel order.
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        long headerSize = u32(in);        // header_size
        int fileVersion = in.getInt();    // file_version
        int pixmapFormat = in.getInt();   // pixmap_format
        int depth = in.getInt();          // pixmap_depth
        long width = u32(in);             // pixmap_width
        long height = u32(in);            // pixmap_height
        in.getInt();                      // xoffset
        int byteOrder = in.getInt();      // byte_order
        in.getInt();                      // bitmap_unit
        in.getInt();                      // bitmap_bit_order
        in.getInt();                      // bitmap_pad
        int bitsPerPixel = in.getInt();   // bits_per_pixel
        long bytesPerLine = u32(in);      // bytes_per_line
        int visualClass = in.getInt();    // visual_class
        int redMask = in.getInt();        // red_mask
        int greenMask = in.getInt();      // green_mask
        int blueMask = in.getInt();       // blue_mask
        in.getInt();                      // bits_per_rgb
        in.getInt();                      // colormap_entries
        long colorCount = u32(in);        // ncolors
        // window_width, window_height, window_x, window_y and window_bdrwidth follow and are not needed.

        require(fileVersion == FILE_VERSION, "unsupported XWD file_version " + fileVersion);
        require(headerSize >= MIN_HEADER_SIZE && headerSize <= data.length, "bad header_size " + headerSize);
        require(pixmapFormat == Z_PIXMAP, "unsupported pixmap_format " + pixmapFormat + " (only ZPixmap)");
        require(visualClass == TRUE_COLOR || visualClass == DIRECT_COLOR,
                "unsupported visual_class " + visualClass + " (only TrueColor and DirectColor)");
        require(byteOrder == LSB_FIRST || byteOrder == MSB_FIRST, "bad byte_order " + byteOrder);
        require(bitsPerPixel == 8 || bitsPerPixel == 16 || bitsPerPixel == 24 || bitsPerPixel == 32,
                "unsupported bits_per_pixel " + bitsPerPixel);
        require(width > 0 && width <= MAX_DIMENSION && height > 0 && height <= MAX_DIMENSION,
                "bad size " + width + "x" + height);
        require(bytesPerLine >= width * (bitsPerPixel / 8), "bytes_per_line " + bytesPerLine + " < one row");
        for (int mask : new int[] {redMask, greenMask, blueMask}) {
            require(mask != 0 && isContiguous(mask) && Integer.bitCount(mask) <= 16,
                    "bad colour mask 0x" + Integer.toHexString(mask));
        }
        long pixelOffset = headerSize + colorCount * COLOR_ENTRY_SIZE;
        long end = pixelOffset + (height - 1) * bytesPerLine + width * (bitsPerPixel / 8);
        require(end <= data.length, "XWD data truncated: need " + end + " bytes, have " + data.length);
        return new Header((int) headerSize, fileVersion, pixmapFormat, depth, (int) width, (int) height, byteOrder,
                bitsPerPixel, (int) bytesPerLine, visualClass, redMask, greenMask, blueMask, (int) colorCount,
                pixelOffset);
    }

    /** Decodes the whole image into a {@link BufferedImage#TYPE_INT_RGB} image. */
    public static BufferedImage decode(byte[] data) {
        Header header = readHeader(data);
        return decode(data, header, new Rectangle(0, 0, header.width(), header.height()));
    }

    /**
     * Decodes the part of the image inside {@code region} (clipped to the image) into a
     * {@link BufferedImage#TYPE_INT_RGB} image whose origin is the region's top-left corner.
     *
     * @throws IllegalArgumentException when the region does not overlap the image
     */
    public static BufferedImage decode(byte[] data, Rectangle region) {
        return decode(data, readHeader(data), region);
    }

    private static BufferedImage decode(byte[] data, Header header, Rectangle region) {
        Rectangle area = region.intersection(new Rectangle(0, 0, header.width(), header.height()));
        if (area.isEmpty()) {
            throw new IllegalArgumentException("Region " + region + " lies outside the " + header.width() + "x"
                    + header.height() + " image");
        }
        Channel red = new Channel(header.redMask());
        Channel green = new Channel(header.greenMask());
        Channel blue = new Channel(header.blueMask());
        int bytesPerPixel = header.bitsPerPixel() / 8;
        boolean msbFirst = header.byteOrder() == MSB_FIRST;
        BufferedImage image = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[area.width];
        for (int y = 0; y < area.height; y++) {
            long rowStart = header.pixelOffset() + (long) (area.y + y) * header.bytesPerLine();
            for (int x = 0; x < area.width; x++) {
                int offset = (int) (rowStart + (long) (area.x + x) * bytesPerPixel);
                int pixel = readPixel(data, offset, bytesPerPixel, msbFirst);
                row[x] = red.extract(pixel) << 16 | green.extract(pixel) << 8 | blue.extract(pixel);
            }
            image.setRGB(0, y, area.width, 1, row, 0, area.width);
        }
        return image;
    }

    private static int readPixel(byte[] data, int offset, int bytesPerPixel, boolean msbFirst) {
        int value = 0;
        for (int i = 0; i < bytesPerPixel; i++) {
            int b = data[offset + i] & 0xff;
            value = msbFirst ? value << 8 | b : value | b << (8 * i);
        }
        return value;
    }

    /** One colour channel: where its bits are in a pixel and how to widen them to 8 bits. */
    private static final class Channel {
        private final int mask;
        private final int shift;
        private final int max;

        Channel(int mask) {
            this.mask = mask;
            this.shift = Integer.numberOfTrailingZeros(mask);
            this.max = (int) ((mask & 0xffffffffL) >>> shift);
        }

        int extract(int pixel) {
            int value = (pixel & mask) >>> shift;
            // Scale so that the channel's maximum maps to 255, e.g. 5-bit 31 -> 255 (exact for 8-bit channels).
            return max == 255 ? value : (int) ((value * 255L + max / 2) / max);
        }
    }

    private static boolean isContiguous(int mask) {
        int shifted = mask >>> Integer.numberOfTrailingZeros(mask);
        return (shifted & (shifted + 1)) == 0;
    }

    private static long u32(ByteBuffer in) {
        return in.getInt() & 0xffffffffL;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Not a supported XWD image: " + problem);
        }
    }
}
