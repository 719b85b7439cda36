package dev.oriel.rdp.core.graphics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Interleaved RLE decoder ([MS-RDPBCGR] 3.1.9): IronRDP's and FreeRDP's vectors decoded exactly, a hand-built stream
 * with every order code, and rejection of malformed streams.
 */
class InterleavedDecoderTest {
    private static final int A = 0x1234;
    private static final int B = 0x5678;
    private static final int C = 0x9ABC;
    private static final int W = 0xFFFF;

    private static final List<String> IRONRDP_TILES = List.of("27019fd9f222cebce9dfebcddb12bfa0",
            "284f668a9366a95e45f15b6bf634a633", "28c08e75c82ab598c5ab85d1bfc00253", "2de3f3262a5eeecc3152552c178b782a",
            "3fc8124af9be2fe88b445db60c36eddc", "4d75aa6a18c435c6230ba739b802a861", "8b8ccc77526730d0cd8989901cc031ec",
            "94bb5b131eb3bc110905dfcb0f60da79", "9b06660a1da806d2d48ce3f46b45d571", "a412fbe2b435ac627ce39048aa3d3fb3",
            "aa326e7a536cc8a0420c44bdf4ef8d97", "fbcefc9af4db651aefd91bcabc8ea9fc");

    @Test
    void decodesIronRdpTilesExactly() {
        // IronRDP's 64×64 16-bpp tiles: compressed stream and the RGB565 pixels in stream row order.
        for (String tile : IRONRDP_TILES) {
            String base = "conformance/ironrdp_files/crates__ironrdp-testsuite-core__test_data__rle__tile-" + tile;
            byte[] stream = Fixtures.bytes(base + "-compressed.bin");
            byte[] expected = Fixtures.bytes(base + "-decompressed.bin");
            int[] got = InterleavedDecoder.decodeNative(Unpooled.wrappedBuffer(stream), 64, 64, 16);
            byte[] gotBytes = new byte[got.length * 2];
            for (int i = 0; i < got.length; i++) {
                gotBytes[2 * i] = (byte) got[i];
                gotBytes[2 * i + 1] = (byte) (got[i] >> 8);
            }
            assertThat(gotBytes).as(tile).isEqualTo(expected);
        }
    }

