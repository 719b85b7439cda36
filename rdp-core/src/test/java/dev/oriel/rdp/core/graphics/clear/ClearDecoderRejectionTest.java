package dev.oriel.rdp.core.graphics.clear;

import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.decode;
import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.encode;
import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Mutator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ClearDecoder on malformed streams: each bad field gives a {@link DecodeException} that names it, every truncation
 * of valid streams is rejected, and seeded mutations of a stream sequence never escape as another exception.
 */
class ClearDecoderRejectionTest {
    private static final HexFormat HEX = HexFormat.of();
    /** A 4 x 2 region: composite header, then the given layers. */
    private static final String NO_LAYERS = "00 00 00000000 00000000 00000000";

    private static byte[] hex(String spaced) {
        return HEX.parseHex(spaced.replace(" ", ""));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", "", "flags, seqNumber"),
                Arguments.of("flags only", "00", "flags, seqNumber"),
                Arguments.of("unknown flag", "08 00 00000000 00000000 00000000", "flags"),
                Arguments.of("sequence out of order", "00 01 00000000 00000000 00000000", "seqNumber"),
                Arguments.of("glyph hit without index", "02 00", "GLYPH_HIT without GLYPH_INDEX"),
                Arguments.of("glyphIndex truncated", "01 00 00", "glyphIndex"),
                Arguments.of("glyphIndex 4000", "03 00 A00F", "glyphIndex"),
                Arguments.of("glyph hit on an empty entry", "03 00 0500", "glyphIndex"),
                Arguments.of("no composite header", "00 00 00000000 00000000", "compositePayload"),
                Arguments.of("residualByteCount past the end", "00 00 05000000 00000000 00000000 11223308",
                        "residualByteCount"),
                Arguments.of("trailing byte", NO_LAYERS + " 00", "trailing"),
                Arguments.of("residual too short", "00 00 04000000 00000000 00000000 11223307", "residualData"),
                Arguments.of("residual run past the end", "00 00 04000000 00000000 00000000 11223309",
                        "run length"),
                Arguments.of("residual runLengthFactor2 truncated", "00 00 05000000 00000000 00000000 112233FF08",
                        "runLengthFactor2"),
                Arguments.of("residual segment truncated", "00 00 03000000 00000000 00000000 112233",
                        "CLEARCODEC_RGB_RUN_SEGMENT"),
                Arguments.of("band truncated", "00 00 00000000 0A000000 00000000 0000 0000 0000 0000 0000",
                        "CLEARCODEC_BAND"),
                Arguments.of("band xEnd < xStart", "00 00 00000000 0D000000 00000000 0100 0000 0000 0000 000000 0000",
                        "xEnd"),
                Arguments.of("band past the right edge",
                        "00 00 00000000 0D000000 00000000 0400 0400 0000 0000 000000 0000", "xEnd"),
                Arguments.of("band past the bottom", "00 00 00000000 0D000000 00000000 0000 0000 0000 0200 000000 0000",
                        "yEnd"),
                Arguments.of("vBar header missing", "00 00 00000000 0B000000 00000000 0000 0000 0000 0000 000000",
                        "vBarHeader"),
                Arguments.of("vBar cache hit on an empty entry",
                        "00 00 00000000 0D000000 00000000 0000 0000 0000 0000 000000 0580", "vBarIndex"),
                Arguments.of("short vBar hit on an empty entry",
                        "00 00 00000000 0E000000 00000000 0000 0000 0000 0000 000000 0740 00", "shortVBarIndex"),
                Arguments.of("short vBar yOff < yOn",
                        "00 00 00000000 0D000000 00000000 0000 0000 0000 0000 000000 0100", "shortVBarYOff"),
                Arguments.of("short vBar past its band",
                        "00 00 00000000 13000000 00000000 0000 0000 0000 0000 000000 0002 111111 222222",
                        "shortVBarYOn"),
                Arguments.of("short vBar pixels truncated",
                        "00 00 00000000 0F000000 00000000 0000 0000 0000 0000 000000 0001 1111", "shortVBarPixels"),
                Arguments.of("subcodec truncated", "00 00 00000000 00000000 05000000 0000 0000 01", "CLEARCODEC_SUBCODEC"),
                Arguments.of("subcodec too wide",
                        "00 00 00000000 00000000 0D000000 0100 0000 0400 0100 00000000 00", "subcodec width"),
                Arguments.of("subcodec empty",
                        "00 00 00000000 00000000 0D000000 0000 0000 0100 0000 00000000 00", "subcodec height"),
                Arguments.of("subcodec data past the end",
                        "00 00 00000000 00000000 0D000000 0000 0000 0100 0100 03000000 00", "bitmapDataByteCount"),
                Arguments.of("uncompressed size mismatch",
                        "00 00 00000000 00000000 0F000000 0000 0000 0100 0100 02000000 00 1122", "bitmapDataByteCount"),
                Arguments.of("NSCodec", "00 00 00000000 00000000 0D000000 0000 0000 0100 0100 00000000 01",
                        "subCodecId"),
                Arguments.of("unknown subcodec", "00 00 00000000 00000000 0D000000 0000 0000 0100 0100 00000000 03",
                        "subCodecId"),
                Arguments.of("RLEX palette 0",
                        "00 00 00000000 00000000 0E000000 0000 0000 0100 0100 01000000 02 00", "paletteCount"),
                Arguments.of("RLEX palette 128",
                        "00 00 00000000 00000000 0E000000 0000 0000 0100 0100 01000000 02 80", "paletteCount"),
                Arguments.of("RLEX palette truncated",
                        "00 00 00000000 00000000 10000000 0000 0000 0100 0100 03000000 02 01 1122", "paletteEntries"),
                Arguments.of("RLEX stopIndex outside the palette",
                        "00 00 00000000 00000000 13000000 0000 0000 0100 0100 06000000 02 01 112233 01 00",
                        "stopIndex"),
                Arguments.of("RLEX suite starts before 0",
                        "00 00 00000000 00000000 16000000 0000 0000 0200 0100 09000000 02 02 112233 445566 02 00",
                        "stopIndex"),
                Arguments.of("RLEX run past the end",
                        "00 00 00000000 00000000 13000000 0000 0000 0100 0100 06000000 02 01 112233 00 01",
                        "RLEX run length"),
                Arguments.of("RLEX too few pixels",
                        "00 00 00000000 00000000 13000000 0000 0000 0200 0100 06000000 02 01 112233 00 00",
                        "RLEX segments cover 1 pixels, not 2"),
                Arguments.of("RLEX segment truncated",
                        "00 00 00000000 00000000 12000000 0000 0000 0100 0100 05000000 02 01 112233 00",
                        "CLEARCODEC_RLEX_SEGMENT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedStreams(String name, String stream, String mentions) {
        assertThatThrownBy(() -> decode(new ClearDecoder(), hex(stream), 4, 2)).isInstanceOf(DecodeException.class)
                .hasMessageContaining(mentions);
    }

    @Test
    void rejectsGlyphsOnLargeRegionsAndBandsOver52Rows() {
        assertThatThrownBy(() -> decode(new ClearDecoder(), hex("01 00 0000 00000000 00000000 00000000"), 33, 32))
                .isInstanceOf(DecodeException.class).hasMessageContaining("GLYPH_INDEX on a 33x32 region");
        assertThatThrownBy(() -> decode(new ClearDecoder(),
                hex("00 00 00000000 0D000000 00000000 0000 0000 0000 3400 000000 0000"), 1, 60))
                .isInstanceOf(DecodeException.class).hasMessageContaining("yEnd - yStart + 1");
        // A stored 52-row vBar used in a 51-row band.
        ClearDecoder decoder = new ClearDecoder();
        decode(decoder, hex("00 00 00000000 0D000000 00000000 0000 0000 0000 3300 000000 0000"), 1, 60);
        assertThatThrownBy(() -> decode(decoder,
                hex("00 01 00000000 0D000000 00000000 0000 0000 0000 3200 000000 0080"), 1, 60))
                .isInstanceOf(DecodeException.class).hasMessageContaining("the band is 51 high");
        assertThatThrownBy(() -> decode(new ClearDecoder(), hex(NO_LAYERS), 0, 5))
                .isInstanceOf(DecodeException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> decode(new ClearDecoder(), hex(NO_LAYERS), 0xFFFF, 0xFFFF))
                .isInstanceOf(DecodeException.class).hasMessageContaining("width × height");
    }

    @Test
    void cacheResetSendsTheCursorsBackToZero() {
        ClearDecoder decoder = new ClearDecoder();
        // Two short misses store vBars 0 and 1 (one pixel each, colours 0x010101 and 0x020202) …
        decode(decoder, hex("00 00 00000000 15000000 00000000 0000 0100 0000 0000 000000 0001 010101 0001 020202"),
                2, 1);
        // … CACHE_RESET, then a short miss overwrites vBar 0 with 0x030303, and a hit on 1 still finds 0x020202.
        int[] out = decode(decoder,
                hex("04 01 00000000 12000000 00000000 0000 0100 0000 0000 000000 0001 030303 0180"), 2, 1);
        assertThat(out).containsExactly(0xFF030303, 0xFF020202);
    }

    @Test
    void everyTruncationOfValidStreamsIsRejected() {
        ClearEncoder encoder = new ClearEncoder();
        int[] ui = frame("tile-ui-64x64", 64, 64);
        int[] crop = frame("desktop-ui-crop-1180-100-300x190", 300, 190);
        List<byte[]> streams = List.of(encode(encoder, ui, 0, 64, 64, 64), encode(encoder, crop, 0, 300, 300, 190),
                encode(encoder, crop, 0, 300, 16, 12));
        int[][] sizes = {{64, 64}, {300, 190}, {16, 12}};
        for (int s = 0; s < streams.size(); s++) {
            byte[] stream = streams.get(s);
            for (int cut = 0; cut < stream.length; cut++) {
                byte[] truncated = Arrays.copyOf(stream, cut);
                int w = sizes[s][0];
                int h = sizes[s][1];
                // A fresh decoder at the stream's sequence number, so only the truncation can fail it.
                assertThatThrownBy(() -> decode(new ClearDecoder(truncated.length > 1 ? truncated[1] & 0xFF : 0),
                        truncated, w, h)).as("stream %d cut at %d", s, cut).isInstanceOf(DecodeException.class);
            }
        }
    }

    /** Seeded mutations of a stream sequence: the decoder only ever throws DecodeException. */
    @Test
    void mutatedStreamsFailOnlyWithDecodeException() {
        int[] crop = frame("desktop-ui-crop-1180-100-300x190", 300, 190);
        int[][] regions = {{0, 64, 64}, {64 * 300 + 64, 64, 64}, {100, 16, 12}, {0, 300, 190}, {120 * 300, 200, 20},
            {100, 16, 12}};
        ClearEncoder encoder = new ClearEncoder();
        List<byte[]> base = new ArrayList<>();
        for (int[] r : regions) {
            base.add(encode(encoder, crop, r[0], 300, r[1], r[2]));
        }
        Mutator mutator = new Mutator(20_261_207L);
        int rejected = 0;
        int cases = 0;
        for (int round = 0; round < 300; round++) {
            // Replay the sequence into a fresh decoder, mutating one stream, so cache state is exercised too.
            ClearDecoder decoder = new ClearDecoder();
            int victim = mutator.random().nextInt(base.size());
            for (int i = 0; i < base.size(); i++) {
                byte[] input = i == victim ? mutator.mutate(base.get(i)) : base.get(i);
                int w = regions[i][1];
                int h = regions[i][2];
                cases++;
                int[] surface = new int[w * h];
                boolean threw = Mutator.expectOnlyRdpExceptions(round, input,
                        () -> decode(decoder, input, w, h, surface, 0, w));
                if (threw) {
                    // A later stream may fail too: the mutated one can leave different pixels in the caches.
                    assertThat(i).as("no stream before the mutated one fails").isGreaterThanOrEqualTo(victim);
                    rejected++;
                    break;
                }
            }
        }
        assertThat(rejected).as("most mutations are caught").isGreaterThan(150);
        assertThat(cases).isGreaterThan(300);
    }
}
