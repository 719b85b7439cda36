package dev.oriel.rdp.core.graphics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Mutator;
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
 * Alpha codec ([MS-RDPEGFX] 2.2.4.3): hand-built golden streams (no published vectors exist: the shared conformance
 * manifest has none, and FreeRDP's and IronRDP's sources ship no alpha-codec test data), round trips on ARGB content,
 * rejection and seeded mutation tests.
 */
class AlphaCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] encode(int[] argb, int w, int h) {
        ByteBuf out = Unpooled.buffer();
        try {
            int n = new AlphaCodecEncoder().encode(argb, 0, w, w, h, out);
            assertThat(n).isEqualTo(out.readableBytes()).isLessThanOrEqualTo(AlphaCodecEncoder.maxEncodedSize(w, h));
            byte[] bytes = new byte[n];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private static int[] decode(byte[] stream, int w, int h) {
        ByteBuf buf = Unpooled.wrappedBuffer(stream);
        try {
            return AlphaCodecDecoder.decode(buf, w, h);
        } finally {
            buf.release();
        }
    }

    private static int[] alphas(int w, int h, int... runs) {
        int[] px = new int[w * h];
        int i = 0;
        for (int r = 0; r < runs.length; r += 2) {
            for (int k = 0; k < runs[r + 1]; k++) {
                px[i++] = runs[r] << 24 | 0x123456;
            }
        }
        assertThat(i).isEqualTo(px.length);
        return px;
    }

    private static byte[] hex(String spaced) {
        return HEX.parseHex(spaced.replace(" ", ""));
    }

    static Stream<Arguments> goldens() {
        return Stream.of(
                // alphaSig 0x414C (LE) | compressed 0 | 4 raw alpha bytes, top-left to bottom-right
                Arguments.of("raw 2x2", 2, 2, alphas(2, 2, 0x00, 1, 0x40, 1, 0x80, 1, 0xFF, 1),
                        "4C41 0000 00 40 80 FF"),
                // compressed 1 | (0xFF, run 4: crosses the end of row 0) | (0x00, run 2)
                Arguments.of("RLE, 1-byte lengths", 3, 2, alphas(3, 2, 0xFF, 4, 0x00, 2), "4C41 0100 FF 04 00 02"),
                // runLengthFactor1 254 is the longest one-byte length
                Arguments.of("RLE, 254", 254, 1, alphas(254, 1, 0x7F, 254), "4C41 0100 7F FE"),
                // 255 escapes: runLengthFactor1 0xFF, runLengthFactor2 0x00FF
                Arguments.of("RLE, 255", 255, 1, alphas(255, 1, 0x7F, 255), "4C41 0100 7F FF FF00"),
                // 300 pixels of 0x80: 0xFF then u16 300 (0x012C)
                Arguments.of("RLE, 2-byte length", 20, 15, alphas(20, 15, 0x80, 300), "4C41 0100 80 FF 2C01"),
                // 65,534 is the longest two-byte length
                Arguments.of("RLE, 65534", 65534, 1, alphas(65534, 1, 0x01, 65534), "4C41 0100 01 FF FEFF"),
                // 65,535 escapes again: 0xFF, 0xFFFF, u32 65,535
                Arguments.of("RLE, 65535", 65535, 1, alphas(65535, 1, 0x01, 65535), "4C41 0100 01 FF FFFF FFFF0000"),
                // 70,000 transparent pixels (0x00011170) then 10,000 opaque (0x2710) in a 400x200 region
                Arguments.of("RLE, 4-byte length", 400, 200, alphas(400, 200, 0x00, 70_000, 0xFF, 10_000),
                        "4C41 0100 00 FF FFFF 70110100 FF FF 1027"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void goldenStreamsEncodeAndDecode(String name, int w, int h, int[] pixels, String stream) {
        assertThat(HEX.formatHex(encode(pixels, w, h))).isEqualTo(HEX.formatHex(hex(stream)));
        int[] alphaOnly = Arrays.stream(pixels).map(p -> p & 0xFF00_0000).toArray();
        assertThat(decode(hex(stream), w, h)).isEqualTo(alphaOnly);
    }

    @Test
    void decoderAcceptsNonMinimalLengthsAndZeroRuns() {
        // A run of 3 spelt with runLengthFactor2, one of 2 with runLengthFactor3, a zero run, and compressed = 0x8000.
        int[] out = decode(hex("4C41 0080 10 FF 0300 20 00 30 FF FFFF 02000000"), 5, 1);
        assertThat(out).containsExactly(0x1000_0000, 0x1000_0000, 0x1000_0000, 0x3000_0000, 0x3000_0000);
    }

    @Test
    void decodeKeepsColourAndStaysInsideTheRegion() {
        int[] surface = new int[10 * 6];
        Arrays.fill(surface, 0x00AB_CDEF);
        ByteBuf src = Unpooled.wrappedBuffer(hex("4C41 0100 FF 06 80 06"));
        AlphaCodecDecoder.decode(src, 3, 4, surface, 2 * 10 + 4, 10);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 10; x++) {
                boolean inside = y >= 2 && x >= 4 && x < 7;
                int expectedAlpha = !inside ? 0 : y < 4 ? 0xFF : 0x80;
                assertThat(surface[y * 10 + x]).as("(%d,%d)", x, y).isEqualTo(expectedAlpha << 24 | 0xAB_CDEF);
            }
        }
    }

    static Stream<Arguments> contents() {
        return Stream.of(Arguments.of("gradient", 64, 64), Arguments.of("shadow", 64, 64),
                Arguments.of("opaque", 64, 64), Arguments.of("noise", 64, 64), Arguments.of("shadow", 300, 220),
                Arguments.of("gradient", 1, 1), Arguments.of("noise", 1, 57), Arguments.of("shadow", 513, 3),
                Arguments.of("mask", 640, 480));
    }

    /** ARGB content with the kinds of alpha a desktop has. */
    static int[] content(String kind, int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = switch (kind) {
                    case "gradient" -> (x * 255 / Math.max(1, w - 1) + y) & 0xFF;
                    // A window shadow: opaque body, 8-pixel soft edge fading to transparent, transparent outside.
                    case "shadow" -> {
                        int edge = Math.min(Math.min(x, w - 1 - x), Math.min(y, h - 1 - y));
                        yield edge >= 8 ? 0xFF : edge * 32;
                    }
                    case "opaque" -> 0xFF;
                    // A binary mask: rounded-corner window (opaque inside a circle-cornered rectangle, else clear).
                    case "mask" -> {
                        int cx = Math.max(20 - x, Math.max(0, x - (w - 21)));
                        int cy = Math.max(20 - y, Math.max(0, y - (h - 21)));
                        yield cx * cx + cy * cy <= 400 ? 0xFF : 0x00;
                    }
                    default -> rnd.nextInt(256);
                };
                px[y * w + x] = a << 24 | rnd.nextInt(1 << 24);
            }
        }
        return px;
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("contents")
    void roundTripIsExactAndPicksTheSmallerForm(String kind, int w, int h) {
        int[] px = content(kind, w, h, w * 31L + h);
        byte[] stream = encode(px, w, h);
        int[] colour = Arrays.stream(px).map(p -> p & 0xFF_FFFF).toArray();
        ByteBuf buf = Unpooled.wrappedBuffer(stream);
        AlphaCodecDecoder.decode(buf, w, h, colour, 0, w);
        assertThat(colour).isEqualTo(px);
        boolean rle = stream[2] != 0 || stream[3] != 0;
        if (kind.equals("noise")) {
            assertThat(rle).as("noise is sent raw").isFalse();
            assertThat(stream).hasSize(4 + w * h);
        } else if (w * h > 1 && !kind.equals("gradient")) {
            assertThat(rle).as("%s compresses", kind).isTrue();
            assertThat(stream.length).isLessThan(4 + w * h);
        }
    }

    @Test
    void encodesSubRegionsOfASurface() {
        int[] px = content("shadow", 100, 60, 5);
        ByteBuf out = Unpooled.buffer();
        new AlphaCodecEncoder().encode(px, 7 * 100 + 13, 100, 40, 30, out);
        int[] decoded = AlphaCodecDecoder.decode(out, 40, 30);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                assertThat(decoded[y * 40 + x] >>> 24).isEqualTo(px[(7 + y) * 100 + 13 + x] >>> 24);
            }
        }
    }

    @Test
    void encoderRejectsBadRegions() {
        AlphaCodecEncoder encoder = new AlphaCodecEncoder();
        ByteBuf out = Unpooled.buffer();
        assertThatThrownBy(() -> encoder.encode(new int[4], 0, 2, 2, 3, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(new int[4], 0, 1, 2, 2, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(new int[4], 0, 2, 0, 2, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out.writerIndex()).isZero();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", "", "alphaSig"),
                Arguments.of("short header", "4C41 01", "alphaSig"),
                Arguments.of("bad signature", "4C42 0000 00 00 00 00", "alphaSig"),
                Arguments.of("raw too short", "4C41 0000 00 00 00", "segments (raw)"),
                Arguments.of("raw trailing byte", "4C41 0000 00 00 00 00 00", "trailing"),
                Arguments.of("no segments", "4C41 0100", "runValue"),
                Arguments.of("segment without length", "4C41 0100 FF", "runValue"),
                Arguments.of("run past the end", "4C41 0100 FF 05", "run length"),
                Arguments.of("second run past the end", "4C41 0100 FF 03 00 02", "run length"),
                Arguments.of("too few pixels", "4C41 0100 FF 03", "runValue"),
                Arguments.of("truncated runLengthFactor2", "4C41 0100 FF FF 03", "runLengthFactor2"),
                Arguments.of("truncated runLengthFactor3", "4C41 0100 FF FF FFFF 040000", "runLengthFactor3"),
                Arguments.of("huge runLengthFactor3", "4C41 0100 FF FF FFFF FFFFFFFF", "run length"),
                Arguments.of("trailing segment", "4C41 0100 FF 04 00 00", "trailing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedStreams(String name, String stream, String mentions) {
        assertThatThrownBy(() -> decode(hex(stream), 2, 2)).isInstanceOf(DecodeException.class)
                .hasMessageContaining(mentions);
    }

    @Test
    void decoderRejectsAreasItWillNotAllocate() {
        assertThatThrownBy(() -> decode(hex("4C41 0100 00 FF FFFF 00000000"), 0xFFFF, 0xFFFF))
                .isInstanceOf(DecodeException.class).hasMessageContaining("width × height");
        assertThatThrownBy(() -> decode(hex("4C41 0100"), 0, 5)).isInstanceOf(DecodeException.class);
    }

    /** Seeded mutations of valid streams: the decoder only ever throws DecodeException, and always returns. */
    @Test
    void mutatedStreamsFailOnlyWithDecodeException() {
        int[][] sizes = {{64, 64}, {13, 7}, {300, 220}};
        String[] kinds = {"shadow", "gradient", "mask", "noise"};
        Mutator mutator = new Mutator(20_261_207L);
        int rejected = 0;
        int cases = 0;
        for (int[] s : sizes) {
            for (String kind : kinds) {
                byte[] base = encode(content(kind, s[0], s[1], 9), s[0], s[1]);
                for (int i = 0; i < 400; i++) {
                    byte[] mutated = mutator.mutate(base);
                    cases++;
                    try {
                        int[] out = decode(mutated, s[0], s[1]);
                        assertThat(out).hasSize(s[0] * s[1]);
                    } catch (DecodeException expected) {
                        rejected++;
                    } catch (RuntimeException e) {
                        throw new AssertionError("seed case " + cases + ": " + HEX.formatHex(mutated), e);
                    }
                }
            }
        }
        assertThat(rejected).as("most mutations are caught").isGreaterThan(cases / 2);
    }
}
