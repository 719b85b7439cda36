package dev.oriel.rdp.core.graphics.progressive;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.4.2.1.5.2 RFX_COMPONENT_CODEC_QUANT: one 4-bit value per sub-band, ten nibbles in five bytes, low
 * nibble first, in the order LL3, HL3, LH3, HH3, HL2, LH2, HH2, HL1, LH1, HH1. Note the order differs from
 * [MS-RDPRFX]'s TS_RFX_CODEC_QUANT (LL3, LH3, HL3, …): HL and LH swap at every level.
 *
 * <p>Used twice: as a quantisation table of a region's quantVals (factors 6..15, a band is shifted by
 * {@code factor − 1} in the 11.5 fixed-point domain, as in [MS-RDPRFX] 3.1.8.1.5) and as one component of an
 * RFX_PROGRESSIVE_CODEC_QUANT (2.2.4.2.1.5.1), whose values (0..15) add to those shifts for a progressive pass.
 */
public record ComponentQuant(int ll3, int hl3, int lh3, int hh3, int hl2, int lh2, int hh2, int hl1, int lh1,
        int hh1) {
    static final String NAME = "RfxComponentCodecQuant";
    /** Five bytes of nibbles. */
    public static final int SIZE = 5;

    /** FreeRDP's default RemoteFX quantisation (the same bands as {@code RfxQuant.DEFAULT}). */
    public static final ComponentQuant DEFAULT = new ComponentQuant(6, 6, 6, 6, 7, 7, 8, 8, 8, 9);
    /** No extra shift: the full-quality progressive table that a quality of 0xFF stands for. */
    public static final ComponentQuant ZERO = new ComponentQuant(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ComponentQuant {
        for (int v : new int[] {ll3, hl3, lh3, hh3, hl2, lh2, hh2, hl1, lh1, hh1}) {
            if (v < 0 || v > 15) {
                throw new IllegalArgumentException("quantisation value " + v + " outside 0..15");
            }
        }
    }

    /** The values in wire order. */
    public int[] toArray() {
        return new int[] {ll3, hl3, lh3, hh3, hl2, lh2, hh2, hl1, lh1, hh1};
    }

    /** From ten values in wire order. */
    public static ComponentQuant of(int... v) {
        if (v.length != 10) {
            throw new IllegalArgumentException("need 10 values, got " + v.length);
        }
        return new ComponentQuant(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    /** The smallest value, to check a quantVals table against 6..15. */
    int min() {
        int m = 15;
        for (int v : toArray()) {
            m = Math.min(m, v);
        }
        return m;
    }

    /**
     * The dequantisation shift of each band, in wire order: {@code factor + progressive − 1} (the factor's
     * {@code 2^(q−6)} on top of the 11.5 fixed point's 5 fractional bits; a progressive value coarsens further).
     */
    static int[] shifts(ComponentQuant factors, ComponentQuant progressive) {
        int[] a = factors.toArray();
        int[] b = progressive.toArray();
        int[] s = new int[10];
        for (int i = 0; i < 10; i++) {
            s[i] = a[i] + b[i] - 1;
        }
        return s;
    }

    /** Reads five bytes. */
    public static ComponentQuant decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        int[] v = new int[10];
        for (int i = 0; i < 10; i += 2) {
            int b = src.readUnsignedByte();
            v[i] = b & 0x0F;
            v[i + 1] = b >> 4;
        }
        return of(v);
    }

    /** Reads a quantVals table: every factor 6..15 ([MS-RDPEGFX] 2.2.4.2.1.5.2, as [MS-RDPRFX] 2.2.2.1.5). */
    static ComponentQuant decodeFactors(ByteBuf src) {
        ComponentQuant q = decode(src);
        if (q.min() < 6) {
            // A factor below 6 would shift by less than 5, below the 11.5 fixed point's fraction.
            throw DecodeException.invalidField(NAME, "quantVals", "factor " + q.min() + " below 6");
        }
        return q;
    }

    public void encode(ByteBuf dst) {
        int[] v = toArray();
        for (int i = 0; i < 10; i += 2) {
            dst.writeByte(v[i] | v[i + 1] << 4);
        }
    }
}
