package dev.oriel.rdp.core.graphics.rfx;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPRFX] 2.2.2.1.5 TS_RFX_CODEC_QUANT: one quantisation factor (6–15) per sub-band, packed as ten 4-bit
 * values in five bytes, low nibble first, in the order LL3, LH3, HL3, HH3, LH2, HL2, HH2, LH1, HL1, HH1.
 * A factor q scales the band by {@code 2^(q−6)} (3.1.8.1.5).
 */
public record RfxQuant(int ll3, int lh3, int hl3, int hh3, int lh2, int hl2, int hh2, int lh1, int hl1, int hh1) {
    static final String NAME = "RfxCodecQuant";
    /** Five bytes of nibbles. */
    public static final int SIZE = 5;

    /** FreeRDP's default quantisation (rfx.c), also the values of the spec's sample tile ([MS-RDPRFX] 4.2.4). */
    public static final RfxQuant DEFAULT = new RfxQuant(6, 6, 6, 6, 7, 7, 8, 8, 8, 9);

    public RfxQuant {
        for (int v : new int[] {ll3, lh3, hl3, hh3, lh2, hl2, hh2, lh1, hl1, hh1}) {
            if (v < 6 || v > 15) {
                throw new IllegalArgumentException("quantisation factor " + v + " outside 6..15");
            }
        }
    }

    /** The factors in wire order (LL3, LH3, HL3, HH3, LH2, HL2, HH2, LH1, HL1, HH1). */
    public int[] toArray() {
        return new int[] {ll3, lh3, hl3, hh3, lh2, hl2, hh2, lh1, hl1, hh1};
    }

    /** From ten factors in wire order. */
    public static RfxQuant of(int... v) {
        if (v.length != 10) {
            throw new IllegalArgumentException("need 10 factors, got " + v.length);
        }
        return new RfxQuant(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    public static RfxQuant decode(ByteBuf src) {
        int[] v = new int[10];
        for (int i = 0; i < 10; i += 2) {
            int b = src.readUnsignedByte();
            v[i] = b & 0x0F;
            v[i + 1] = b >> 4;
        }
        for (int i = 0; i < 10; i++) {
            if (v[i] < 6 || v[i] > 15) {
                // Factors below 6 would shift left by a negative amount ([MS-RDPRFX] 2.2.2.1.5: 6..15).
                throw DecodeException.invalidField(NAME, "quantValue", "factor " + v[i] + " outside 6..15");
            }
        }
        return of(v);
    }

    public void encode(ByteBuf dst) {
        int[] v = toArray();
        for (int i = 0; i < 10; i += 2) {
            dst.writeByte(v[i] | v[i + 1] << 4);
        }
    }
}
