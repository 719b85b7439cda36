package dev.oriel.rdp.core.graphics.rfx;

/**
 * Scalar quantisation of a linearised component ([MS-RDPRFX] 3.1.8.1.5 encode, 3.1.8.2 decode).
 *
 * <p>The colour converter produces 11.5 fixed-point values (scaled by 32, see {@link RfxColor}); a factor q
 * divides a band by {@code 2^(q−6)} on top of that scale, so the encoder shifts right by {@code q − 1} and the
 * decoder shifts left by {@code q − 1}. Encoding rounds once, to the nearest step (FreeRDP rounds twice, first
 * by {@code q − 6} and then by 5, which loses a little precision).
 */
public final class Quantization {
    private Quantization() {
    }

    /** Quantises {@code buf} (after {@link Dwt#forward}) in place. */
    public static void quantize(short[] buf, RfxQuant q) {
        band(buf, Dwt.HL1, 1024, q.hl1());
        band(buf, Dwt.LH1, 1024, q.lh1());
        band(buf, Dwt.HH1, 1024, q.hh1());
        band(buf, Dwt.HL2, 256, q.hl2());
        band(buf, Dwt.LH2, 256, q.lh2());
        band(buf, Dwt.HH2, 256, q.hh2());
        band(buf, Dwt.HL3, 64, q.hl3());
        band(buf, Dwt.LH3, 64, q.lh3());
        band(buf, Dwt.HH3, 64, q.hh3());
        band(buf, Dwt.LL3, 64, q.ll3());
    }

    private static void band(short[] buf, int from, int count, int factor) {
        quantizeBand(buf, from, count, factor - 1);
    }

    /**
     * Quantises {@code count} coefficients from {@code from} by a right shift of {@code shift} (≥ 1), rounding to
     * nearest. For codecs whose sub-band layout differs from [MS-RDPRFX]'s (the progressive codec's
     * reduce-extrapolate layout, [MS-RDPEGFX] 3.2.8.1.2.2) and whose shift adds a progressive factor.
     */
    public static void quantizeBand(short[] buf, int from, int count, int shift) {
        int half = 1 << (shift - 1);
        for (int i = from, end = from + count; i < end; i++) {
            buf[i] = (short) ((buf[i] + half) >> shift);
        }
    }

    /** One value quantised with {@code factor}, exactly as {@link #quantize} does it. */
    static int quantize(int value, int factor) {
        int shift = factor - 1;
        return (short) ((value + (1 << (shift - 1))) >> shift);
    }

    /** Dequantises {@code buf} in place; the shifted values wrap at 16 bits as in the reference decoders. */
    public static void dequantize(short[] buf, RfxQuant q) {
        unband(buf, Dwt.HL1, 1024, q.hl1());
        unband(buf, Dwt.LH1, 1024, q.lh1());
        unband(buf, Dwt.HH1, 1024, q.hh1());
        unband(buf, Dwt.HL2, 256, q.hl2());
        unband(buf, Dwt.LH2, 256, q.lh2());
        unband(buf, Dwt.HH2, 256, q.hh2());
        unband(buf, Dwt.HL3, 64, q.hl3());
        unband(buf, Dwt.LH3, 64, q.lh3());
        unband(buf, Dwt.HH3, 64, q.hh3());
        unband(buf, Dwt.LL3, 64, q.ll3());
    }

    private static void unband(short[] buf, int from, int count, int factor) {
        dequantizeBand(buf, from, count, factor - 1);
    }

    /** Inverse of {@link #quantizeBand}: a left shift, wrapping at 16 bits as in the reference decoders. */
    public static void dequantizeBand(short[] buf, int from, int count, int shift) {
        for (int i = from, end = from + count; i < end; i++) {
            buf[i] = (short) (buf[i] << shift);
        }
    }

    /**
     * Differential coding of the LL3 band, part of linearisation ([MS-RDPRFX] 3.1.8.1.6): each of the 64 coefficients after the first
     * becomes its difference from the previous one, in linear order. Applied after quantisation.
     */
    public static void differentialEncode(short[] buf) {
        differentialEncode(buf, Dwt.LL3, 64);
    }

    /** Inverse of {@link #differentialEncode}: a running sum over LL3. */
    public static void differentialDecode(short[] buf) {
        differentialDecode(buf, Dwt.LL3, 64);
    }

    /**
     * Differential coding of an LL band of {@code count} coefficients from {@code from} (the progressive codec's
     * LL3 has 81).
     */
    public static void differentialEncode(short[] buf, int from, int count) {
        for (int i = from + count - 1; i > from; i--) {
            buf[i] = (short) (buf[i] - buf[i - 1]);
        }
    }

    /** Inverse of {@link #differentialEncode(short[], int, int)}. */
    public static void differentialDecode(short[] buf, int from, int count) {
        for (int i = from + 1; i < from + count; i++) {
            buf[i] = (short) (buf[i] + buf[i - 1]);
        }
    }
}
