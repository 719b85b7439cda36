package dev.oriel.rdp.core.graphics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.Mutator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planar encoder with colour loss reduction and chroma subsampling ([MS-RDPEGDI] 3.1.9.1.2 to 3.1.9.1.4), and the
 * alpha plane: IronRDP's Windows-made YCoCg streams re-encoded from their bitmaps, error bounds, exact alpha.
 */
class PlanarLossyTest {

    private static byte[] encode(int[] px, int w, int h, boolean alpha, boolean bottomUp, int cll, boolean cs) {
        ByteBuf out = Unpooled.buffer();
        try {
            int n = new PlanarEncoder(w * h).encode(px, 0, w, w, h, alpha, bottomUp, cll, cs, out);
            assertThat(n).isEqualTo(out.readableBytes());
            byte[] bytes = new byte[n];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private static int[] decode(byte[] stream, int w, int h, boolean bottomUp) {
        ByteBuf buf = Unpooled.wrappedBuffer(stream);
        try {
            return PlanarDecoder.decode(buf, w, h, bottomUp);
        } finally {
            buf.release();
        }
    }

    private static String asset(String name) {
        return "conformance/ironrdp_files/crates__ironrdp-graphics__src__rdp6__test_assets__" + name;
    }

    private static int[] bitmap(String name, int w, int h) throws IOException {
        BufferedImage bmp = ImageIO.read(new ByteArrayInputStream(Fixtures.bytes(asset(name) + ".bmp")));
        return bmp.getRGB(0, 0, w, h, null, 0, w);
    }

    /**
     * The assets' bitmaps are what their streams decode to, so an encoder that picks the chroma and luma giving the
     * least RGB error (taking the decoder's clamping into account) finds the streams' planes again; with the same
     * RLE segmentation the bytes are the same.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exactAssets")
    void ironrdpYCoCgAssetsReencodeToTheirExactBytes(String name, int w, int h) throws IOException {
        byte[] expected = Fixtures.bytes(asset(name) + ".bin");
        int header = expected[0] & 0xFF;
        byte[] ours = encode(bitmap(name, w, h), w, h, (header & Planar.NA) == 0, false, header & Planar.CLL_MASK,
                (header & Planar.CS) != 0);
        assertThat(ours).isEqualTo(expected);
    }

    static Stream<Arguments> exactAssets() {
        return Stream.of(Arguments.of("64x35_ycocg_rle_ss", 64, 35), Arguments.of("64x64_ycocg_raw_ss", 64, 64),
                Arguments.of("64x64_ycocg_rle_ss", 64, 64));
    }

    /**
     * 64x64_aycocg_rle (CLL 3, RLE, no subsampling): the same three planes and the same length, but the Windows
     * encoder splits 8 runs differently (e.g. raw 1 + run 13, then run 4, where Oriel writes raw 1 + run 14, then run
     * 3; both 3 bytes). Oriel keeps FreeRDP's segmentation, which the lossless golden test pins.
     */
    @Test
    void ironrdpAYCoCgAssetHasTheSamePlanesAndLength() throws IOException {
        byte[] expected = Fixtures.bytes(asset("64x64_aycocg_rle") + ".bin");
        assertThat(expected[0]).isEqualTo((byte) (Planar.RLE | Planar.NA | 3));
        byte[] ours = encode(bitmap("64x64_aycocg_rle", 64, 64), 64, 64, false, false, 3, false);
        assertThat(ours).hasSameSizeAs(expected);
        assertThat(ours[0]).isEqualTo(expected[0]);
        ByteBuf a = Unpooled.wrappedBuffer(expected, 1, expected.length - 1);
        ByteBuf b = Unpooled.wrappedBuffer(ours, 1, ours.length - 1);
        for (String plane : new String[] {"luma", "orange chroma", "green chroma"}) {
            assertThat(PlanarDecoder.plane(b, 64, 64, true, plane)).as(plane)
                    .isEqualTo(PlanarDecoder.plane(a, 64, 64, true, plane));
        }
        assertThat(a.readableBytes()).isZero();
        assertThat(b.readableBytes()).isZero();
    }

    /** Largest per-channel error without subsampling: chroma rounding plus the range cut at high levels. */
    static int boundWithoutSubsampling(int cll) {
        return 3 * (1 << (cll - 1)) / 2 + 2;
    }

    static Stream<Arguments> lossyCases() {
        Stream.Builder<Arguments> b = Stream.builder();
        String[] kinds = {"random", "flat", "gradient", "text"};
        int[][] sizes = {{64, 64}, {63, 17}, {1, 1}, {17, 1}, {1, 40}, {5, 3}};
        long seed = 100;
        for (int[] s : sizes) {
            for (String k : kinds) {
                b.add(Arguments.of(k, s[0], s[1], seed++));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}x{2} seed {3}")
    @MethodSource("lossyCases")
    void everyLevelDecodesWithinItsBoundAndKeepsAlphaExact(String kind, int w, int h, long seed) {
        int[] px = withAlpha(PlanarCodecTest.image(kind, w, h, seed), "shadow", w, h);
        for (int cll = 1; cll <= 7; cll++) {
            for (boolean cs : new boolean[] {false, true}) {
                for (boolean bottomUp : new boolean[] {false, true}) {
                    byte[] stream = encode(px, w, h, true, bottomUp, cll, cs);
                    int header = stream[0] & 0xFF;
                    assertThat(header & ~Planar.RLE).isEqualTo(cll | (cs ? Planar.CS : 0));
                    int chroma = cs ? ((w + 1) / 2) * ((h + 1) / 2) : w * h;
                    assertThat(stream.length).isLessThanOrEqualTo(1 + 2 * w * h + 2 * chroma + 1);
                    int[] decoded = decode(stream, w, h, bottomUp);
                    for (int i = 0; i < px.length; i++) {
                        assertThat(decoded[i] >>> 24).as("alpha is exact").isEqualTo(px[i] >>> 24);
                    }
                    if (!cs) {
                        assertThat(maxChannelError(px, decoded)).as("cll %d", cll)
                                .isLessThanOrEqualTo(boundWithoutSubsampling(cll));
                    } else if (!kind.equals("random")) {
                        // Subsampling costs little where chroma barely changes within 2x2 blocks (none on the
                        // grey text); on noise it is unbounded, which is why it is an option.
                        int bound = switch (kind) {
                            case "text" -> 0;
                            case "flat" -> boundWithoutSubsampling(cll);
                            default -> boundWithoutSubsampling(cll) + 3;
                        };
                        assertThat(maxChannelError(px, decoded)).as("cll %d cs", cll).isLessThanOrEqualTo(bound);
                    }
                }
            }
        }
    }

    @Test
    void greyAndTwoColourContentIsExactAtEveryLevel() {
        // Grey has zero chroma, which every level carries exactly; so has black-on-white text.
        int[] grey = new int[64 * 64];
        for (int i = 0; i < grey.length; i++) {
            int v = (i * 7) & 0xFF;
            grey[i] = 0xFF00_0000 | v << 16 | v << 8 | v;
        }
        for (int cll = 1; cll <= 7; cll++) {
            for (boolean cs : new boolean[] {false, true}) {
                assertThat(decode(encode(grey, 64, 64, false, true, cll, cs), 64, 64, true)).isEqualTo(grey);
                int[] text = PlanarCodecTest.image("text", 64, 64, cll);
                assertThat(decode(encode(text, 64, 64, false, true, cll, cs), 64, 64, true)).isEqualTo(text);
            }
        }
    }

    @Test
    void losslessDefaultIsTheLevelZeroOverload() throws IOException {
        for (String tile : new String[] {"tile-ui-64x64", "tile-photo-64x64"}) {
            int[] px = PlanarCodecTest.referenceTile(tile);
            ByteBuf a = Unpooled.buffer();
            ByteBuf b = Unpooled.buffer();
            new PlanarEncoder(4096).encode(px, 0, 64, 64, 64, false, true, a);
            new PlanarEncoder(4096).encode(px, 0, 64, 64, 64, false, true, 0, false, b);
            assertThat(ByteBufUtil.getBytes(b)).isEqualTo(ByteBufUtil.getBytes(a));
        }
    }

    static Stream<Arguments> alphaContents() {
        return Stream.of(Arguments.of("gradient", "gradient"), Arguments.of("text", "shadow"),
                Arguments.of("flat", "mask"), Arguments.of("gradient", "shadow"), Arguments.of("text", "opaque"),
                Arguments.of("flat", "gradient"));
    }

    /** ARGB content with varying alpha: the alpha plane path compresses with RLE and round-trips exactly. */
    @ParameterizedTest(name = "{0} colour, {1} alpha")
    @MethodSource("alphaContents")
    void alphaPlaneRoundTripsExactlyWithRle(String colour, String alpha) {
        for (int[] s : new int[][] {{64, 64}, {128, 64}, {37, 29}}) {
            int w = s[0];
            int h = s[1];
            int[] px = withAlpha(PlanarCodecTest.image(colour, w, h, w + h), alpha, w, h);
            for (boolean bottomUp : new boolean[] {false, true}) {
                byte[] stream = encode(px, w, h, true, bottomUp, 0, false);
                assertThat(stream[0]).as("RLE with an alpha plane").isEqualTo((byte) Planar.RLE);
                assertThat(decode(stream, w, h, bottomUp)).isEqualTo(px);
                // Lossy colour leaves alpha alone too.
                int[] lossy = decode(encode(px, w, h, true, bottomUp, 3, true), w, h, bottomUp);
                for (int i = 0; i < px.length; i++) {
                    assertThat(lossy[i] >>> 24).isEqualTo(px[i] >>> 24);
                }
            }
        }
    }

    @Test
    void rejectsBadOptions() {
        PlanarEncoder encoder = new PlanarEncoder(64);
        ByteBuf out = Unpooled.buffer();
        int[] px = new int[64];
        assertThatThrownBy(() -> encoder.encode(px, 0, 8, 8, 8, false, false, 8, false, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(px, 0, 8, 8, 8, false, false, -1, false, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(px, 0, 8, 8, 8, false, false, 0, true, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out.writerIndex()).isZero();
    }

    @Test
    void encodesSubRegionsLossily() {
        int[] px = PlanarCodecTest.image("gradient", 100, 50, 3);
        ByteBuf out = Unpooled.buffer();
        new PlanarEncoder(64 * 64).encode(px, 10 * 100 + 21, 100, 31, 13, false, true, 2, true, out);
        int[] decoded = PlanarDecoder.decode(out, 31, 13, true);
        int[] region = new int[31 * 13];
        for (int y = 0; y < 13; y++) {
            System.arraycopy(px, (10 + y) * 100 + 21, region, y * 31, 31);
        }
        assertThat(maxChannelError(region, decoded)).isLessThanOrEqualTo(boundWithoutSubsampling(2) + 3);
    }

    /** Seeded mutations of lossy streams: the decoder only ever throws DecodeException, and always returns. */
    @Test
    void mutatedLossyStreamsFailOnlyWithDecodeException() {
        Mutator mutator = new Mutator(3_109_125L);
        int cases = 0;
        int rejected = 0;
        for (int[] s : new int[][] {{64, 64}, {13, 7}}) {
            for (String kind : new String[] {"gradient", "text", "random"}) {
                int[] px = withAlpha(PlanarCodecTest.image(kind, s[0], s[1], 4), "shadow", s[0], s[1]);
                for (int cll : new int[] {1, 3, 7}) {
                    for (boolean cs : new boolean[] {false, true}) {
                        byte[] base = encode(px, s[0], s[1], cll != 7, false, cll, cs);
                        for (int i = 0; i < 60; i++) {
                            byte[] mutated = mutator.mutate(base);
                            cases++;
                            try {
                                assertThat(decode(mutated, s[0], s[1], false)).hasSize(s[0] * s[1]);
                            } catch (DecodeException expected) {
                                rejected++;
                            } catch (RuntimeException e) {
                                throw new AssertionError("case " + cases + ": " + HexFormat.of().formatHex(mutated),
                                        e);
                            }
                        }
                    }
                }
            }
        }
        assertThat(rejected).isGreaterThan(cases / 3);
    }

    /**
     * Sizes, speed and PSNR on the reference tiles, for the report (printed, not asserted: the machine is shared).
     */
    @Test
    void reportReferenceTiles() throws IOException {
        PlanarEncoder encoder = new PlanarEncoder(64 * 64);
        ByteBuf out = Unpooled.buffer(20_000);
        for (String tile : new String[] {"tile-ui-64x64", "tile-photo-64x64"}) {
            int[] px = PlanarCodecTest.referenceTile(tile);
            for (int[] option : new int[][] {{0, 0}, {3, 0}, {3, 1}}) {
                int cll = option[0];
                boolean cs = option[1] == 1;
                int rounds = 3000;
                long best = Long.MAX_VALUE;
                for (int pass = 0; pass < 5; pass++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < rounds; i++) {
                        out.clear();
                        encoder.encode(px, 0, 64, 64, 64, false, true, cll, cs, out);
                    }
                    best = Math.min(best, System.nanoTime() - start);
                }
                byte[] stream = ByteBufUtil.getBytes(out);
                int[] decoded = decode(stream, 64, 64, true);
                System.out.printf("%s CLL %d%s: %5d bytes, %6.1f us/tile, PSNR %s dB, max error %d%n", tile, cll,
                        cs ? " + CS" : "", stream.length, best / 1000.0 / rounds, psnrText(px, decoded),
                        maxChannelError(px, decoded));
            }
        }
        out.release();
    }

    static int[] withAlpha(int[] rgb, String alphaKind, int w, int h) {
        int[] alpha = AlphaCodecTest.content(alphaKind, w, h, 1);
        int[] px = new int[rgb.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = alpha[i] & 0xFF00_0000 | rgb[i] & 0xFF_FFFF;
        }
        return px;
    }

    static int maxChannelError(int[] expected, int[] actual) {
        int max = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                max = Math.max(max, Math.abs((expected[i] >> shift & 0xFF) - (actual[i] >> shift & 0xFF)));
            }
        }
        return max;
    }

    /** PSNR over the R, G and B channels, in dB ("exact" when equal). */
    static String psnrText(int[] expected, int[] actual) {
        double se = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                int d = (expected[i] >> shift & 0xFF) - (actual[i] >> shift & 0xFF);
                se += d * d;
            }
        }
        return se == 0 ? "exact" : String.format("%.2f", 10 * Math.log10(255.0 * 255 * 3 * expected.length / se));
    }
}
