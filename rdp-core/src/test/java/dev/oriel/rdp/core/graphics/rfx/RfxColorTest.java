package dev.oriel.rdp.core.graphics.rfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.testutil.Fixtures;
import org.junit.jupiter.api.Test;

/** Colour conversion against FreeRDP's YCbCr primitive vectors (conformance README B10: ±1 data). */
class RfxColorTest {

    private static byte[] ycbcr(String symbol) {
        return Fixtures.freerdp("libfreerdp__primitives__test__TestPrimitivesYCbCr.c__" + symbol);
    }

    @Test
    void planesDecodeToFreerdpsImage() {
        short[] y = RfxVectors.shorts(ycbcr("TEST_Y_COMPONENT"));
        short[] cb = RfxVectors.shorts(ycbcr("TEST_CB_COMPONENT"));
        short[] cr = RfxVectors.shorts(ycbcr("TEST_CR_COMPONENT"));
        int[] px = new int[4096];
        RfxColor.toArgb(y, cb, cr, px, 0, 64, 64, 64);
        int[] expected = RfxVectors.ints(ycbcr("TEST_XRGB_IMAGE"));
        assertThat(RfxVectors.maxChannelDiff(px, expected)).isLessThanOrEqualTo(1);
        assertThat(px[0] >>> 24).isEqualTo(0xFF);
    }

    /**
     * Encoding the image and decoding it again is within one level per channel. (The vector planes themselves are
     * not an encoder's output: many of their pixels are out of gamut and clipped, so they are not compared.)
     */
    @Test
    void imageSurvivesForwardAndInverseConversion() {
        int[] image = RfxVectors.ints(ycbcr("TEST_XRGB_IMAGE"));
        short[] y = new short[4096];
        short[] cb = new short[4096];
        short[] cr = new short[4096];
        RfxColor.toYCbCr(image, 0, 64, 64, 64, y, cb, cr);
        int[] back = new int[4096];
        RfxColor.toArgb(y, cb, cr, back, 0, 64, 64, 64);
        assertThat(RfxVectors.maxChannelDiff(image, back)).isLessThanOrEqualTo(1);
    }

    @Test
    void greyAndExtremesAreExact() {
        int[] px = new int[4096];
        for (int i = 0; i < px.length; i++) {
            int g = i & 0xFF;
            px[i] = i < 256 ? 0xFF00_0000 | g << 16 | g << 8 | g : (i & 1) == 0 ? 0xFFFF_FFFF : 0xFF00_0000;
        }
        short[] y = new short[4096];
        short[] cb = new short[4096];
        short[] cr = new short[4096];
        RfxColor.toYCbCr(px, 0, 64, 64, 64, y, cb, cr);
        for (int i = 0; i < 256; i++) {
            assertThat(cb[i]).isZero();
            assertThat(cr[i]).isZero();
            assertThat(y[i]).isEqualTo((short) (i * 32 - 4096));
        }
        int[] back = new int[4096];
        RfxColor.toArgb(y, cb, cr, back, 0, 64, 64, 64);
        assertThat(back).isEqualTo(px);
    }

    @Test
    void partialBlocksReplicateTheirEdges() {
        int[] px = new int[10 * 7];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF00_0000 | i * 3;
        }
        short[] y = new short[4096];
        short[] cb = new short[4096];
        short[] cr = new short[4096];
        RfxColor.toYCbCr(px, 0, 10, 10, 7, y, cb, cr);
        assertThat(y[63]).isEqualTo(y[9]);
        assertThat(y[63 * 64 + 63]).isEqualTo(y[6 * 64 + 9]);
        assertThat(cr[40 * 64 + 3]).isEqualTo(cr[6 * 64 + 3]);
    }
}
