package dev.oriel.rdp.core.graphics.progressive;

/**
 * The reduce-extrapolate DWT of the RemoteFX progressive codec ([MS-RDPEGFX] 3.2.8.1.2.2, selected per region by
 * RFX_DWT_REDUCE_EXTRAPOLATE in RFX_PROGRESSIVE_REGION.flags, 2.2.4.2.1.5). It differs from classic RemoteFX's DWT
 * ([MS-RDPRFX] 3.1.8.1.4, {@link dev.oriel.rdp.core.graphics.rfx.Dwt}) at the tile edge: the 64 samples of a line
 * are extended by a 65th, extrapolated linearly from the last two ({@code x64 = 2·x63 − x62}), and the line is
 * transformed with mirroring at both ends into 33 low and 32 high coefficients, of which the last high one is zero
 * by construction and dropped. Levels 2 and 3 transform the odd-length low band (33, then 17 samples) with plain
 * mirroring into 17 + 16 and 9 + 8. No mirrored seam at the tile edge means no visible tile grid.
 *
 * <p>Sub-band layout (the order of the linearised coefficients that RLGR codes, as the reference decoders read
 * them): per level HL (low rows × high columns), LH, HH, then the next level in place of LL:
 * HL1 0 (33 × 31), LH1 1023 (31 × 33), HH1 2046 (31 × 31), HL2 3007 (17 × 16), LH2 3279 (16 × 17),
 * HH2 3551 (16 × 16), HL3 3807 (9 × 8), LH3 3879 (8 × 9), HH3 3951 (8 × 8), LL3 4015 (9 × 9). "HL" is high-pass
 * horizontally and low-pass vertically, as in [MS-RDPRFX].
 *
 * <p>The synthesis step is the lifting of 3.2.8.1.2 read backwards: {@code x[2n] = L[n] − (H[n−1] + H[n]) / 2},
 * {@code x[2n+1] = (x[2n] + x[2n+2]) / 2 + 2·H[n]}, halving by truncation towards zero and every intermediate kept
 * in 16 bits, because that is what the client decoder that matters (FreeRDP 2.11, xfreerdp) computes: the same
 * coefficients then give the same pixels. Rows are synthesised before columns, as there. The analysis runs the
 * other way round (columns, then rows) with the same halving, so even samples invert exactly.
 *
 * <p>Stateless; the caller supplies a 4096-entry scratch array.
 */
public final class ReduceExtrapolateDwt {
    /** Offsets of the sub-bands in the linearised component. */
    public static final int HL1 = 0;
    public static final int LH1 = 1023;
    public static final int HH1 = 2046;
    public static final int HL2 = 3007;
    public static final int LH2 = 3279;
    public static final int HH2 = 3551;
    public static final int HL3 = 3807;
    public static final int LH3 = 3879;
    public static final int HH3 = 3951;
    public static final int LL3 = 4015;
    /** Coefficients in LL3 (9 × 9). */
    public static final int LL3_COUNT = 81;

    /** Where each level's block starts: level 1 is the whole 64 × 64 tile, level 2 the 33 × 33 LL1, level 3 17 × 17. */
    private static final int[] LEVEL_BASE = {0, 0, HL2, HL3};

    private ReduceExtrapolateDwt() {
    }

    /** Low-band length at {@code level}: 33, 17, 9. */
    static int lowCount(int level) {
        return (64 >> level) + 1;
    }

    /** High-band length at {@code level}: 31 (the 32nd is the dropped zero), 16, 8. */
    static int highCount(int level) {
        return level == 1 ? 31 : (64 + (1 << (level - 1))) >> level;
    }

    /** Forward transform of a 64 × 64 row-major component, in place, into the linearised layout above. */
    public static void forward(short[] buf, short[] tmp) {
        forwardLevel(buf, tmp, 1);
        forwardLevel(buf, tmp, 2);
        forwardLevel(buf, tmp, 3);
    }

    /** Inverse transform of a linearised component back to 64 × 64 row-major, in place. */
    public static void inverse(short[] buf, short[] tmp) {
        inverseLevel(buf, tmp, 3);
        inverseLevel(buf, tmp, 2);
        inverseLevel(buf, tmp, 1);
    }

