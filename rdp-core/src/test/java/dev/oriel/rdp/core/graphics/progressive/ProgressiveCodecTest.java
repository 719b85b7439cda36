package dev.oriel.rdp.core.graphics.progressive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.Psnr;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Encoder → decoder round trips on the reference frames and synthetic pictures. */
class ProgressiveCodecTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tile-ui-64x64.bgra.gz, 64, 64, 40.0",
            "tile-photo-64x64.bgra.gz, 64, 64, 32.0",
            "desktop-ui-crop-1180-100-300x190.bgra.gz, 300, 190, 42.0"})
    void referenceFramesRoundTrip(String name, int w, int h, double minPsnr) {
        int[] px = ProgressiveFixtures.bench(name);
        byte[] message = ProgressiveFixtures.encode(px, w, h);
        int[] out = ProgressiveFixtures.decode(message, w, h);
        double psnr = Psnr.of(px, out);
        System.out.printf("progressive %s: %d bytes, PSNR %.2f dB%n", name, message.length, psnr);
        assertThat(psnr).isGreaterThanOrEqualTo(minPsnr);
    }

    @Test
    void flatTilesDecodeExactly() {
        int[] px = new int[100 * 70];
        java.util.Arrays.fill(px, 0xFF33_6699);
        int[] out = ProgressiveFixtures.decode(ProgressiveFixtures.encode(px, 100, 70), 100, 70);
        assertThat(ProgressiveFixtures.maxChannelDiff(px, out)).isLessThanOrEqualTo(1);
    }

    @Test
    void flatShortcutGivesTheTransformsBytes() {
        // The encoder skips the DWT for a constant plane and writes the constant into LL3: what the DWT gives.
        short[] plane = new short[4096];
        java.util.Arrays.fill(plane, (short) -1234);
        ReduceExtrapolateDwt.forward(plane, new short[4096]);
        short[] expected = new short[4096];
        java.util.Arrays.fill(expected, ReduceExtrapolateDwt.LL3, 4096, (short) -1234);
        assertThat(plane).isEqualTo(expected);
    }

    @Test
    void oddSizesAndPartialRects() {
        for (int[] s : new int[][] {{1, 1}, {5, 3}, {63, 65}, {129, 64}, {200, 131}}) {
            int w = s[0];
            int h = s[1];
            int[] px = ProgressiveFixtures.synthetic(w, h, w * 31L + h);
            int[] out = ProgressiveFixtures.decode(ProgressiveFixtures.encode(px, w, h), w, h);
            assertThat(Psnr.of(px, out)).as("%dx%d", w, h).isGreaterThanOrEqualTo(30.0);
        }
    }

    @Test
    void onlyDamagedRectsArePainted() {
        int w = 200;
        int h = 150;
        int[] px = ProgressiveFixtures.synthetic(w, h, 7);
        List<Rect> rects = List.of(new Rect(10, 20, 50, 30), new Rect(130, 70, 70, 80));
        byte[] message = ProgressiveFixtures.encode(new ProgressiveEncoder(), px, w, h, rects);
        int[] out = new int[w * h];
        ProgressiveDecoder.Frame frame = new ProgressiveDecoder(w, h).decode(Unpooled.wrappedBuffer(message), out, w);
        assertThat(frame.rects()).isEqualTo(rects);
        // Tiles meeting the rects: (0,0) for the first; (2,1), (3,1), (2,2), (3,2) for the second.
        assertThat(frame.tiles()).extracting(t -> t.xIdx() + "," + t.yIdx())
                .containsExactly("0,0", "2,1", "3,1", "2,2", "3,2");
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int px0 = x;
                int py0 = y;
                boolean inside = rects.stream().anyMatch(r -> r.contains(px0, py0));
                if (!inside) {
                    assertThat(out[y * w + x]).as("(%d, %d)", x, y).isZero();
                } else {
                    assertThat(out[y * w + x] >>> 24).isEqualTo(0xFF);
                }
            }
        }
    }

    @Test
    void rectsAreClippedToTheSurface() {
        int[] px = ProgressiveFixtures.synthetic(70, 70, 3);
        byte[] message = ProgressiveFixtures.encode(new ProgressiveEncoder(), px, 70, 70,
                List.of(new Rect(60, 60, 100, 100)));
        ProgressiveDecoder.Frame frame = new ProgressiveDecoder(70, 70).decode(Unpooled.wrappedBuffer(message),
                new int[70 * 70], 70);
        assertThat(frame.rects()).containsExactly(new Rect(60, 60, 10, 10));
        assertThat(frame.tiles()).hasSize(4);
    }

    @Test
    void coarserQuantisationGivesFewerBytes() {
        int[] px = ProgressiveFixtures.bench("tile-photo-64x64.bgra.gz");
        List<Rect> all = List.of(new Rect(0, 0, 64, 64));
        byte[] fine = ProgressiveFixtures.encode(new ProgressiveEncoder(), px, 64, 64, all);
        ComponentQuant coarse = ComponentQuant.of(8, 9, 9, 10, 10, 10, 11, 11, 11, 12);
        byte[] small = ProgressiveFixtures.encode(new ProgressiveEncoder(coarse), px, 64, 64, all);
        assertThat(small.length).isLessThan(fine.length);
        assertThat(Psnr.of(px, ProgressiveFixtures.decode(small, 64, 64))).isGreaterThan(22.0);
    }
}
