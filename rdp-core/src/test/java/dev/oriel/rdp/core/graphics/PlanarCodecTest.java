package dev.oriel.rdp.core.graphics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Planar codec: FreeRDP's and IronRDP's vectors (conformance README B5, B5b, B6) and seeded round trips. */
class PlanarCodecTest {

    private static int[] decode(byte[] stream, int w, int h, boolean bottomUp) {
        ByteBuf buf = Unpooled.wrappedBuffer(stream);
        try {
            return PlanarDecoder.decode(buf, w, h, bottomUp);
        } finally {
            buf.release();
        }
    }

    /** BGRX/BGRA bytes, top-down, to ARGB with opaque alpha. */
    private static int[] bgrx(byte[] bytes) {
        int[] out = new int[bytes.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = 0xFF00_0000 | (bytes[4 * i + 2] & 0xFF) << 16 | (bytes[4 * i + 1] & 0xFF) << 8 | (bytes[4 * i] & 0xFF);
        }
        return out;
    }

    private static int[] rgbOnly(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            out[i] = argb[i] & 0xFF_FFFF;
        }
        return out;
    }

    @Test
    void freerdpSinglePlaneRle() {
        for (String color : new String[] {"RED", "GREEN", "BLUE"}) {
            byte[] rle = Fixtures.bytes("conformance/freerdp_files/planar-bmp-TEST_64X64_" + color + "_PLANE_RLE.bin");
            byte[] expected = Fixtures.bytes("conformance/freerdp_files/planar-bmp-TEST_64X64_" + color + "_PLANE.bin");
            ByteBuf buf = Unpooled.wrappedBuffer(rle);
            try {
                assertThat(PlanarDecoder.plane(buf, 64, 64, true, color)).as(color).isEqualTo(expected);
                assertThat(buf.readableBytes()).isZero();
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void freerdpExperimentalBitmap() {
        byte[] stream = Fixtures.bytes("conformance/freerdp_files/planar-bmp-TEST_RLE_BITMAP_EXPERIMENTAL_03_RLE.bin");
        int[] expected = bgrx(Fixtures.bytes("conformance/freerdp_files/planar-bmp-TEST_RLE_BITMAP_EXPERIMENTAL_03.bin"));
        assertThat(rgbOnly(decode(stream, 64, 64, false))).isEqualTo(rgbOnly(expected));
    }

    /**
     * B5b: FreeRDP's encoder writes bitmap-update order (bottom-up), so decoding bottom-up gives the source. FreeRDP's
     * test feeds the source to its encoder as RGBX bytes (red first), unlike the BGRX of the other files.
     */
    @Test
    void freerdpEncoderOutputDecodesBottomUp() {
        for (int n = 1; n <= 3; n++) {
            byte[] stream = Fixtures.bytes("conformance/freerdp_files/planar-enc-TEST_RLE_BITMAP_EXPERIMENTAL_0" + n + ".bin");
            byte[] rgbx = Fixtures.bytes("conformance/freerdp_files/planar-bmp-TEST_RLE_BITMAP_EXPERIMENTAL_0" + n + ".bin");
            int[] source = new int[rgbx.length / 4];
            for (int i = 0; i < source.length; i++) {
                source[i] = (rgbx[4 * i] & 0xFF) << 16 | (rgbx[4 * i + 1] & 0xFF) << 8 | (rgbx[4 * i + 2] & 0xFF);
            }
            assertThat(rgbOnly(decode(stream, 64, 64, true))).as("experimental %d", n).isEqualTo(rgbOnly(source));
        }
    }

    static Stream<Arguments> ironrdpAssets() {
        return Stream.of(Arguments.of("32x64_rgb_raw", 32, 64), Arguments.of("64x24_argb_rle", 64, 24),
                Arguments.of("64x35_ycocg_rle_ss", 64, 35), Arguments.of("64x64_aycocg_rle", 64, 64),
                Arguments.of("64x64_ycocg_raw_ss", 64, 64), Arguments.of("64x64_ycocg_rle_ss", 64, 64));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ironrdpAssets")
    void ironrdpAssetsDecodeToTheirBitmaps(String name, int w, int h) throws IOException {
        String base = "conformance/ironrdp_files/crates__ironrdp-graphics__src__rdp6__test_assets__" + name;
        BufferedImage bmp = ImageIO.read(new ByteArrayInputStream(Fixtures.bytes(base + ".bmp")));
        int[] expected = rgbOnly(bmp.getRGB(0, 0, w, h, null, 0, w));
        assertThat(rgbOnly(decode(Fixtures.bytes(base + ".bin"), w, h, false))).isEqualTo(expected);
    }

    static Stream<Arguments> roundTrips() {
        Stream.Builder<Arguments> b = Stream.builder();
        int[][] sizes = {{1, 1}, {3, 5}, {64, 64}, {63, 17}, {128, 64}, {17, 1}, {1, 40}};
        String[] kinds = {"random", "flat", "gradient", "text"};
        long seed = 42;
        for (int[] s : sizes) {
            for (String k : kinds) {
                b.add(Arguments.of(k, s[0], s[1], seed++));
            }
        }
        return b.build();
    }

    static int[] image(String kind, int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = switch (kind) {
                    case "random" -> rnd.nextInt();
                    case "flat" -> 0xFF336699;
                    case "gradient" -> 0xFF00_0000 | (x * 4 & 0xFF) << 16 | (y * 4 & 0xFF) << 8 | ((x + y) & 0xFF);
                    default -> rnd.nextInt(12) == 0 ? 0xFF101010 : 0xFFF0F0F0; // sparse dark glyph pixels on white
                };
                px[y * w + x] = v;
            }
        }
        return px;
    }

    @ParameterizedTest(name = "{0} {1}x{2} seed {3}")
    @MethodSource("roundTrips")
    void encodeThenDecodeIsExact(String kind, int w, int h, long seed) {
        int[] px = image(kind, w, h, seed);
        PlanarEncoder encoder = new PlanarEncoder(128 * 64);
        for (boolean alpha : new boolean[] {true, false}) {
            for (boolean bottomUp : new boolean[] {true, false}) {
                ByteBuf out = Unpooled.buffer();
                try {
                    int n = encoder.encode(px, 0, w, w, h, alpha, bottomUp, out);
                    assertThat(n).isEqualTo(out.readableBytes());
                    assertThat(n).isLessThanOrEqualTo(1 + (alpha ? 4 : 3) * w * h + 1);
                    int[] decoded = PlanarDecoder.decode(out, w, h, bottomUp);
                    assertThat(alpha ? decoded : rgbOnly(decoded)).isEqualTo(alpha ? px : rgbOnly(px));
                    if (!alpha) {
                        assertThat(decoded[0] >>> 24).as("NA decodes opaque").isEqualTo(0xFF);
                    }
                } finally {
                    out.release();
                }
            }
        }
    }

    /** A reference tile (fixtures/bench, raw BGRA gzip) as 0xAARRGGBB ints. */
    static int[] referenceTile(String name) throws IOException {
        byte[] raw;
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new ByteArrayInputStream(Fixtures.bytes("bench/" + name + ".bgra.gz")))) {
            raw = in.readAllBytes();
        }
        int[] px = new int[64 * 64];
        java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(px);
        return px;
    }

    @Test
    void uiTileEncodesToExactlyWhatFreerdpWritesAndPhotoTileToLess() throws IOException {
        for (String tile : new String[] {"tile-ui-64x64", "tile-photo-64x64"}) {
            int[] px = referenceTile(tile);
            byte[] freerdp = Fixtures.bytes("libfreerdp/planar-rle-na-" + tile + ".bin");
            ByteBuf ours = Unpooled.buffer();
            new PlanarEncoder(64 * 64).encode(px, 0, 64, 64, 64, false, true, ours);
            byte[] oursBytes = new byte[ours.readableBytes()];
            ours.getBytes(0, oursBytes);
            int[] expected = px.clone();
            for (int i = 0; i < expected.length; i++) {
                expected[i] |= 0xFF00_0000;
            }
            // Both streams decode to the tile: FreeRDP's checks our decoder, ours our encoder.
            assertThat(PlanarDecoder.decode(Unpooled.wrappedBuffer(freerdp), 64, 64, true)).isEqualTo(expected);
            assertThat(PlanarDecoder.decode(ours, 64, 64, true)).isEqualTo(expected);
            if (tile.equals("tile-ui-64x64")) {
                assertThat(oursBytes).as("same RLE segmentation as FreeRDP 2.11.7").isEqualTo(freerdp);
            } else {
                // Noise: FreeRDP keeps RLE (13,249 bytes) where raw planes are smaller; Oriel sends raw planes.
                assertThat(oursBytes.length).isLessThan(freerdp.length);
            }
        }
    }

    @Test
    void flatAndTextTilesCompress() {
        PlanarEncoder encoder = new PlanarEncoder(64 * 64);
        ByteBuf out = Unpooled.buffer();
        try {
            encoder.encode(image("flat", 64, 64, 1), 0, 64, 64, 64, false, true, out);
            assertThat(out.readableBytes()).as("a flat 64x64 tile").isLessThan(600);
            assertThat((int) out.getUnsignedByte(0)).isEqualTo(Planar.RLE | Planar.NA);
            out.clear();
            encoder.encode(image("random", 64, 64, 1), 0, 64, 64, 64, false, true, out);
            assertThat((int) out.getUnsignedByte(0)).as("noise falls back to raw planes").isEqualTo(Planar.NA);
            assertThat(out.readableBytes()).isEqualTo(1 + 3 * 4096 + 1);
        } finally {
            out.release();
        }
    }

    @Test
    void encodesSubRegionsOfALargerImage() {
        int[] px = image("gradient", 100, 50, 3);
        PlanarEncoder encoder = new PlanarEncoder(64 * 64);
        ByteBuf out = Unpooled.buffer();
        try {
            encoder.encode(px, 10 * 100 + 20, 100, 30, 12, false, false, out);
            int[] decoded = PlanarDecoder.decode(out, 30, 12, false);
            for (int y = 0; y < 12; y++) {
                for (int x = 0; x < 30; x++) {
                    assertThat(decoded[y * 30 + x] & 0xFFFFFF).isEqualTo(px[(10 + y) * 100 + 20 + x] & 0xFFFFFF);
                }
            }
        } finally {
            out.release();
        }
    }

    @Test
    void rejectsMalformedStreams() {
        // Truncated raw planes.
        assertThatThrownBy(() -> decode(new byte[] {0x20, 1, 2, 3}, 4, 4, false)).isInstanceOf(DecodeException.class);
        // RLE segment longer than the scan line (run of 47 in a 4-pixel line).
        assertThatThrownBy(() -> decode(new byte[] {0x30, (byte) 0xF2}, 4, 1, false))
                .isInstanceOf(DecodeException.class).hasMessageContaining("crosses the end of scan line");
        // Chroma subsampling without YCoCg.
        assertThatThrownBy(() -> decode(new byte[] {0x28}, 4, 1, false)).isInstanceOf(DecodeException.class);
        // Trailing garbage after RLE planes.
        byte[] ok = {0x30, 0x04, 0x04, 0x04, 0x00};
        assertThatThrownBy(() -> decode(ok, 4, 1, false)).isInstanceOf(DecodeException.class);
        // Every truncation of a real stream is rejected cleanly.
        byte[] stream = Fixtures.bytes("conformance/freerdp_files/planar-enc-TEST_RLE_BITMAP_EXPERIMENTAL_01.bin");
        for (int len = 0; len < stream.length; len += 97) {
            byte[] prefix = java.util.Arrays.copyOf(stream, len);
            assertThatThrownBy(() -> decode(prefix, 64, 64, true)).isInstanceOf(DecodeException.class);
        }
    }
}
