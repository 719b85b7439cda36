package dev.oriel.rdp.core.graphics;

/**
 * Order codes and pixel formats of the interleaved RLE bitmap codec ([MS-RDPBCGR] 2.2.9.1.1.3.1.2.4,
 * RLE_BITMAP_STREAM; 3.1.9). Regular orders keep the code in the top 3 bits, lite orders in the top 4, MEGA_MEGA
 * and special orders use the whole byte.
 */
final class Interleaved {
    // Regular orders (header >> 5).
    static final int BG_RUN = 0x0;
    static final int FG_RUN = 0x1;
    static final int FGBG_IMAGE = 0x2;
    static final int COLOR_RUN = 0x3;
    static final int COLOR_IMAGE = 0x4;
    // Lite orders (header >> 4).
    static final int LITE_SET_FG_FG_RUN = 0xC;
    static final int LITE_SET_FG_FGBG_IMAGE = 0xD;
    static final int LITE_DITHERED_RUN = 0xE;
    // MEGA_MEGA orders: a 16-bit little-endian length follows.
    static final int MEGA_MEGA_BG_RUN = 0xF0;
    static final int MEGA_MEGA_FG_RUN = 0xF1;
    static final int MEGA_MEGA_FGBG_IMAGE = 0xF2;
    static final int MEGA_MEGA_COLOR_RUN = 0xF3;
    static final int MEGA_MEGA_COLOR_IMAGE = 0xF4;
    static final int MEGA_MEGA_SET_FG_RUN = 0xF6;
    static final int MEGA_MEGA_SET_FGBG_IMAGE = 0xF7;
    static final int MEGA_MEGA_DITHERED_RUN = 0xF8;
    // Special orders: no length.
    static final int SPECIAL_FGBG_1 = 0xF9; // 8 pixels, bitmask 0x03
    static final int SPECIAL_FGBG_2 = 0xFA; // 8 pixels, bitmask 0x05
    static final int WHITE = 0xFD;
    static final int BLACK = 0xFE;

    private Interleaved() {
    }

    static int bytesPerPixel(int bpp) {
        return bpp == 24 ? 3 : 2;
    }

    /** The white pixel of a depth: every colour bit set. */
    static int white(int bpp) {
        return bpp == 24 ? 0xFFFFFF : bpp == 16 ? 0xFFFF : 0x7FFF;
    }

    /** 0xAARRGGBB to the wire pixel: 24 bpp 0xRRGGBB (sent B, G, R), 16 bpp RGB565, 15 bpp RGB555. */
    static int fromArgb(int p, int bpp) {
        return switch (bpp) {
            case 24 -> p & 0xFFFFFF;
            case 16 -> (p >> 8 & 0xF800) | (p >> 5 & 0x07E0) | (p >> 3 & 0x001F);
            default -> (p >> 9 & 0x7C00) | (p >> 6 & 0x03E0) | (p >> 3 & 0x001F);
        };
    }

    /** The wire pixel to opaque 0xFFRRGGBB; 5- and 6-bit channels widen by replicating their top bits. */
    static int toArgb(int v, int bpp) {
        int r;
        int g;
        int b;
        switch (bpp) {
            case 24 -> {
                return 0xFF000000 | v & 0xFFFFFF;
            }
            case 16 -> {
                r = v >> 11 & 0x1F;
                g = v >> 5 & 0x3F;
                b = v & 0x1F;
                g = g << 2 | g >> 4;
            }
            default -> {
                r = v >> 10 & 0x1F;
                g = v >> 5 & 0x1F;
                b = v & 0x1F;
                g = g << 3 | g >> 2;
            }
        }
        return 0xFF000000 | (r << 3 | r >> 2) << 16 | g << 8 | (b << 3 | b >> 2);
    }
}
