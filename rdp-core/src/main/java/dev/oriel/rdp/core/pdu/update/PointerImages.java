package dev.oriel.rdp.core.pdu.update;

import dev.oriel.rdp.core.wire.Bytes;

/**
 * Conversions between ARGB images and 32-bpp pointer masks. Oriel sends 32-bpp XOR masks carrying the alpha and an
 * all-zero AND mask, the safest form for every client (the AND bit would override alpha in FreeRDP).
 */
public final class PointerImages {
    private PointerImages() {
    }

    /** The 32-bpp XOR mask of {@code argb} (row-major, top row first): BGRA rows, bottom-up. */
    public static Bytes xorMask32(int[] argb, int width, int height) {
        int scan = PointerMasks.xorScanline(width, 32);
        byte[] out = new byte[scan * height];
        for (int y = 0; y < height; y++) {
            int o = (height - 1 - y) * scan;
            for (int x = 0; x < width; x++) {
                int p = argb[y * width + x];
                out[o++] = (byte) p;
                out[o++] = (byte) (p >> 8);
                out[o++] = (byte) (p >> 16);
                out[o++] = (byte) (p >>> 24);
            }
        }
        return Bytes.of(out);
    }

    /** An AND mask of zero bits: every pixel takes its colour (and alpha) from the XOR mask. */
    public static Bytes emptyAndMask(int width, int height) {
        return Bytes.of(new byte[PointerMasks.andScanline(width) * height]);
    }

    /** A New Pointer Update for an image of at most 96×96. */
    public static NewPointerUpdate newPointer(int cacheIndex, int hotX, int hotY, int width, int height, int[] argb) {
        return new NewPointerUpdate(new ColorPointerUpdate(32, cacheIndex, hotX, hotY, width, height,
                xorMask32(argb, width, height), emptyAndMask(width, height), false));
    }

    /** A Large Pointer Update for an image of at most 384×384. */
    public static LargePointerUpdate largePointer(int cacheIndex, int hotX, int hotY, int width, int height, int[] argb) {
        return new LargePointerUpdate(32, cacheIndex, hotX, hotY, width, height, xorMask32(argb, width, height),
                emptyAndMask(width, height));
    }

    /**
     * Renders 32-bpp (alpha) or 24-bpp (AND/XOR) masks to ARGB, top row first, following the common client rule:
     * 32 bpp takes colour and alpha from the XOR mask, except that an AND bit over an all-zero XOR pixel is fully
     * transparent; 24 bpp is opaque where the AND bit is 0, transparent where it is 1 and the XOR colour is black,
     * and inverted (drawn black here) otherwise.
     */
    public static int[] render(int xorBpp, int width, int height, Bytes xorMask, Bytes andMask) {
        if (xorBpp != 32 && xorBpp != 24) {
            throw new IllegalArgumentException("only 24 and 32 bpp pointers are rendered: " + xorBpp);
        }
        int xorScan = PointerMasks.xorScanline(width, xorBpp);
        int andScan = PointerMasks.andScanline(width);
        int bytesPerPixel = xorBpp / 8;
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            int row = height - 1 - y;
            for (int x = 0; x < width; x++) {
                int o = row * xorScan + x * bytesPerPixel;
                int b = xorMask.get(o) & 0xFF;
                int g = xorMask.get(o + 1) & 0xFF;
                int r = xorMask.get(o + 2) & 0xFF;
                int a = xorBpp == 32 ? xorMask.get(o + 3) & 0xFF : 0xFF;
                boolean andBit = !andMask.isEmpty() && (andMask.get(row * andScan + x / 8) & (0x80 >> (x % 8))) != 0;
                int rgb = r << 16 | g << 8 | b;
                if (xorBpp == 32) {
                    out[y * width + x] = andBit && (a << 24 | rgb) == 0 ? 0 : a << 24 | rgb;
                } else if (andBit) {
                    out[y * width + x] = rgb == 0 ? 0 : 0xFF00_0000;
                } else {
                    out[y * width + x] = a << 24 | rgb;
                }
            }
        }
        return out;
    }
}
