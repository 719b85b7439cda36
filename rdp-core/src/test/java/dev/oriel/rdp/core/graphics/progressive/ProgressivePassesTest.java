package dev.oriel.rdp.core.graphics.progressive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.Psnr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** First pass then upgrade passes (TILE_FIRST, TILE_UPGRADE), decoded by Oriel's decoder. */
class ProgressivePassesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tile-ui-64x64.bgra.gz, 64, 64",
            "tile-photo-64x64.bgra.gz, 64, 64",
            "desktop-ui-crop-1180-100-300x190.bgra.gz, 300, 190"})
    void psnrRisesEachPassAndEndsAtTileSimple(String name, int w, int h) {
        int[] px = ProgressiveFixtures.bench(name);
        List<Rect> all = List.of(new Rect(0, 0, w, h));
        int[] simple = ProgressiveFixtures.decode(ProgressiveFixtures.encode(px, w, h), w, h);
        double simplePsnr = Psnr.of(px, simple);

        Passes passes = new Passes(new ProgressiveEncoder(), w, h);
        List<byte[]> messages = passes.all(px, all);
        ProgressiveDecoder decoder = new ProgressiveDecoder(w, h);
        int[] out = new int[w * h];
        double last = Double.NEGATIVE_INFINITY;
        StringBuilder report = new StringBuilder();
        int total = 0;
        for (int i = 0; i < messages.size(); i++) {
            ProgressiveDecoder.Frame f = decoder.decode(Unpooled.wrappedBuffer(messages.get(i)), out, w);
            int type = i == 0 ? ProgressiveBlocks.WBT_TILE_FIRST : ProgressiveBlocks.WBT_TILE_UPGRADE;
            assertThat(f.tiles()).allMatch(t -> t.blockType() == type);
            double psnr = Psnr.of(px, out);
            total += messages.get(i).length;
            report.append(String.format(" pass %d: %d bytes, %.2f dB;", i, messages.get(i).length, psnr));
            assertThat(psnr).as("pass %d", i).isGreaterThan(last);
            last = psnr;
        }
        System.out.printf("progressive passes %s:%s total %d bytes; TILE_SIMPLE %d bytes, %.2f dB%n", name, report,
                total, ProgressiveFixtures.encode(px, w, h).length, simplePsnr);
        assertThat(messages).hasSize(4);
        assertThat(passes.states).allMatch(ProgressiveTileState::isFinal);
        // The last pass restores the final quantised coefficients exactly: the pixels of TILE_SIMPLE.
        assertThat(out).isEqualTo(simple);
    }

    @Test
    void partialDamageUpgradesOnlyWhatTheFirstPassPainted() {
        int w = 200;
        int h = 150;
        int[] px = ProgressiveFixtures.synthetic(w, h, 7);
        List<Rect> rects = List.of(new Rect(10, 20, 50, 30), new Rect(130, 70, 70, 80));
        Passes passes = new Passes(new ProgressiveEncoder(), w, h);
        List<byte[]> messages = passes.all(px, rects);
        ProgressiveDecoder decoder = new ProgressiveDecoder(w, h);
        int[] out = new int[w * h];
        for (byte[] m : messages) {
            ProgressiveDecoder.Frame f = decoder.decode(Unpooled.wrappedBuffer(m), out, w);
            assertThat(f.tiles()).extracting(t -> t.xIdx() + "," + t.yIdx())
                    .containsExactly("0,0", "2,1", "3,1", "2,2", "3,2");
        }
        int[] simple = new int[w * h];
        new ProgressiveDecoder(w, h).decode(Unpooled.wrappedBuffer(ProgressiveFixtures.encode(new ProgressiveEncoder(),
                px, w, h, rects)), simple, w);
        assertThat(out).isEqualTo(simple);
    }

    @Test
    void flatTilesAndOddSizes() {
        for (int[] s : new int[][] {{1, 1}, {5, 3}, {63, 65}, {129, 64}, {200, 131}}) {
            int w = s[0];
            int h = s[1];
            int[] px = ProgressiveFixtures.synthetic(w, h, w * 31L + h);
            List<Rect> all = List.of(new Rect(0, 0, w, h));
            Passes passes = new Passes(new ProgressiveEncoder(), w, h);
            ProgressiveDecoder decoder = new ProgressiveDecoder(w, h);
            int[] out = new int[w * h];
            for (byte[] m : passes.all(px, all)) {
                decoder.decode(Unpooled.wrappedBuffer(m), out, w);
            }
            assertThat(out).as("%dx%d", w, h).isEqualTo(ProgressiveFixtures.decode(ProgressiveFixtures.encode(px, w,
                    h), w, h));
        }
    }

    @Test
    void noPassesMeansTheFirstIsFinal() {
        int[] px = ProgressiveFixtures.bench("tile-photo-64x64.bgra.gz");
        ProgressiveEncoder encoder = new ProgressiveEncoder(ComponentQuant.DEFAULT, List.of());
        Passes passes = new Passes(encoder, 64, 64);
        List<byte[]> messages = passes.all(px, List.of(new Rect(0, 0, 64, 64)));
        assertThat(messages).hasSize(1);
        assertThat(ProgressiveFixtures.decode(messages.get(0), 64, 64)).isEqualTo(
                ProgressiveFixtures.decode(ProgressiveFixtures.encode(px, 64, 64), 64, 64));
    }

    @Test
    void statesAreCheckedBeforeAnUpgrade() {
        ProgressiveEncoder encoder = new ProgressiveEncoder();
        ByteBuf dst = Unpooled.buffer();
        try {
            ProgressiveTileState fresh = new ProgressiveTileState();
            assertThatThrownBy(() -> encoder.encodeUpgradePass(List.of(fresh), 1, dst))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
            int[] px = ProgressiveFixtures.synthetic(64, 64, 1);
            ProgressiveTileState state = new ProgressiveTileState();
            encoder.encodeFirstPass(px, 0, 64, 64, 64, List.of(new Rect(0, 0, 64, 64)), (x, y) -> state, 1, true,
                    dst);
            assertThat(state.isStarted()).isTrue();
            assertThat(state.passesSent()).isEqualTo(1);
            assertThatThrownBy(() -> new ProgressiveEncoder(ComponentQuant.of(7, 7, 7, 7, 8, 8, 9, 9, 9, 10))
                    .encodeUpgradePass(List.of(state), 2, dst)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("other settings");
            assertThatThrownBy(() -> encoder.encodeUpgradePass(List.of(state, state), 2, dst))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
            for (int i = 1; i < encoder.passCount(); i++) {
                assertThat(state.isFinal()).isFalse();
                encoder.encodeUpgradePass(List.of(state), 1 + i, dst);
            }
            assertThat(state.isFinal()).isTrue();
            assertThatThrownBy(() -> encoder.encodeUpgradePass(List.of(state), 9, dst))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("final");
            state.reset();
            assertThat(state.isStarted()).isFalse();
        } finally {
            dst.release();
        }
    }

    @Test
    void passTablesMustRefineMonotonically() {
        ComponentQuant coarse = ComponentQuant.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        ComponentQuant fine = ComponentQuant.of(2, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> new ProgressiveEncoder(ComponentQuant.DEFAULT, List.of(
                new ProgressiveCodecQuant(25, coarse, coarse, coarse), new ProgressiveCodecQuant(50, fine, fine,
                        fine)))).isInstanceOf(IllegalArgumentException.class);
        ComponentQuant tooCoarse = ComponentQuant.of(7, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> new ProgressiveEncoder(ComponentQuant.DEFAULT, List.of(
                new ProgressiveCodecQuant(25, tooCoarse, tooCoarse, tooCoarse))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Drives an encoder over a surface's tiles: one state per grid tile, as a caller would keep them. */
    static final class Passes {
        final ProgressiveEncoder encoder;
        final int w;
        final int h;
        final int gridW;
        final List<ProgressiveTileState> states = new ArrayList<>();
        private final ProgressiveTileState[] grid;

        Passes(ProgressiveEncoder encoder, int w, int h) {
            this.encoder = encoder;
            this.w = w;
            this.h = h;
            this.gridW = (w + 63) / 64;
            this.grid = new ProgressiveTileState[gridW * ((h + 63) / 64)];
        }

        /** The first pass (with headers) and every upgrade pass of the tiles {@code rects} meet. */
        List<byte[]> all(int[] px, List<Rect> rects) {
            List<byte[]> out = new ArrayList<>();
            out.add(message(dst -> encoder.encodeFirstPass(px, 0, w, w, h, rects, (x, y) -> {
                int i = y * gridW + x;
                if (grid[i] == null) {
                    grid[i] = new ProgressiveTileState();
                    states.add(grid[i]);
                }
                return grid[i];
            }, 1, true, dst)));
            while (states.stream().anyMatch(s -> !s.isFinal())) {
                List<ProgressiveTileState> next = states.stream().filter(s -> !s.isFinal()).toList();
                out.add(message(dst -> encoder.encodeUpgradePass(next, out.size() + 1, dst)));
            }
            return out;
        }

        private static byte[] message(java.util.function.Consumer<ByteBuf> writer) {
            ByteBuf buf = Unpooled.buffer();
            try {
                writer.accept(buf);
                byte[] b = new byte[buf.readableBytes()];
                buf.readBytes(b);
                return b;
            } finally {
                buf.release();
            }
        }
    }
}
