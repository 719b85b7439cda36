package dev.oriel.rdp.core.graphics.rfx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DWT: IronRDP's vectors (conformance README B4), quantisation and LL3 differential coding. */
class RfxDwtTest {

    private static short[] vector(String symbol) {
        return RfxVectors.shorts(RfxVectors.ironrdp("graphics__dwt.rs", symbol));
    }

    @Test
    void forwardMatchesIronrdp() {
        short[] buf = vector("DECODED_DWT");
        Dwt.forward(buf, new short[4096]);
        assertThat(buf).isEqualTo(vector("ENCODED_DWT"));
    }

    @Test
    void inverseMatchesIronrdp() {
        short[] buf = vector("ENCODED_DWT");
        Dwt.inverse(buf, new short[4096]);
        assertThat(buf).isEqualTo(vector("DECODED_DWT"));
    }

    /** IronRDP's extreme-value vectors (its test file doubts them; they match here, 16-bit wrapping included). */
    @Test
    void extremeValuesMatchIronrdp() {
        short[] min = new short[4096];
        Arrays.fill(min, Short.MIN_VALUE);
        Dwt.forward(min, new short[4096]);
        assertThat(min).isEqualTo(vector("ENCODED_DWT_FOR_MIN_VALUES"));
        short[] max = new short[4096];
        Arrays.fill(max, Short.MAX_VALUE);
        Dwt.forward(max, new short[4096]);
        assertThat(max).isEqualTo(vector("ENCODED_DWT_FOR_MAX_VALUES"));
        short[] maxInv = new short[4096];
        Arrays.fill(maxInv, Short.MAX_VALUE);
        Dwt.inverse(maxInv, new short[4096]);
        assertThat(maxInv).isEqualTo(vector("DECODED_DWT_FOR_MAX_VALUES"));
        short[] minInv = new short[4096];
        Arrays.fill(minInv, Short.MIN_VALUE);
        Dwt.inverse(minInv, new short[4096]);
        assertThat(minInv).isEqualTo(new short[4096]);
    }

    @Test
    void smoothContentSurvivesForwardAndInverse() {
        // Without quantisation only the dropped half-LSB of each high band is lost: in 11.5 fixed point that is far
        // below one pixel level.
        SplittableRandom rnd = new SplittableRandom(5);
        short[] in = new short[4096];
        for (int i = 0; i < 4096; i++) {
            in[i] = (short) ((((i & 63) * 50 + (i >> 6) * 30) & 0xFFF) - 2048 + rnd.nextInt(-64, 65));
        }
        short[] buf = in.clone();
        short[] tmp = new short[4096];
        Dwt.forward(buf, tmp);
        Dwt.inverse(buf, tmp);
        for (int i = 0; i < 4096; i++) {
            assertThat(Math.abs(buf[i] - in[i])).as("sample %d", i).isLessThanOrEqualTo(15);
        }
    }

    @Test
    void differentialCodingOfLl3IsReversible() {
        short[] buf = new short[4096];
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 4096; i++) {
            buf[i] = (short) rnd.nextInt(-500, 500);
        }
        short[] copy = buf.clone();
        Quantization.differentialEncode(buf);
        assertThat(Arrays.copyOf(buf, Dwt.LL3)).isEqualTo(Arrays.copyOf(copy, Dwt.LL3));
        assertThat(buf[Dwt.LL3]).isEqualTo(copy[Dwt.LL3]);
        assertThat(buf[Dwt.LL3 + 5]).isEqualTo((short) (copy[Dwt.LL3 + 5] - copy[Dwt.LL3 + 4]));
        Quantization.differentialDecode(buf);
        assertThat(buf).isEqualTo(copy);
    }

    @Test
    void quantisationRoundsToTheNearestStepAndDequantisesBack() {
        short[] buf = new short[4096];
        buf[Dwt.HL1] = 100; // HH1 … factors of DEFAULT: HL1 8 → shift 7 (128)
        buf[Dwt.HL1 + 1] = -100;
        buf[Dwt.HL1 + 2] = 63;
        buf[Dwt.LL3] = 1000; // LL3 factor 6 → shift 5 (32)
        Quantization.quantize(buf, RfxQuant.DEFAULT);
        assertThat(buf[Dwt.HL1]).isEqualTo((short) 1);
        assertThat(buf[Dwt.HL1 + 1]).isEqualTo((short) -1);
        assertThat(buf[Dwt.HL1 + 2]).isEqualTo((short) 0);
        assertThat(buf[Dwt.LL3]).isEqualTo((short) 31);
        Quantization.dequantize(buf, RfxQuant.DEFAULT);
        assertThat(buf[Dwt.HL1]).isEqualTo((short) 128);
        assertThat(buf[Dwt.LL3]).isEqualTo((short) 992);
    }
}
