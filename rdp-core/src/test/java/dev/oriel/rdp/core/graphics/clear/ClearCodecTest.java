package dev.oriel.rdp.core.graphics.clear;

import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.decode;
import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.encode;
import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.frame;
import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.opaque;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ClearCodec ([MS-RDPEGFX] 2.2.4.1): hand-built golden streams for each layer and vBar form, the spec's examples
 * (4.1.1.1, as FreeRDP's TestFreeRDPCodecClear.c carries them), exact round trips over many consecutive streams of
 * the reference frames (so the caches fill, hit, wrap and the sequence number wraps), rejection tests.
 */
class ClearCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int P = 0x112233;
    private static final int Q = 0xAABBCC;

    private static byte[] hex(String spaced) {
        return HEX.parseHex(spaced.replace(" ", ""));
    }

    static Stream<Arguments> goldens() {
        int[] residualCase = {P, P, Q};
        int[] checker = new int[32]; // 16 x 2, P Q P Q … over Q P Q P …
        for (int x = 0; x < 16; x++) {
            checker[x] = x % 2 == 0 ? P : Q;
            checker[16 + x] = x % 2 == 0 ? Q : P;
        }
        StringBuilder columns = new StringBuilder();
        for (int x = 2; x < 16; x++) {
            columns.append(x % 2 == 0 ? " 0080" : " 0180"); // VBAR_CACHE_HIT of the first two columns' vBars
        }
        int[] layered = new int[48]; // 16 x 3: a row of P over the checkerboard
        Arrays.fill(layered, 0, 16, P);
        System.arraycopy(checker, 0, layered, 16, 32);
        int a = 0x0000FF;
        int b = 0x00FF00;
        int c = 0xFF0000;
        int d = 0x808080;
        int[] suites = {a, b, c, d, a, b, c, d};
        return Stream.of(
                // flags GLYPH_INDEX (3 pixels ≤ 1024) | seqNumber 0 | glyphIndex 0 | residual 8, bands 0, subcodecs 0
                // | runs (B, G, R, length): 0x112233 × 2, 0xAABBCC × 1. Residual (8) beats a band (20) and RLEX (22).
                Arguments.of("residual", 3, 1, residualCase,
                        "01 00 0000 08000000 00000000 00000000 332211 02 CCBBAA 01"),
                // 16 x 2 checkerboard: residual would be 32 runs (128 bytes); one band is 47: header (x 0..15, y 0..1,
                // background Q, the colour that reaches 16 first), column 0 SHORT_VBAR_CACHE_MISS yOn 0 yOff 1 (P),
                // column 1 SHORT_VBAR_CACHE_HIT short vBar 0 at yOn 1, then VBAR_CACHE_HITs of vBars 0 and 1.
                Arguments.of("band with all three vBar forms", 16, 2, checker,
                        "01 00 0000 00000000 2F000000 00000000 0000 0F00 0000 0100 CCBBAA 0001 332211 0040 01"
                                + columns),
                // Row 0 is one colour, so it stays in the residual layer; rows 1..2 are the band above (moved down
                // one row). Under the band the residual run of P simply continues: one run of 48 (0x30) for 4 bytes
                // instead of 4 + 128.
                Arguments.of("residual under a band", 16, 3, layered,
                        "01 00 0000 04000000 2F000000 00000000 332211 30 0000 0F00 0100 0200 CCBBAA 0001 332211 0040 01"
                                + columns),
                // 8 x 1 cycling through four colours: RLEX (30) beats a band (36), residual (32) and uncompressed (37).
                // Subcodec at (0, 0) 8 x 1, 17 bytes, RLEX; palette of 4 in order of appearance; two segments of
                // suiteDepth 3, stopIndex 3 (0x0F: depth in the high 6 bits, stop in the low 2), run 0.
                Arguments.of("RLEX subcodec", 8, 1, suites,
                        "01 00 0000 00000000 00000000 1E000000 0000 0000 0800 0100 11000000 02 04 FF0000 00FF00"
                                + " 0000FF 808080 0F00 0F00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void goldenStreamsEncodeAndDecode(String name, int w, int h, int[] pixels, String stream) {
        ClearEncoder encoder = new ClearEncoder();
        assertThat(HEX.formatHex(encode(encoder, pixels, 0, w, w, h))).isEqualTo(HEX.formatHex(hex(stream)));
        ClearDecoder decoder = new ClearDecoder();
        assertThat(decode(decoder, hex(stream), w, h)).isEqualTo(opaque(pixels));
        // The same pixels again: a 4-byte glyph hit (flags GLYPH_INDEX | GLYPH_HIT, seqNumber 1, glyphIndex 0).
        byte[] again = encode(encoder, pixels, 0, w, w, h);
        assertThat(HEX.formatHex(again)).isEqualTo("03010000");
        assertThat(decode(decoder, again, w, h)).isEqualTo(opaque(pixels));
    }

    @Test
    void decodesHandBuiltLayersOnTopOfEachOther() {
        // 20 x 15 region (no glyph): residual one run of 300 (0xFF then u16 0x012C) of 0x010203; a band over x 2..3,
        // y 4..6 with background 0x0A0B0C, column 2 a short miss yOn 1 yOff 2 (0x0201) of 0x7F7F7F, column 3 a short
        // hit of that short vBar at yOn 0; an uncompressed 1 x 2 subcodec at (19, 13).
        String stream = "00 00 06000000 13000000 13000000"
                + " 030201 FF 2C01"
                + " 0200 0300 0400 0600 0C0B0A 0102 7F7F7F 0040 00"
                + " 1300 0D00 0100 0200 06000000 00 332211 CCBBAA";
        int[] out = decode(new ClearDecoder(), hex(stream), 20, 15);
        int[] expected = new int[300];
        Arrays.fill(expected, 0xFF010203);
        for (int y = 4; y <= 6; y++) {
            expected[y * 20 + 2] = 0xFF0A0B0C;
            expected[y * 20 + 3] = 0xFF0A0B0C;
        }
        expected[5 * 20 + 2] = 0xFF7F7F7F;
        expected[4 * 20 + 3] = 0xFF7F7F7F;
        expected[13 * 20 + 19] = 0xFF112233;
        expected[14 * 20 + 19] = 0xFFAABBCC;
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void residualRunsUseAllThreeLengthForms() {
        ClearEncoder encoder = new ClearEncoder();
        int[] px = new int[400 * 200];
        Arrays.fill(px, 0, 70_000, P);
        Arrays.fill(px, 70_000, 80_000, Q);
        byte[] stream = encode(encoder, px, 0, 400, 400, 200);
        // Runs of 70,000 (0xFF, 0xFFFF, u32) and 10,000 (0xFF, u16): the bands cost at least 2 bytes per column.
        assertThat(HEX.formatHex(stream)).isEqualTo(HEX.formatHex(
                hex("00 00 10000000 00000000 00000000 332211 FF FFFF 70110100 CCBBAA FF 1027")));
        assertThat(decode(new ClearDecoder(), stream, 400, 200)).isEqualTo(opaque(px));
    }

    @Test
    void specExample2DecodesRlexOverTheWholeRegion() {
        byte[] stream = Fixtures.freerdp("libfreerdp__codec__test__TestFreeRDPCodecClear.c__TEST_CLEAR_EXAMPLE_2");
        // [MS-RDPEGFX] 4.1.1.1 example 2: 78 x 17, seqNumber 0x0D, one RLEX subcodec covering the region.
        int[] out = decode(new ClearDecoder(0x0D), stream, 78, 17);
        assertThat(Arrays.stream(out).allMatch(p -> p >>> 24 == 0xFF)).isTrue();
        assertThat(Arrays.stream(out).distinct().count()).isEqualTo(14); // paletteCount 0x0E
    }

    @Test
    void specExample1IsAGlyphHit() {
        // Example 1 (flags GLYPH_INDEX | GLYPH_HIT, seqNumber 0xC3, glyphIndex 17) needs an 8 x 9 glyph at 17, so a
        // hand-built stream with seqNumber 0xC2 stores one first: one residual run of 72 pixels of 0x445566.
        byte[] store = hex("01 C2 1100 04000000 00000000 00000000 665544 48");
        byte[] example = Fixtures.freerdp("libfreerdp__codec__test__TestFreeRDPCodecClear.c__TEST_CLEAR_EXAMPLE_1");
        ClearDecoder decoder = new ClearDecoder(0xC2);
        decode(decoder, store, 8, 9);
        int[] out = decode(decoder, example, 8, 9);
        assertThat(out).containsOnly(0xFF445566).hasSize(72);
        assertThatThrownBy(() -> decode(new ClearDecoder(0xC3), example, 8, 9)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("glyphIndex");
    }

    @Test
    void specExamples3And4ReferToVBarsOfAnEarlierStream() {
        // Both examples continue a session: their VBAR_CACHE_HITs name V-Bar Storage entries (0x50C5, 0x1146) that
        // earlier streams filled. FreeRDP substitutes dummy pixels; this decoder, which checks servers, rejects.
        byte[] example3 = Fixtures.freerdp("libfreerdp__codec__test__TestFreeRDPCodecClear.c__TEST_CLEAR_EXAMPLE_3");
        byte[] example4 = Fixtures.freerdp("libfreerdp__codec__test__TestFreeRDPCodecClear.c__TEST_CLEAR_EXAMPLE_4");
        assertThatThrownBy(() -> decode(new ClearDecoder(0xDF), example3, 64, 24))
                .isInstanceOf(DecodeException.class).hasMessageContaining("vBarIndex: 20677");
        assertThatThrownBy(() -> decode(new ClearDecoder(0x0B), example4, 7, 15))
                .isInstanceOf(DecodeException.class).hasMessageContaining("vBarIndex: 4422");
    }

    /** The UI frame as 64 x 64 tiles, twice (the second pass hits V-Bar Storage), then scrolled by 7 rows. */
    @Test
    void desktopFrameTilesRoundTripOverConsecutiveStreams() {
        int w = 1920;
        int h = 1080;
        int[] desktop = frame("desktop-ui-1920x1080", w, h);
        int[] scrolled = new int[w * h];
        System.arraycopy(desktop, 7 * w, scrolled, 0, (h - 7) * w);
        System.arraycopy(desktop, 0, scrolled, (h - 7) * w, 7 * w);
        ClearEncoder encoder = new ClearEncoder();
        ClearDecoder decoder = new ClearDecoder();
        int[] surface = new int[w * h];
        long[] bytesPerPass = new long[3];
        int[][] passes = {desktop, desktop, scrolled};
        for (int pass = 0; pass < passes.length; pass++) {
            for (int ty = 0; ty < h; ty += 64) {
                for (int tx = 0; tx < w; tx += 64) {
                    int tw = Math.min(64, w - tx);
                    int th = Math.min(64, h - ty);
                    byte[] stream = encode(encoder, passes[pass], ty * w + tx, w, tw, th);
                    bytesPerPass[pass] += stream.length;
                    decode(decoder, stream, tw, th, surface, ty * w + tx, w);
                }
            }
            assertThat(surface).as("pass %d", pass).isEqualTo(opaque(passes[pass]));
        }
        ClearEncoder.Stats stats = encoder.stats();
        assertThat(stats.messages()).isEqualTo(3 * 510L); // the sequence number wraps five times
        assertThat(stats.vBarHits()).isPositive();
        assertThat(stats.shortVBarHits()).isPositive();
        assertThat(stats.bandStrips()).isPositive();
        assertThat(stats.subcodecStrips()).isPositive();
        // Strips sent as bands come back as V-Bar Storage hits, scrolled text reuses short vBars.
        assertThat(bytesPerPass[1]).isLessThan(bytesPerPass[0]);
        assertThat(bytesPerPass[2]).isLessThan(bytesPerPass[0]);
    }

    @Test
    void wholeRegionsRoundTripIncludingTheFullFrame() {
        ClearEncoder encoder = new ClearEncoder();
        ClearDecoder decoder = new ClearDecoder();
        int[] desktop = frame("desktop-ui-1920x1080", 1920, 1080);
        int[] crop = frame("desktop-ui-crop-1180-100-300x190", 300, 190);
        int[] ui = frame("tile-ui-64x64", 64, 64);
        int[] photo = frame("tile-photo-64x64", 64, 64);
        Object[][] regions = {{desktop, 1920, 1080}, {crop, 300, 190}, {ui, 64, 64}, {photo, 64, 64},
            {crop, 300, 190}, {desktop, 1920, 1080}};
        for (Object[] r : regions) {
            int[] px = (int[]) r[0];
            int w = (int) r[1];
            int h = (int) r[2];
            byte[] stream = encode(encoder, px, 0, w, w, h);
            assertThat(decode(decoder, stream, w, h)).isEqualTo(opaque(px));
            // Never more than the residual layer alone.
            assertThat((long) stream.length).isLessThanOrEqualTo(2 + 12 + residualSize(px, w, h));
        }
    }

    @Test
    void smallRegionsBecomeGlyphHitsAndTheGlyphStorageWraps() {
        int[] crop = frame("desktop-ui-crop-1180-100-300x190", 300, 190);
        ClearEncoder encoder = new ClearEncoder();
        ClearDecoder decoder = new ClearDecoder();
        int[] surface = new int[300 * 190];
        // 16 x 12 cells (192 pixels each), 18 x 15 of them, five times over: 1,350 streams, the last passes hits.
        int streams = 0;
        for (int pass = 0; pass < 5; pass++) {
            for (int y = 0; y + 12 <= 190; y += 12) {
                for (int x = 0; x + 16 <= 300; x += 16) {
                    byte[] stream = encode(encoder, crop, y * 300 + x, 300, 16, 12);
                    decode(decoder, stream, 16, 12, surface, y * 300 + x, 300);
                    streams++;
                }
            }
        }
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 288; x++) {
                assertThat(surface[y * 300 + x]).isEqualTo(crop[y * 300 + x] | 0xFF00_0000);
            }
        }
        assertThat(encoder.stats().glyphHits()).isGreaterThan(streams / 2);
        // 4,500 more distinct glyphs (random noise) wrap Glyph Storage; then the oldest are misses again.
        SplittableRandom rnd = new SplittableRandom(3);
        int[] noise = new int[8 * 8];
        for (int i = 0; i < 4500; i++) {
            for (int k = 0; k < noise.length; k++) {
                noise[k] = rnd.nextInt(1 << 24);
            }
            byte[] stream = encode(encoder, noise, 0, 8, 8, 8);
            assertThat(decode(decoder, stream, 8, 8)).isEqualTo(opaque(noise));
        }
        long hits = encoder.stats().glyphHits();
        byte[] again = encode(encoder, crop, 0, 300, 16, 12);
        assertThat(encoder.stats().glyphHits()).isEqualTo(hits);
        decode(decoder, again, 16, 12, surface, 0, 300);
    }

    @Test
    void vBarStorageWrapsAndStaysInStepWithTheDecoder() {
        // Random two-colour text-like strips: every column a new vBar, 40,000+ of them, more than V-Bar Storage holds.
        SplittableRandom rnd = new SplittableRandom(11);
        ClearEncoder encoder = new ClearEncoder();
        ClearDecoder decoder = new ClearDecoder();
        int w = 1000;
        int h = 52;
        int[] px = new int[w * h];
        int[][] history = new int[45][];
        for (int m = 0; m < 45; m++) {
            for (int i = 0; i < px.length; i++) {
                px[i] = rnd.nextInt(9) == 0 ? 0x202020 : 0xF0F0F0;
            }
            history[m] = px.clone();
            byte[] stream = encode(encoder, px, 0, w, w, h);
            assertThat(decode(decoder, stream, w, h)).as("stream %d", m).isEqualTo(opaque(px));
        }
        // Old content again: evicted vBars must not be referenced.
        for (int m : new int[] {0, 44, 10, 43}) {
            byte[] stream = encode(encoder, history[m], 0, w, w, h);
            assertThat(decode(decoder, stream, w, h)).isEqualTo(opaque(history[m]));
        }
    }

    private static long residualSize(int[] px, int w, int h) {
        long size = 0;
        int run = 0;
        int colour = px[0] & 0xFF_FFFF;
        for (int i = 0; i < w * h; i++) {
            int c = px[i] & 0xFF_FFFF;
            if (c == colour) {
                run++;
                continue;
            }
            size += 3 + ClearCodec.runLengthSize(run);
            colour = c;
            run = 1;
        }
        return size + 3 + ClearCodec.runLengthSize(run);
    }

    @Test
    void encoderRejectsBadRegions() {
        ClearEncoder encoder = new ClearEncoder();
        ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> encoder.encode(new int[4], 0, 2, 2, 3, out))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> encoder.encode(new int[4], 0, 1, 2, 2, out))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> encoder.encode(new int[1 << 17], 0, 0x10000, 0x10000, 1, out))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(out.writerIndex()).isZero();
            assertThat(encoder.nextSeqNumber()).isZero();
        } finally {
            out.release();
        }
    }
}
