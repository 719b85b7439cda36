package dev.oriel.rdp.core.graphics.rfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RLGR: IronRDP's RLGR3 vectors (conformance README B3) and seeded round trips in both modes. */
class RfxRlgrTest {

    @ParameterizedTest
    @ValueSource(strings = {"Y", "CB", "CR"})
    void ironrdpVectorsDecodeExactly(String component) {
        byte[] encoded = RfxVectors.ironrdp("graphics__rlgr.rs", component + "_DATA_ENCODED");
        short[] expected = RfxVectors.shorts(RfxVectors.ironrdp("graphics__rlgr.rs", component + "_DATA_DECODED"));
        short[] out = new short[4096];
        Arrays.fill(out, (short) 0x5A5A);
        Rlgr.decode(RlgrMode.RLGR3, encoded, 0, encoded.length, out);
        assertThat(out).isEqualTo(expected);
    }

    /**
     * The vectors end in one or two zero bytes beyond the last symbol's byte (their encoder pads further); every
     * byte up to there must be identical.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Y", "CB", "CR"})
    void encoderReproducesIronrdpBytes(String component) {
        byte[] encoded = RfxVectors.ironrdp("graphics__rlgr.rs", component + "_DATA_ENCODED");
        short[] decoded = RfxVectors.shorts(RfxVectors.ironrdp("graphics__rlgr.rs", component + "_DATA_DECODED"));
        byte[] out = new byte[8192];
        int n = Rlgr.encode(RlgrMode.RLGR3, decoded, out, 0, out.length);
        assertThat(n).isBetween(encoded.length - 2, encoded.length);
        assertThat(Arrays.copyOf(out, n)).isEqualTo(Arrays.copyOf(encoded, n));
        for (int i = n; i < encoded.length; i++) {
            assertThat(encoded[i]).as("vector padding byte %d", i).isZero();
        }
    }

    static short[] coefficients(SplittableRandom rnd, String kind) {
        short[] c = new short[4096];
        for (int i = 0; i < c.length; i++) {
            c[i] = (short) switch (kind) {
                case "zeros" -> 0;
                case "sparse" -> rnd.nextInt(20) == 0 ? rnd.nextInt(-40, 41) : 0;
                case "dense" -> rnd.nextInt(-300, 301);
                case "extreme" -> rnd.nextBoolean() ? Short.MIN_VALUE + 1 : Short.MAX_VALUE;
                default -> i < 4000 ? 0 : rnd.nextInt(-3, 4); // long run, then a busy tail
            };
        }
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"zeros", "sparse", "dense", "extreme", "tail"})
    void roundTripsInBothModes(String kind) {
        byte[] buf = new byte[1 << 17];
        for (long seed = 1; seed <= 20; seed++) {
            short[] in = coefficients(new SplittableRandom(seed), kind);
            for (RlgrMode mode : RlgrMode.values()) {
                int n = Rlgr.encode(mode, in, buf, 3, buf.length - 3);
                short[] out = new short[4096];
                Rlgr.decode(mode, buf, 3, n, out);
                assertThat(out).as("%s %s seed %d", kind, mode, seed).isEqualTo(in);
            }
        }
    }

    @Test
    void trailingZerosSurviveTheRun() {
        // The last coefficients are zero: the encoder's final run reaches the end of the component and the
        // dummy value after it must be dropped, not written over coefficient 4095.
        short[] in = new short[4096];
        in[0] = 17;
        in[100] = -3;
        byte[] buf = new byte[64];
        for (RlgrMode mode : RlgrMode.values()) {
            int n = Rlgr.encode(mode, in, buf, 0, buf.length);
            short[] out = new short[4096];
            Rlgr.decode(mode, buf, 0, n, out);
            assertThat(out).isEqualTo(in);
        }
    }

    @Test
    void encoderRefusesTooSmallAnOutput() {
        short[] in = coefficients(new SplittableRandom(3), "dense");
        assertThatThrownBy(() -> Rlgr.encode(RlgrMode.RLGR1, in, new byte[100], 0, 100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsARunPastTheEnd() {
        // RL mode, k = 1: sixteen 0 bits add runs of 2, 2, 4, 4, 4, 4, 8 … far past 4096 coefficients.
        byte[] src = new byte[600];
        src[599] = (byte) 0xFF;
        assertThatThrownBy(() -> Rlgr.decode(RlgrMode.RLGR1, src, 0, src.length, new short[4096]))
                .isInstanceOf(DecodeException.class).hasMessageContaining("run");
    }

    @Test
    void neverReadsOutsideItsRange() {
        byte[] encoded = RfxVectors.ironrdp("graphics__rlgr.rs", "Y_DATA_ENCODED");
        short[] full = new short[4096];
        Rlgr.decode(RlgrMode.RLGR3, encoded, 0, encoded.length, full);
        // The same stream inside a larger array, followed by bytes that would change the result if read.
        byte[] padded = Arrays.copyOf(encoded, encoded.length + 16);
        Arrays.fill(padded, encoded.length, padded.length, (byte) 0xA5);
        short[] again = new short[4096];
        Rlgr.decode(RlgrMode.RLGR3, padded, 0, encoded.length, again);
        assertThat(again).isEqualTo(full);
        // Truncated streams decode the available part and zero-fill, or fail with a DecodeException.
        for (int len = 1; len < encoded.length; len += 7) {
            short[] out = new short[4096];
            try {
                Rlgr.decode(RlgrMode.RLGR3, encoded, 0, len, out);
            } catch (DecodeException expected) {
                // fine
            }
        }
    }

    @Test
    void randomBytesGiveOnlyDecodeExceptions() {
        SplittableRandom rnd = new SplittableRandom(7);
        short[] out = new short[4096];
        for (int i = 0; i < 2000; i++) {
            byte[] src = new byte[rnd.nextInt(1, 3000)];
            rnd.nextBytes(src);
            for (RlgrMode mode : RlgrMode.values()) {
                try {
                    Rlgr.decode(mode, src, 0, src.length, out);
                } catch (DecodeException expected) {
                    // fine
                }
            }
        }
    }
}