    @Test
    void decodesFreeRdpEncoderTestStreamsAsFreeRdpDoes() {
        // FreeRDP's TestFreeRDPCodecInterleaved: encoder_test_01 (64×64) encoded at each depth, and FreeRDP's own
        // decoding of it as BGRA32, top row first.
        for (int bpp : new int[] {15, 16, 24}) {
            byte[] stream = Fixtures.bytes("conformance/freerdp_files/interleaved-enc-" + bpp + "-encoder_test_01.bin");
            byte[] decoded = Fixtures.bytes("conformance/freerdp_files/interleaved-dec-enc-" + bpp + "-encoder_test_01.bin");
            int[] expected = new int[64 * 64];
            ByteBuffer.wrap(decoded).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(expected);
            int[] got = InterleavedDecoder.decodeNative(Unpooled.wrappedBuffer(stream), 64, 64, bpp);
            // Stream rows are bottom-up, FreeRDP's output top-down.
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    assertThat(Integer.toHexString(freeRdpWidened(got[(63 - y) * 64 + x], bpp)))
                            .as(bpp + " bpp pixel " + x + "," + y)
                            .isEqualTo(Integer.toHexString(expected[y * 64 + x] & 0xFFFFFF));
                }
            }
        }
    }

    /**
     * A wire pixel (0xRRGGBB) as FreeRDP 2.11 and 3 widen it: 5-bit channels as 8c + c / 4 (bit replication, like
     * Oriel), but RGB565 green as min(255, 4g + g / 8) where Oriel replicates bits; compared exactly through that.
     */
    static int freeRdpWidened(int v, int bpp) {
        int argb = Interleaved.toArgb(v, bpp) & 0xFFFFFF;
        if (bpp != 16) {
            return argb;
        }
        int g = v >> 5 & 0x3F;
        return argb & 0xFF00FF | Math.min(255, 4 * g + g / 8) << 8;
    }

    /** Every order code once, 16 bpp, 8 pixels a row, rows in stream order; the comments give each order's pixels. */
    static byte[] everyOrderStream() {
        ByteBuf s = Unpooled.buffer();
        // Row 0, the first line: "above" is black.
        s.writeByte(0x02); // REGULAR_BG_RUN 2: 0 0
        s.writeByte(0x21); // REGULAR_FG_RUN 1, foreground still white: W
        s.writeByte(0x01); // REGULAR_BG_RUN 1: 0
        s.writeByte(0x02); // REGULAR_BG_RUN 2 right after a BG run: foreground inserted first: W 0
        s.writeByte(0xFE); // BLACK: 0
        s.writeByte(0xFD); // WHITE: W
        // Row 1.
        s.writeByte(0x63).writeShortLE(A); // REGULAR_COLOR_RUN 3: A A A
        s.writeByte(0x82).writeShortLE(B).writeShortLE(C); // REGULAR_COLOR_IMAGE 2: B C
        s.writeByte(0xC3).writeShortLE(C); // LITE_SET_FG_FG_RUN 3, fg := C: above ^ C = C C W^C
        // Row 2.
        s.writeByte(0xE2).writeShortLE(A).writeShortLE(B); // LITE_DITHERED_RUN 2 pairs: A B A B
        s.writeByte(0x40).writeByte(3).writeByte(0x05); // REGULAR_FGBG_IMAGE, length byte 3 + 1 = 4, bits 1010
        // Row 3.
        s.writeByte(0xD1).writeShortLE(A).writeByte(0x81); // LITE_SET_FG_FGBG_IMAGE 1 × 8, fg := A, bits 10000001
        // Row 4 and 5.
        s.writeByte(0xF9); // SPECIAL_FGBG_1: bits 11000000
        s.writeByte(0xFA); // SPECIAL_FGBG_2: bits 10100000
        // Row 6: MEGA_MEGA forms, 16-bit lengths.
        s.writeByte(0xF3).writeShortLE(2).writeShortLE(C); // MEGA_MEGA_COLOR_RUN 2: C C
        s.writeByte(0xF4).writeShortLE(1).writeShortLE(A); // MEGA_MEGA_COLOR_IMAGE 1: A
        s.writeByte(0xF0).writeShortLE(2); // MEGA_MEGA_BG_RUN 2
        s.writeByte(0xF1).writeShortLE(1); // MEGA_MEGA_FG_RUN 1 (fg A)
        s.writeByte(0xF8).writeShortLE(1).writeShortLE(B).writeShortLE(C); // MEGA_MEGA_DITHERED_RUN 1 pair: B C
        // Row 7.
        s.writeByte(0xF6).writeShortLE(2).writeShortLE(B); // MEGA_MEGA_SET_FG_RUN 2, fg := B
        s.writeByte(0xF7).writeShortLE(3).writeShortLE(C).writeByte(0x05); // MEGA_MEGA_SET_FGBG_IMAGE 3, fg := C
        s.writeByte(0xF2).writeShortLE(3).writeByte(0x02); // MEGA_MEGA_FGBG_IMAGE 3, bits 010
        // Rows 8 to 31: regular and lite orders with a length byte.
        s.writeByte(0x00).writeByte(0); // REGULAR_BG_RUN, 0 + 32: rows 8-11 repeat row 7
        s.writeByte(0x20).writeByte(0); // REGULAR_FG_RUN, 0 + 32, fg C: rows 12-15 alternate row 7 ^ C, row 7
        s.writeByte(0x60).writeByte(0).writeShortLE(A); // REGULAR_COLOR_RUN, 0 + 32: rows 16-19 A
        s.writeByte(0x80).writeByte(0); // REGULAR_COLOR_IMAGE, 0 + 32: rows 20-23 i × 0x111
        for (int i = 0; i < 32; i++) {
            s.writeShortLE(i * 0x111);
        }
        s.writeByte(0xC0).writeByte(0).writeShortLE(B); // LITE_SET_FG_FG_RUN, 0 + 16, fg := B: rows 24-25
        s.writeByte(0xE0).writeByte(0).writeShortLE(A).writeShortLE(C); // LITE_DITHERED_RUN, 0 + 16 pairs: rows 26-29
        s.writeByte(0xD0).writeByte(15).writeShortLE(A).writeByte(0xFF).writeByte(0x00); // LITE_SET_FG_FGBG, 15 + 1
        byte[] bytes = new byte[s.readableBytes()];
        s.readBytes(bytes);
        return bytes;
    }

    static int[] everyOrderPixels() {
        int[] e = new int[8 * 32];
        int[][] rows = {
            {0, 0, W, 0, W, 0, 0, W},
            {A, A, A, B, C, C, C, W ^ C},
            {A, B, A, B, 0, C, 0, W ^ C},
            {0, B, A, B, 0, C, 0, W ^ C ^ A},
            {A, B ^ A, A, B, 0, C, 0, W ^ C ^ A},
            {0, B ^ A, 0, B, 0, C, 0, W ^ C ^ A},
            {C, C, A, B, 0, C ^ A, B, C},
            {C ^ B, C ^ B, A ^ C, B, C, C ^ A, B ^ C, C},
        };
        for (int y = 0; y < rows.length; y++) {
            System.arraycopy(rows[y], 0, e, y * 8, 8);
        }
        for (int y = 8; y < 12; y++) {
            System.arraycopy(rows[7], 0, e, y * 8, 8);
        }
        for (int i = 12 * 8; i < 16 * 8; i++) {
            e[i] = e[i - 8] ^ C;
        }
        Arrays.fill(e, 16 * 8, 20 * 8, A);
        for (int i = 0; i < 32; i++) {
            e[20 * 8 + i] = i * 0x111;
        }
        for (int i = 24 * 8; i < 26 * 8; i++) {
            e[i] = e[i - 8] ^ B;
        }
        for (int i = 26 * 8; i < 30 * 8; i += 2) {
            e[i] = A;
            e[i + 1] = C;
        }
        for (int i = 30 * 8; i < 31 * 8; i++) {
            e[i] = e[i - 8] ^ A;
        }
        System.arraycopy(e, 30 * 8, e, 31 * 8, 8);
        return e;
    }

    @Test
    void decodesEveryOrderCodeAsTheSpecDescribes() {
        int[] got = InterleavedDecoder.decodeNative(Unpooled.wrappedBuffer(everyOrderStream()), 8, 32, 16);
        assertThat(got).isEqualTo(everyOrderPixels());
    }

    @Test
    void widensToArgbAndFlipsTheBottomUpRows() {
        // 24 bpp pixels go B, G, R; the stream's first row is the image's bottom row.
        byte[] stream = {(byte) 0x81, 0x33, 0x22, 0x11, (byte) 0xFE};
        assertThat(InterleavedDecoder.decode(Unpooled.wrappedBuffer(stream), 1, 2, 24))
                .containsExactly(0xFF000000, 0xFF112233);
        // 16 bpp RGB565 and 15 bpp RGB555 white widen to 0xFFFFFF, a mid value by bit replication.
        assertThat(InterleavedDecoder.decode(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFD}), 1, 1, 16))
                .containsExactly(0xFFFFFFFF);
        assertThat(InterleavedDecoder.decode(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFD}), 1, 1, 15))
                .containsExactly(0xFFFFFFFF);
        assertThat(InterleavedDecoder.decode(Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, 0x10, (byte) 0x84}),
                1, 1, 16)).containsExactly(0xFF848284); // 10000 100000 10000
        assertThat(InterleavedDecoder.decode(Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, 0x10, 0x42}),
                1, 1, 15)).containsExactly(0xFF848484); // 10000 10000 10000
    }

    @Test
    void rejectsTruncatedOrders() {
        // Cut inside an order: rejected. Cut between orders: the stream ends early, and what it reached is exact
        // (the rest stays black, as FreeRDP and IronRDP leave it).
        byte[] stream = everyOrderStream();
        int[] full = everyOrderPixels();
        int rejected = 0;
        for (int cut = 0; cut < stream.length; cut++) {
            byte[] head = Arrays.copyOf(stream, cut);
            try {
                int[] got = InterleavedDecoder.decodeNative(Unpooled.wrappedBuffer(head), 8, 32, 16);
                int reached = 0;
                while (reached < got.length && got[reached] == full[reached]) {
                    reached++;
                }
                for (int i = reached; i < got.length; i++) {
                    assertThat(got[i]).as("cut at %d, pixel %d", cut, i).isZero();
                }
            } catch (DecodeException e) {
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(stream.length / 2);
        assertRejected(new byte[] {0x63, 0x34}, 4, 1, 16, "pixel"); // COLOR_RUN without its whole pixel
        assertRejected(new byte[] {(byte) 0x84, 1, 2, 3, 4, 5, 6, 7}, 4, 1, 16, "pixels"); // COLOR_IMAGE short
        assertRejected(new byte[] {(byte) 0xF3, 0x04}, 4, 1, 16, "runLength"); // MEGA_MEGA length cut
        assertRejected(new byte[] {0x60}, 64, 1, 16, "runLength"); // length byte missing
        assertRejected(new byte[] {(byte) 0xD1, 0x34, 0x12}, 8, 1, 16, "bitmask");
        assertRejected(new byte[] {(byte) 0xE2, 0x34, 0x12}, 4, 1, 16, "pixelB");
        assertRejected(new byte[] {(byte) 0xC2, 0x34}, 4, 1, 16, "fgPel");
    }

    @Test
    void rejectsRunsPastTheEndOfTheBitmap() {
        assertRejected(new byte[] {0x05}, 4, 1, 16, "runLength"); // BG run of 5 into 4 pixels
        assertRejected(new byte[] {0x64, 0, 0, 0x61, 0, 0}, 4, 1, 16, "runLength"); // second run of 1: one too many
        assertRejected(new byte[] {(byte) 0xF0, (byte) 0xFF, (byte) 0xFF}, 64, 64, 16, "runLength");
        assertRejected(new byte[] {(byte) 0xE3, 0, 0, 0, 0}, 4, 1, 16, "runLength"); // 3 pairs = 6 pixels
        assertRejected(new byte[] {0x41, 0}, 4, 1, 16, "runLength"); // FGBG of 8 into 4
        assertRejected(new byte[] {(byte) 0xF9}, 4, 1, 16, "runLength"); // special FGBG always covers 8
        assertRejected(new byte[] {(byte) 0xFD, (byte) 0xFE}, 1, 1, 24, "runLength");
        assertRejected(new byte[] {(byte) 0xF4, 0, 0}, 4, 1, 16, "runLength"); // MEGA_MEGA length 0
    }

    @Test
    void rejectsUnassignedOrderCodes() {
        // 101x xxxx is no regular order; 0xF5, 0xFB, 0xFC and 0xFF are neither MEGA_MEGA nor special orders.
        for (int code : new int[] {0xA0, 0xA5, 0xBF, 0xF5, 0xFB, 0xFC, 0xFF}) {
            assertRejected(new byte[] {(byte) code, 0, 0, 0, 0, 0, 0}, 4, 1, 16, "orderHeader");
        }
    }

    @Test
    void rejectsUnsupportedDepthsAndSizes() {
        for (int bpp : new int[] {0, 1, 4, 8, 32}) {
            assertThatThrownBy(() -> InterleavedDecoder.decode(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFE}),
                    1, 1, bpp)).isInstanceOf(DecodeException.class).hasMessageContaining("bitsPerPixel");
        }
        assertRejected(new byte[] {(byte) 0xFE}, 0, 1, 16, "size");
        assertRejected(new byte[] {(byte) 0xFE}, 1 << 13, 1 << 13, 16, "size");
    }

    @Test
    void mutatedStreamsGiveOnlyDecodeExceptions() {
        // Valid streams of encoded content, flipped and truncated at random: the decoder either decodes them or
        // throws DecodeException, and always finishes (output is bounded by width × height).
        Random random = new Random(7);
        InterleavedEncoder encoder = new InterleavedEncoder(64 * 64);
        int[][] sources = {InterleavedEncoderTest.textLike(64, 64, random), InterleavedEncoderTest.noise(64, 64, random),
            InterleavedEncoderTest.flat(64, 64, 0xFF336699)};
        int decoded = 0;
        int rejected = 0;
        for (int bpp : new int[] {15, 16, 24}) {
            for (int[] src : sources) {
                ByteBuf out = Unpooled.buffer();
                encoder.encode(src, 0, 64, 64, 64, bpp, out);
                byte[] valid = new byte[out.readableBytes()];
                out.readBytes(valid);
                for (int k = 0; k < 700; k++) {
                    byte[] m = valid.clone();
                    int flips = 1 + random.nextInt(4);
                    for (int f = 0; f < flips; f++) {
                        int i = random.nextInt(m.length);
                        m[i] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (m[i] ^ 1 << random.nextInt(8));
                    }
                    if (random.nextInt(3) == 0) {
                        m = Arrays.copyOf(m, random.nextInt(m.length + 1));
                    }
                    try {
                        InterleavedDecoder.decode(Unpooled.wrappedBuffer(m), 64, 64, bpp);
                        decoded++;
                    } catch (DecodeException e) {
                        rejected++;
                    }
                }
            }
        }
        assertThat(decoded + rejected).isEqualTo(9 * 700);
        assertThat(rejected).isPositive();
    }

    @Test
    void randomBytesGiveOnlyDecodeExceptions() {
        Random random = new Random(11);
        for (int k = 0; k < 3000; k++) {
            byte[] m = new byte[random.nextInt(300)];
            random.nextBytes(m);
            int w = 1 + random.nextInt(40);
            int h = 1 + random.nextInt(40);
            int bpp = new int[] {15, 16, 24}[random.nextInt(3)];
            try {
                InterleavedDecoder.decode(Unpooled.wrappedBuffer(m), w, h, bpp);
            } catch (DecodeException expected) {
                // the only allowed failure
            }
        }
    }

    private static void assertRejected(byte[] stream, int width, int height, int bpp, String field) {
        assertThatThrownBy(() -> InterleavedDecoder.decode(Unpooled.wrappedBuffer(stream), width, height, bpp))
                .isInstanceOf(DecodeException.class).hasMessageContaining(field);
    }
}
