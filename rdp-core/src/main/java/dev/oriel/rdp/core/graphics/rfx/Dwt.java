package dev.oriel.rdp.core.graphics.rfx;

/**
 * The three-level 2D discrete wavelet transform of a 64×64 component ([MS-RDPRFX] 3.1.8.1.4 encode, 3.1.8.2
 * decode): the LeGall 5/3 wavelet as integer lifting, with symmetric extension at the edges.
 *
 * <p>Sub-band layout ([MS-RDPRFX] 3.1.8.1.5, linearisation): each level transforms a {@code w × w} block stored
 * row-major at some offset and leaves four {@code w/2 × w/2} bands there in the order HL, LH, HH, LL, so the next
 * level works on the LL band in place. That gives HL1 0, LH1 1024, HH1 2048, HL2 3072, LH2 3328, HH2 3584, HL3 3840,
 * LH3 3904, HH3 3968, LL3 4032. "HL" is high-pass horizontally and low-pass vertically.
 *
 * <p>Coefficients are kept in {@code short}s as in the reference decoders, so out-of-range input wraps the same way.
 * Stateless; the caller supplies a 4096-entry scratch array.
 */
public final class Dwt {
    /** Offsets of the sub-bands in the linearised component. */
    public static final int HL1 = 0;
    public static final int LH1 = 1024;
    public static final int HH1 = 2048;
    public static final int HL2 = 3072;
    public static final int LH2 = 3328;
    public static final int HH2 = 3584;
    public static final int HL3 = 3840;
    public static final int LH3 = 3904;
    public static final int HH3 = 3968;
    public static final int LL3 = 4032;

    private Dwt() {
    }

    /** Forward transform of a 64×64 row-major component, in place. */
    public static void forward(short[] buf, short[] tmp) {
        forwardLevel(buf, 0, 32, tmp);
        forwardLevel(buf, 3072, 16, tmp);
        forwardLevel(buf, 3840, 8, tmp);
    }

    /** Inverse transform of a linearised component back to 64×64 row-major, in place. */
    public static void inverse(short[] buf, short[] tmp) {
        inverseLevel(buf, 3840, 8, tmp);
        inverseLevel(buf, 3072, 16, tmp);
        inverseLevel(buf, 0, 32, tmp);
    }

    /**
     * One analysis level on the {@code 2h × 2h} block at {@code base}. Lifting, for the samples x of one line:
     * {@code H[n] = (x[2n+1] − ((x[2n] + x[2n+2]) >> 1)) >> 1} then {@code L[n] = x[2n] + ((H[n−1] + H[n]) >> 1)},
     * where the missing x[2h] mirrors to x[2h−2] and H[−1] to H[0]. Columns first (into {@code tmp}: L rows above
     * H rows), then rows.
     */
    static void forwardLevel(short[] buf, int base, int h, short[] tmp) {
        final int w = h << 1;
        // Vertical lifting, one output row pair at a time so that every inner loop runs along rows.
        for (int n = 0; n < h; n++) {
            int even = base + (n << 1) * w;
            int odd = even + w;
            int next = n < h - 1 ? odd + w : even; // mirror at the bottom edge
            int hi = (n + h) * w;
            int lo = n * w;
            int hiPrev = n == 0 ? hi : hi - w; // H[-1] mirrors to H[0]
            for (int x = 0; x < w; x++) {
                int e = buf[even + x];
                int hv = (buf[odd + x] - ((e + buf[next + x]) >> 1)) >> 1;
                tmp[hi + x] = (short) hv;
                tmp[lo + x] = (short) (e + ((tmp[hiPrev + x] + hv) >> 1));
            }
        }
        final int band = h * h;
        for (int y = 0; y < h; y++) {
            // L rows give LL (low) and HL (high); H rows give LH (low) and HH (high).
            rowForward(tmp, y * w, buf, base + 3 * band + y * h, base + y * h, h);
            rowForward(tmp, (y + h) * w, buf, base + band + y * h, base + 2 * band + y * h, h);
        }
    }

    private static void rowForward(short[] src, int s, short[] dst, int lowAt, int highAt, int h) {
        // First pair: H[-1] mirrors to H[0].
        int even = src[s];
        int hPrev = (src[s + 1] - ((even + src[s + 2]) >> 1)) >> 1;
        dst[highAt] = (short) hPrev;
        dst[lowAt] = (short) (even + hPrev);
        for (int n = 1; n < h - 1; n++) {
            int i = s + (n << 1);
            even = src[i];
            int hv = (src[i + 1] - ((even + src[i + 2]) >> 1)) >> 1;
            dst[highAt + n] = (short) hv;
            dst[lowAt + n] = (short) (even + ((hPrev + hv) >> 1));
            hPrev = hv;
        }
        // Last pair: x[2h] mirrors to x[2h−2].
        int i = s + ((h - 1) << 1);
        even = src[i];
        int hv = (src[i + 1] - even) >> 1;
        dst[highAt + h - 1] = (short) hv;
        dst[lowAt + h - 1] = (short) (even + ((hPrev + hv) >> 1));
    }

    /**
     * One synthesis level: {@code x[2n] = L[n] − ((H[n−1] + H[n] + 1) >> 1)} then
     * {@code x[2n+1] = 2·H[n] + ((x[2n] + x[2n+2]) >> 1)}, with the same mirroring. Rows first (into {@code tmp}),
     * then columns, as the reference decoders do, so results match them bit for bit.
     */
    static void inverseLevel(short[] buf, int base, int h, short[] tmp) {
        final int w = h << 1;
        final int band = h * h;
        for (int y = 0; y < h; y++) {
            rowInverse(buf, base + 3 * band + y * h, base + y * h, tmp, y * w, h);
            rowInverse(buf, base + band + y * h, base + 2 * band + y * h, tmp, (y + h) * w, h);
        }
        for (int x = 0; x < w; x++) {
            // Even samples first, then odd ones from their even neighbours.
            for (int n = 0; n < h; n++) {
                int hPrev = tmp[((n == 0 ? 0 : n - 1) + h) * w + x];
                int hCur = tmp[(n + h) * w + x];
                buf[base + (n << 1) * w + x] = (short) (tmp[n * w + x] - ((hPrev + hCur + 1) >> 1));
            }
            for (int n = 0; n < h; n++) {
                int even = buf[base + (n << 1) * w + x];
                int next = n < h - 1 ? buf[base + ((n << 1) + 2) * w + x] : even;
                buf[base + ((n << 1) + 1) * w + x] = (short) ((tmp[(n + h) * w + x] << 1) + ((even + next) >> 1));
            }
        }
    }

    private static void rowInverse(short[] src, int lowAt, int highAt, short[] dst, int d, int h) {
        for (int n = 0; n < h; n++) {
            int hPrev = src[highAt + (n == 0 ? 0 : n - 1)];
            int hCur = src[highAt + n];
            dst[d + (n << 1)] = (short) (src[lowAt + n] - ((hPrev + hCur + 1) >> 1));
        }
        for (int n = 0; n < h; n++) {
            int even = dst[d + (n << 1)];
            int next = n < h - 1 ? dst[d + (n << 1) + 2] : even;
            dst[d + (n << 1) + 1] = (short) ((src[highAt + n] << 1) + ((even + next) >> 1));
        }
    }
}