    /**
     * One analysis level. Input: a {@code n × n} row-major block at the level's base ({@code n} = 64, 33, 17).
     * Columns first into {@code tmp} (nL rows of low, then nH rows of high, each n wide), then rows into the four
     * bands at the base.
     */
    private static void forwardLevel(short[] buf, short[] tmp, int level) {
        final int base = LEVEL_BASE[level];
        final int nL = lowCount(level);
        final int nH = highCount(level);
        final int n = nL + nH;
        final boolean extrapolate = level == 1;
        int[] in = new int[n];
        int[] lo = new int[nL];
        int[] hi = new int[nH];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                in[y] = buf[base + y * n + x];
            }
            analyse(in, n, lo, hi, nL, nH, extrapolate);
            for (int k = 0; k < nL; k++) {
                tmp[k * n + x] = (short) lo[k];
            }
            for (int k = 0; k < nH; k++) {
                tmp[(nL + k) * n + x] = (short) hi[k];
            }
        }
        final int hl = base;
        final int lh = hl + nL * nH;
        final int hh = lh + nH * nL;
        final int ll = hh + nH * nH;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                in[x] = tmp[y * n + x];
            }
            analyse(in, n, lo, hi, nL, nH, extrapolate);
            if (y < nL) {
                // A low row: LL (nL wide) and HL (nH wide).
                for (int k = 0; k < nL; k++) {
                    buf[ll + y * nL + k] = (short) lo[k];
                }
                for (int k = 0; k < nH; k++) {
                    buf[hl + y * nH + k] = (short) hi[k];
                }
            } else {
                int r = y - nL;
                for (int k = 0; k < nL; k++) {
                    buf[lh + r * nL + k] = (short) lo[k];
                }
                for (int k = 0; k < nH; k++) {
                    buf[hh + r * nH + k] = (short) hi[k];
                }
            }
        }
    }

    /**
     * Lifting analysis of one line of {@code n} samples. With extrapolation (level 1, n = 64) the virtual sample
     * x[64] = 2·x[63] − x[62] makes the line odd-length; the 32nd high coefficient is taken as zero (3.2.8.1.2.2:
     * "the final frequency result is zero and is dropped") so that the low band uses exactly what the decoder
     * assumes. Without it (n odd) the line ends on an even sample and mirroring supplies H[nH] = H[nH−1].
     * H[−1] mirrors to H[0] at the start.
     */
    static void analyse(int[] x, int n, int[] lo, int[] hi, int nL, int nH, boolean extrapolate) {
        int last = extrapolate ? 2 * x[n - 1] - x[n - 2] : x[n - 1]; // the sample at index 2·(nL − 1)
        for (int k = 0; k < nH; k++) {
            int next = 2 * k + 2 < n ? x[2 * k + 2] : last;
            hi[k] = (short) (((short) (x[2 * k + 1] - (x[2 * k] + next) / 2)) / 2);
        }
        for (int k = 0; k < nL; k++) {
            int even = 2 * k < n ? x[2 * k] : last;
            // H[−1] mirrors to H[0]; past the end: the dropped zero (extrapolated) or the mirror of H[nH−1].
            int hPrev = k == 0 ? hi[0] : k - 1 < nH ? hi[k - 1] : 0;
            int hCur = k < nH ? hi[k] : extrapolate ? 0 : hi[nH - 1];
            lo[k] = (short) (even + (hPrev + hCur) / 2);
        }
    }

    /** One synthesis level: rows of (LL, HL) and (LH, HH) into {@code tmp}, then columns into the base. */
    private static void inverseLevel(short[] buf, short[] tmp, int level) {
        final int base = LEVEL_BASE[level];
        final int nL = lowCount(level);
        final int nH = highCount(level);
        final int n = nL + nH;
        final int hl = base;
        final int lh = hl + nL * nH;
        final int hh = lh + nH * nL;
        final int ll = hh + nH * nH;
        // Horizontal: nL rows from LL + HL, then nH rows from LH + HH, each n wide.
        for (int r = 0; r < nL; r++) {
            synthesise(buf, ll + r * nL, 1, buf, hl + r * nH, 1, tmp, r * n, 1, nL, nH);
        }
        for (int r = 0; r < nH; r++) {
            synthesise(buf, lh + r * nL, 1, buf, hh + r * nH, 1, tmp, (nL + r) * n, 1, nL, nH);
        }
        // Vertical: n columns from the low rows and the high rows, written as the n × n block at the base.
        for (int c = 0; c < n; c++) {
            synthesise(tmp, c, n, tmp, nL * n + c, n, buf, base + c, n, nL, nH);
        }
    }

    /**
     * Synthesis of one line from {@code nL} low and {@code nH} high coefficients (with strides), 16-bit throughout,
     * halving towards zero. Three tails, by how many low coefficients outnumber the high ones: none (even length,
     * not used by the progressive layout), one (odd length, levels 2 and 3) or two (level 1: the extrapolated
     * sample and the dropped zero high coefficient).
     */
    private static void synthesise(short[] lowSrc, int lo, int loStep, short[] highSrc, int hi, int hiStep,
            short[] dst, int d, int dStep, int nL, int nH) {
        short h0 = highSrc[hi];
        short x0 = (short) (lowSrc[lo] - h0);
        short x2 = x0;
        for (int j = 0; j < nH - 1; j++) {
            short h1 = highSrc[hi + (j + 1) * hiStep];
            x2 = (short) (lowSrc[lo + (j + 1) * loStep] - (h0 + h1) / 2);
            dst[d + 2 * j * dStep] = x0;
            dst[d + (2 * j + 1) * dStep] = (short) ((x0 + x2) / 2 + 2 * h0);
            x0 = x2;
            h0 = h1;
        }
        int at = 2 * (nH - 1);
        if (nL <= nH) {
            dst[d + at * dStep] = x2;
            dst[d + (at + 1) * dStep] = (short) (x2 + 2 * h0);
        } else if (nL == nH + 1) {
            short xl = (short) (lowSrc[lo + nH * loStep] - h0);
            dst[d + at * dStep] = x2;
            dst[d + (at + 1) * dStep] = (short) ((xl + x2) / 2 + 2 * h0);
            dst[d + (at + 2) * dStep] = xl;
        } else {
            short xl = (short) (lowSrc[lo + nH * loStep] - h0 / 2);
            short extra = lowSrc[lo + (nH + 1) * loStep];
            dst[d + at * dStep] = x2;
            dst[d + (at + 1) * dStep] = (short) ((xl + x2) / 2 + 2 * h0);
            dst[d + (at + 2) * dStep] = xl;
            dst[d + (at + 3) * dStep] = (short) ((xl + extra) / 2);
        }
    }
}
