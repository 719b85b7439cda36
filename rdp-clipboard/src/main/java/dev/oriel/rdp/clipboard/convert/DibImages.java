package dev.oriel.rdp.clipboard.convert;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/**
 * Images between PNG (what Linux applications exchange) and the Windows device-independent bitmap formats CF_DIB and
 * CF_DIBV5: a BITMAPINFOHEADER (40 bytes), BITMAPV4HEADER (108) or BITMAPV5HEADER (124), then colour masks or a
 * palette when the header says so, then the pixel rows, each padded to 4 bytes, bottom-up unless the height is
 * negative. There is no 14-byte BITMAPFILEHEADER on the clipboard.
 */
public final class DibImages {
    public static final int BI_RGB = 0;
    public static final int BI_BITFIELDS = 3;
    public static final int BI_ALPHABITFIELDS = 6;
    /** Largest image accepted from a peer, in pixels (a 16k × 16k screen shot is 268 M, so this is generous). */
    public static final long MAX_PIXELS = 64L << 20;

    private DibImages() {
    }

    /** Thrown when data is not a usable DIB or PNG; the paste fails, the session goes on. */
    public static final class ImageFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ImageFormatException(String message) {
            super(message);
        }
    }

    /** Decodes CF_DIB or CF_DIBV5 data into an ARGB image. */
    public static BufferedImage fromDib(byte[] dib) {
        ByteBuffer b = ByteBuffer.wrap(dib).order(ByteOrder.LITTLE_ENDIAN);
        if (dib.length < 40) {
            throw new ImageFormatException("DIB shorter than a BITMAPINFOHEADER: " + dib.length);
        }
        long headerSize = b.getInt(0) & 0xFFFF_FFFFL;
        if (headerSize != 40 && headerSize != 108 && headerSize != 124) {
            throw new ImageFormatException("unknown DIB header size " + headerSize);
        }
        int width = b.getInt(4);
        int rawHeight = b.getInt(8);
        int bitCount = b.getShort(14) & 0xFFFF;
        int compression = b.getInt(16);
        long clrUsed = b.getInt(32) & 0xFFFF_FFFFL;
        if (width <= 0 || rawHeight == 0 || rawHeight == Integer.MIN_VALUE) {
            throw new ImageFormatException("bad DIB size " + width + "x" + rawHeight);
        }
        boolean topDown = rawHeight < 0;
        int height = Math.abs(rawHeight);
        if ((long) width * height > MAX_PIXELS) {
            throw new ImageFormatException("DIB of " + width + "x" + height + " exceeds " + MAX_PIXELS + " pixels");
        }
        int offset = (int) headerSize;
        int[] masks = null;
        if (compression == BI_BITFIELDS || compression == BI_ALPHABITFIELDS) {
            if (bitCount != 16 && bitCount != 32) {
                throw new ImageFormatException("bit fields need 16 or 32 bpp, not " + bitCount);
            }
            int n = compression == BI_ALPHABITFIELDS ? 4 : 3;
            masks = new int[4];
            if (headerSize >= 108) {
                for (int i = 0; i < 4; i++) {
                    masks[i] = b.getInt(40 + 4 * i); // masks live inside V4/V5 headers
                }
            } else {
                require(dib, offset + 4L * n, "colour masks");
                for (int i = 0; i < n; i++) {
                    masks[i] = b.getInt(offset + 4 * i);
                }
                offset += 4 * n;
            }
        } else if (compression != BI_RGB) {
            throw new ImageFormatException("unsupported DIB compression " + compression);
        }
        int[] palette = null;
        if (bitCount <= 8) {
            if (bitCount != 1 && bitCount != 4 && bitCount != 8) {
                throw new ImageFormatException("unsupported bpp " + bitCount);
            }
            long entries = clrUsed == 0 ? 1L << bitCount : clrUsed;
            if (entries > 256) {
                throw new ImageFormatException("palette of " + entries + " entries");
            }
            require(dib, offset + 4 * entries, "palette");
            palette = new int[(int) entries];
            for (int i = 0; i < entries; i++) {
                palette[i] = 0xFF00_0000 | b.getInt(offset + 4 * i) & 0x00FF_FFFF;
            }
            offset += (int) (4 * entries);
        } else if (bitCount != 16 && bitCount != 24 && bitCount != 32) {
            throw new ImageFormatException("unsupported bpp " + bitCount);
        }
        long stride = (((long) width * bitCount + 31) / 32) * 4;
        require(dib, offset + stride * height, "pixel rows");
        int[] argb = new int[width * height];
        boolean anyAlpha = false;
        for (int row = 0; row < height; row++) {
            int y = topDown ? row : height - 1 - row;
            int rowStart = (int) (offset + stride * row);
            for (int x = 0; x < width; x++) {
                int p = switch (bitCount) {
                    case 32 -> masks != null ? masked(b.getInt(rowStart + 4 * x), masks) : b.getInt(rowStart + 4 * x);
                    case 24 -> 0xFF00_0000 | (dib[rowStart + 3 * x + 2] & 0xFF) << 16
                            | (dib[rowStart + 3 * x + 1] & 0xFF) << 8 | dib[rowStart + 3 * x] & 0xFF;
                    case 16 -> rgb16(b.getShort(rowStart + 2 * x) & 0xFFFF, masks);
                    default -> palette[Math.min(palette.length - 1, index(dib, rowStart, x, bitCount))];
                };
                anyAlpha |= (p >>> 24) != 0;
                argb[y * width + x] = p;
            }
        }
        if (bitCount == 32 && (masks == null || masks[3] == 0) && !anyAlpha) {
            // 32 bpp without an alpha mask and all alpha bytes zero: the bytes are padding, the image is opaque.
            for (int i = 0; i < argb.length; i++) {
                argb[i] |= 0xFF00_0000;
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        return img;
    }

    private static void require(byte[] dib, long end, String what) {
        if (end > dib.length) {
            throw new ImageFormatException("DIB " + what + " end at byte " + end + ", data has " + dib.length);
        }
    }

    private static int index(byte[] dib, int rowStart, int x, int bitCount) {
        int bit = x * bitCount;
        int v = dib[rowStart + bit / 8] & 0xFF;
        return (v >>> (8 - bitCount - bit % 8)) & ((1 << bitCount) - 1);
    }

    private static int masked(int v, int[] masks) {
        int a = masks[3] == 0 ? 0xFF : channel(v, masks[3]);
        int out = a << 24 | channel(v, masks[0]) << 16 | channel(v, masks[1]) << 8 | channel(v, masks[2]);
        return masks[3] == 0 ? out & 0x00FF_FFFF : out; // alpha decided later for mask-less 32 bpp
    }

    private static int rgb16(int v, int[] masks) {
        int[] m = masks != null ? masks : new int[] {0x7C00, 0x03E0, 0x001F, 0};
        return 0xFF00_0000 | channel(v, m[0]) << 16 | channel(v, m[1]) << 8 | channel(v, m[2]);
    }

    /** The value under {@code mask}, scaled to 8 bits. */
    private static int channel(int v, int mask) {
        if (mask == 0) {
            return 0;
        }
        int shift = Integer.numberOfTrailingZeros(mask);
        int bits = Integer.bitCount(mask);
        int c = (v & mask) >>> shift;
        return bits >= 8 ? c >>> (bits - 8) : (c * 255 + ((1 << bits) - 1) / 2) / ((1 << bits) - 1);
    }

    /** CF_DIB: a BITMAPINFOHEADER and 24 bpp bottom-up rows (the form every reader handles; alpha is dropped). */
    public static byte[] toDib(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int stride = ((w * 24 + 31) / 32) * 4;
        ByteBuffer b = ByteBuffer.allocate(40 + stride * h).order(ByteOrder.LITTLE_ENDIAN);
        header(b, 40, w, h, 24, BI_RGB, stride * h);
        for (int y = h - 1; y >= 0; y--) {
            int rowStart = b.position();
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                b.put((byte) p).put((byte) (p >>> 8)).put((byte) (p >>> 16));
            }
            b.position(rowStart + stride);
        }
        return b.array();
    }

    /** CF_DIBV5: a BITMAPV5HEADER (sRGB, explicit alpha mask) and 32 bpp bottom-up BGRA rows, alpha kept. */
    public static byte[] toDibV5(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ByteBuffer b = ByteBuffer.allocate(124 + 4 * w * h).order(ByteOrder.LITTLE_ENDIAN);
        header(b, 124, w, h, 32, BI_BITFIELDS, 4 * w * h);
        b.putInt(0x00FF_0000).putInt(0x0000_FF00).putInt(0x0000_00FF).putInt(0xFF00_0000);
        b.putInt(0x7352_4742); // bV5CSType LCS_sRGB ('sRGB')
        b.position(124 - 16);
        b.putInt(4); // bV5Intent LCS_GM_IMAGES
        b.position(124);
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                b.putInt(image.getRGB(x, y));
            }
        }
        return b.array();
    }

    private static void header(ByteBuffer b, int size, int w, int h, int bpp, int compression, int imageSize) {
        b.putInt(size).putInt(w).putInt(h).putShort((short) 1).putShort((short) bpp).putInt(compression)
                .putInt(imageSize).putInt(2835).putInt(2835).putInt(0).putInt(0); // 72 dpi, no palette
    }

    public static BufferedImage fromPng(byte[] png) {
        // Check the size in IHDR before decoding, so a small file cannot make the decoder allocate gigabytes.
        if (png.length >= 24 && (png[12] & 0xFF) == 'I' && png[13] == 'H' && png[14] == 'D' && png[15] == 'R') {
            ByteBuffer b = ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN); // PNG is big-endian
            long w = b.getInt(16) & 0xFFFF_FFFFL;
            long h = b.getInt(20) & 0xFFFF_FFFFL;
            if (w * h > MAX_PIXELS) {
                throw new ImageFormatException("PNG of " + w + "x" + h + " exceeds " + MAX_PIXELS + " pixels");
            }
        }
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null) {
                throw new ImageFormatException("not a PNG image");
            }
            if ((long) img.getWidth() * img.getHeight() > MAX_PIXELS) {
                throw new ImageFormatException("PNG of " + img.getWidth() + "x" + img.getHeight() + " is too large");
            }
            return img;
        } catch (IOException e) {
            throw new ImageFormatException("unreadable PNG: " + e.getMessage());
        }
    }

    public static byte[] toPng(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
