package dev.oriel.rdp.core.graphics.rfx;

/**
 * RemoteFX colour conversion ([MS-RDPRFX] 3.1.8.1.3 encode, 3.1.8.2 decode): the irreversible colour transform
 * (ICT) between RGB and YCbCr, with Y centred on zero (minus 128) and every component in 11.5 fixed point
 * (scaled by 32), the representation the DWT and quantisation steps expect.
 */
public final class RfxColor {
    /*
     * Encode matrix in 1.15 fixed point: the spec's coefficients times 2^15, rounded so that each row sums to
     * exactly 2^15 (Y) or 0 (Cb, Cr). Grey then maps to Cb = Cr = 0 and white to Y = 255 without drift.
     *   Y  =  0.299    R + 0.587    G + 0.114    B
     *   Cb = −0.168935 R − 0.331665 G + 0.50059  B
     *   Cr =  0.499813 R − 0.418531 G − 0.081282 B
     */
    private static final int YR = 9798;
    private static final int YG = 19235;
    private static final int YB = 32768 - YR - YG;
    private static final int CBR = -5535;
    private static final int CBG = -10868;
    private static final int CBB = -CBR - CBG;
    private static final int CRR = 16377;
    private static final int CRG = -13714;
    private static final int CRB = -CRR - CRG;

    /*
     * Decode matrix in 16.16 fixed point, truncated from the spec's single-precision coefficients exactly as
     * FreeRDP's generic decoder does, so decoded pixels equal xfreerdp's.
     *   R = Y + 1.402525 Cr;  G = Y − 0.343730 Cb − 0.714401 Cr;  B = Y + 1.769905 Cb
     */
    private static final int CR_R = (int) (1.402525f * (1 << 16));
    private static final int CR_G = (int) (0.714401f * (1 << 16));
    private static final int CB_G = (int) (0.343730f * (1 << 16));
    private static final int CB_B = (int) (1.769905f * (1 << 16));

    private RfxColor() {
    }

    /**
     * Converts a {@code width × height} block (1..64 each) of 0xAARRGGBB pixels to 64×64 Y, Cb and Cr planes in
     * 11.5 fixed point. A partial block is padded by repeating its last column and then its last row, which keeps
     * the padding free of edges and so cheap to code; decoders clip it away.
     */
    public static void toYCbCr(int[] argb, int offset, int stride, int width, int height, short[] y, short[] cb,
            short[] cr) {
        for (int row = 0; row < height; row++) {
            int s = offset + row * stride;
            int d = row << 6;
            for (int col = 0; col < width; col++) {
                int p = argb[s + col];
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                y[d + col] = (short) y(r, g, b);
                cb[d + col] = (short) cb(r, g, b);
                cr[d + col] = (short) cr(r, g, b);
            }
            for (int col = width; col < 64; col++) {
                y[d + col] = y[d + width - 1];
                cb[d + col] = cb[d + width - 1];
                cr[d + col] = cr[d + width - 1];
            }
        }
        for (int row = height; row < 64; row++) {
            System.arraycopy(y, (height - 1) << 6, y, row << 6, 64);
            System.arraycopy(cb, (height - 1) << 6, cb, row << 6, 64);
            System.arraycopy(cr, (height - 1) << 6, cr, row << 6, 64);
        }
    }

    // (2^15 scale) >> 10 leaves the ×32 of 11.5 fixed point; + 512 rounds to nearest.

    /** Y of one pixel, 11.5 fixed point, centred on zero. */
    static int y(int r, int g, int b) {
        return ((YR * r + YG * g + YB * b + 512) >> 10) - 4096;
    }

    static int cb(int r, int g, int b) {
        return (CBR * r + CBG * g + CBB * b + 512) >> 10;
    }

    static int cr(int r, int g, int b) {
        return (CRR * r + CRG * g + CRB * b + 512) >> 10;
    }

    /**
     * How decoded YCbCr is turned back into RGB. The spec gives real coefficients; decoders round differently, by
     * up to one level per channel, and a test that compares with a client's screen needs the client's rounding.
     */
    public enum Reconstruction {
        /**
         * FreeRDP's portable C path (16.16 fixed point, truncated spec coefficients). IronRDP decodes the same way:
         * its session test image is reproduced exactly.
         */
        FREERDP_GENERIC,
        /**
         * FreeRDP's SSE2 path (1.14 coefficients applied with a 16-bit multiply-high), which xfreerdp uses on x86-64
         * for 32-bit BGRX/BGRA targets, i.e. for every RemoteFX tile it shows there.
         */
        FREERDP_SSE2
    }

    /**
     * Converts 64×64 11.5 fixed-point planes to opaque 0xFFRRGGBB pixels, writing only the top-left
     * {@code width × height} of the tile to {@code dst}.
     */
    public static void toArgb(short[] y, short[] cb, short[] cr, int[] dst, int offset, int stride, int width,
            int height) {
        toArgb(Reconstruction.FREERDP_GENERIC, y, cb, cr, dst, offset, stride, width, height);
    }

    /** As {@link #toArgb(short[], short[], short[], int[], int, int, int, int)}, with the given rounding. */
    public static void toArgb(Reconstruction how, short[] y, short[] cb, short[] cr, int[] dst, int offset,
            int stride, int width, int height) {
        boolean sse2 = how == Reconstruction.FREERDP_SSE2;
        for (int row = 0; row < height; row++) {
            int d = offset + row * stride;
            int s = row << 6;
            for (int col = 0; col < width; col++) {
                dst[d + col] = sse2 ? sse2(y[s + col], cb[s + col], cr[s + col])
                        : generic(y[s + col], cb[s + col], cr[s + col]);
            }
        }
    }

    private static int generic(int y, int cb, int cr) {
        long yy = (long) (y + 4096) << 16;
        int r = clamp((cr * (long) CR_R + yy) >> 21);
        int g = clamp((yy - cb * (long) CB_G - cr * (long) CR_G) >> 21);
        int b = clamp((cb * (long) CB_B + yy) >> 21);
        return 0xFF00_0000 | r << 16 | g << 8 | b;
    }

    /*
     * The SSE2 variant's coefficients: the spec's, rounded to three decimals, times 2^14. Every step is a 16-bit
     * lane operation, so sums wrap at 16 bits and a product keeps its high half.
     */
    private static final int SSE_CR_R = 22986;
    private static final int SSE_CB_G = -5636;
    private static final int SSE_CR_G = -11698;
    private static final int SSE_CB_B = 28999;

    private static int sse2(int y, int cb, int cr) {
        int yy = (short) (y + 4096) >> 2;
        int r = (short) (yy + mulhi(cr, SSE_CR_R)) >> 3;
        int g = (short) ((short) (yy + mulhi(cb, SSE_CB_G)) + mulhi(cr, SSE_CR_G)) >> 3;
        int b = (short) (yy + mulhi(cb, SSE_CB_B)) >> 3;
        return 0xFF00_0000 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    /** The high 16 bits of a signed 16 × 16 product, as a 16-bit value. */
    private static int mulhi(int a, int b) {
        return (short) ((a * b) >> 16);
    }

    private static int clamp(long v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) v;
    }
}
