package dev.oriel.rdp.core.graphics.progressive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the reduce-extrapolate DWT ([MS-RDPEGFX] 3.2.8.1.2.2). */
class ProgressiveDwtTest {

    @Test
    void bandSizesAddUpToTheTile() {
        assertThat(ReduceExtrapolateDwt.lowCount(1)).isEqualTo(33);
        assertThat(ReduceExtrapolateDwt.highCount(1)).isEqualTo(31);
        assertThat(ReduceExtrapolateDwt.lowCount(2)).isEqualTo(17);
        assertThat(ReduceExtrapolateDwt.highCount(2)).isEqualTo(16);
        assertThat(ReduceExtrapolateDwt.lowCount(3)).isEqualTo(9);
        assertThat(ReduceExtrapolateDwt.highCount(3)).isEqualTo(8);
        int sum = 0;
        for (int c : ProgressiveBlocks.EXTRAPOLATE_COUNTS) {
            sum += c;
        }
        assertThat(sum).isEqualTo(4096);
        assertThat(ReduceExtrapolateDwt.LL3 + ReduceExtrapolateDwt.LL3_COUNT).isEqualTo(4096);
    }

    @Test
    void constantGoesToLl3Only() {
        short[] buf = new short[4096];
        java.util.Arrays.fill(buf, (short) 1234);
        ReduceExtrapolateDwt.forward(buf, new short[4096]);
        for (int i = 0; i < ReduceExtrapolateDwt.LL3; i++) {
            assertThat(buf[i]).as("coefficient %d", i).isZero();
        }
        for (int i = ReduceExtrapolateDwt.LL3; i < 4096; i++) {
            assertThat(buf[i]).isEqualTo((short) 1234);
        }
        ReduceExtrapolateDwt.inverse(buf, new short[4096]);
        assertThat(buf).containsOnly((short) 1234);
    }

    @Test
    void linearRampHasNoEdgeResidue() {
        // Extrapolation continues a ramp exactly, so the last high coefficients stay zero where mirroring would
        // not: the point of the method (no tile seams).
        short[] buf = new short[4096];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                buf[y * 64 + x] = (short) (x * 16);
            }
        }
        ReduceExtrapolateDwt.forward(buf, new short[4096]);
        for (int i = ReduceExtrapolateDwt.HL1; i < ReduceExtrapolateDwt.HL1 + 33 * 31; i++) {
            assertThat(buf[i]).as("HL1 %d", i).isZero();
        }
    }

    @Test
    void roundTripIsNearlyLossless() {
        SplittableRandom rnd = new SplittableRandom(42);
        short[] in = new short[4096];
        for (int i = 0; i < in.length; i++) {
            in[i] = (short) (rnd.nextInt(8192) - 4096);
        }
        short[] buf = in.clone();
        short[] tmp = new short[4096];
        ReduceExtrapolateDwt.forward(buf, tmp);
        ReduceExtrapolateDwt.inverse(buf, tmp);
        // The lifting halves high coefficients, dropping one bit each level: a few units at most in 11.5 fixed
        // point, well under one 8-bit level (32).
        for (int i = 0; i < 4096; i++) {
            assertThat(Math.abs(buf[i] - in[i])).as("sample %d", i).isLessThanOrEqualTo(8);
        }
    }
}
