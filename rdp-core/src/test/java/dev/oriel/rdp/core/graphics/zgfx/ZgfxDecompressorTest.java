package dev.oriel.rdp.core.graphics.zgfx;

import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.pdu.gfx.ZgfxSegments;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RDP 8.0 bulk decompression ([MS-RDPEGFX] 3.1.9.1): public vectors, hand-made streams and rejections. */
class ZgfxDecompressorTest {
    static final UnpooledByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;
    static final String FOX = "The quick brown fox jumps over the lazy dog";

    /** Decodes one segment (header and data) with {@code d}. */
    static byte[] segment(ZgfxDecompressor d, byte[] segment) {
        ByteBuf out = Unpooled.buffer();
        try {
            d.decompress(Unpooled.wrappedBuffer(segment), out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** Decodes one RDP_SEGMENTED_DATA container with {@code d}. */
    static byte[] container(ZgfxDecompressor d, byte[] container) {
        ByteBuf out = ZgfxSegments.unwrap(Unpooled.wrappedBuffer(container), 1 << 24, d, ALLOC);
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static String freerdp(String symbol) {
        return "libfreerdp__codec__test__TestFreeRDPCodecZGfx.c__" + symbol;
    }

    @Test
    void freeRdpFoxVectorsDecodeExactly() {
        byte[] fox = Fixtures.freerdp(freerdp("TEST_FOX_DATA"));
        assertThat(new String(fox, StandardCharsets.US_ASCII)).isEqualTo(FOX);
        assertThat(container(new ZgfxDecompressor(), Fixtures.freerdp(freerdp("TEST_FOX_DATA_SINGLE")))).isEqualTo(fox);
        // Two uncompressed segments, then a compressed one whose matches reach back into them: this only decodes
        // if uncompressed segments enter the history ([MS-RDPEGFX] 3.1.9.1).
        byte[] multipart = Fixtures.freerdp(freerdp("TEST_FOX_DATA_MULTIPART"));
        assertThat(multipart[0] & 0xFF).isEqualTo(ZgfxSegments.MULTIPART);
        ZgfxDecompressor d = new ZgfxDecompressor();
        assertThat(container(d, multipart)).isEqualTo(fox);
        assertThat(d.historyBytes()).isEqualTo(fox.length);
    }

    @Test
    void ironRdpVectorsDecodeInSequenceWithOneHistory() {
        ZgfxDecompressor d = new ZgfxDecompressor();
        long total = 0;
        for (int i = 0; i <= 4; i++) {
            byte[] encoded = Fixtures.bytes("conformance/ironrdp_files/crates__ironrdp-graphics__src__zgfx__test_assets__encoded."
                    + i + ".bin");
            byte[] decoded = Fixtures.bytes("conformance/ironrdp_files/crates__ironrdp-graphics__src__zgfx__test_assets__decoded."
                    + i + ".bin");
            assertThat(container(d, encoded)).as("PDU %d", i).isEqualTo(decoded);
            total += decoded.length;
        }
        assertThat(d.historyBytes()).isEqualTo(total);
    }

    @Test
    void specExampleOfAnUnencodedRun() {
        // [MS-RDPEGFX] 4.2.1.1: prefix 10001 with distance 0, a 15-bit count of 1000, padding, the bytes, no unused bits.
        byte[] run = new byte[1000];
        new Random(5).nextBytes(run);
        System.arraycopy(FOX.getBytes(StandardCharsets.US_ASCII), 0, run, 0, FOX.length());
        byte[] built = new ZgfxTestBits().bits("10001 00000").value(1000, 15).raw(run).segment();
        assertThat(hex(Arrays.copyOf(built, 6))).isEqualTo("248801f40054");
        assertThat(built[built.length - 1]).isZero();
        ZgfxDecompressor d = new ZgfxDecompressor();
        assertThat(segment(d, built)).isEqualTo(run);
        assertThat(d.historyBytes()).isEqualTo(1000);
    }

    @Test
    void literalsOfBothFormsAndAnOverlappingMatch() {
        byte[] seg = new ZgfxTestBits()
                .bits("0 01000001")          // null-literal form: 'A'
                .bits("11000")               // 0x00
                .bits("110110")              // 0xFF
                .bits("11111111")            // 0x66
                .bits("0 01000010")          // 'B'
                .bits("10001 00001").bits("110 010") // distance 1, length 8 + 2: repeats 'B'
                .bits("10001 01111").bits("0")        // distance 15, length 3: the first three bytes again
                .segment();
        assertThat(segment(new ZgfxDecompressor(), seg)).isEqualTo(hex("41 00 ff 66 42" + " 42".repeat(10)
                + " 41 00 ff"));
    }

    @Test
    void emptySegmentsOfBothKinds() {
        ZgfxDecompressor d = new ZgfxDecompressor();
        assertThat(container(d, hex("e0 24 00"))).isEmpty(); // An empty bit stream: only the padding count.
        assertThat(container(d, hex("e0 04"))).isEmpty();
        assertThat(container(d, hex("e1 0200 00000000 02000000 2400 01000000 04"))).isEmpty();
        assertThat(d.historyBytes()).isZero();
    }

    @Test
    void aMatchMayReachBackTheWholeHistory() {
        ZgfxDecompressor d = new ZgfxDecompressor();
        byte[] chunk = new byte[ZgfxSegments.MAX_SEGMENT];
        Random random = new Random(7);
        byte[] first = null;
        int written = 0;
        while (written < ZgfxTokens.HISTORY_SIZE) {
            random.nextBytes(chunk);
            int n = Math.min(chunk.length, ZgfxTokens.HISTORY_SIZE - written);
            byte[] seg = new byte[n + 1];
            seg[0] = 0x04;
            System.arraycopy(chunk, 0, seg, 1, n);
            if (first == null) {
                first = Arrays.copyOf(chunk, 4);
            }
            segment(d, seg);
            written += n;
        }
        // Distance 2,500,000 = 2,414,240 + 85,760 (prefix 10111101, 21 value bits) reaches the oldest byte.
        byte[] far = new ZgfxTestBits().bits("10111101").value(2_500_000 - 2_414_240, 21).bits("10 00").segment();
        assertThat(segment(d, far)).isEqualTo(first);
        byte[] tooFar = new ZgfxTestBits().bits("10111101").value(2_500_001 - 2_414_240, 21).bits("0").segment();
        assertThatThrownBy(() -> segment(d, tooFar)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("matchDistance");
    }

    @Test
    void malformedSegmentsAreRejectedNamingTheField() {
        // Truncated: a literal's byte cut short, a distance cut short, a length code cut short.
        assertRejected(new ZgfxTestBits().bits("0 0100").segment(), "literal");
        assertRejected(new ZgfxTestBits().bits("0 01000001 10001 001").segment(), "matchDistance");
        assertRejected(new ZgfxTestBits().bits("0 01000001 10001 00001 110 0").segment(), "matchLength");
        assertRejected(new ZgfxTestBits().bits("0 01000001 10").segment(), "token");
        assertRejected(hex("24"), "data");
        assertRejected(hex(""), "not enough bytes");
        // Header: not type 4.
        assertRejected(hex("05 41"), "header");
        assertRejected(hex("00"), "header");
        // A match before anything was written, or further back than the history written so far.
        assertRejected(new ZgfxTestBits().bits("10001 00001 0").segment(), "matchDistance");
        assertRejected(new ZgfxTestBits().bits("0 01000001 10001 00010 0").segment(), "matchDistance");
        // A length past the segment's 65,535 bytes: 'A', then distance 1 and length 65,535.
        assertRejected(new ZgfxTestBits().bits("0 01000001 10001 00001").bits("11111111111111 0").value(32767, 15)
                .segment(), "matchLength");
        // A length code with more than 15 bits of prefix.
        assertRejected(new ZgfxTestBits().bits("0 01000001 10001 00001").bits("1111111111111111 0").segment(),
                "matchLength");
        // The unassigned prefixes 10000 and 101111111.
        assertRejected(new ZgfxTestBits().bits("10000 0000").segment(), "token");
        assertRejected(new ZgfxTestBits().bits("101111111 0000000").segment(), "token");
        // The padding count: above 7, or more bits than there are.
        assertRejected(new ZgfxTestBits().bits("0 01000001").segment(8), "paddingBits");
        assertRejected(new ZgfxTestBits().bits("0 01000001").segment(0xFF), "paddingBits");
        assertRejected(hex("24 03"), "paddingBits");
        // An unencoded run longer than the bytes that follow.
        assertRejected(new ZgfxTestBits().bits("10001 00000").value(10, 15).raw(new byte[9]).segment(),
                "unencodedLength");
    }

    @Test
    void outputIsBoundedByTheCallersLimit() {
        byte[] seg = new ZgfxTestBits().bits("0 01000001 10001 00001 1110 1111").segment(); // 1 + 31 bytes
        ZgfxDecompressor d = new ZgfxDecompressor();
        ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> d.decompress(Unpooled.wrappedBuffer(seg), out, 20))
                    .isInstanceOf(DecodeException.class).hasMessageContaining("matchLength")
                    .satisfies(e -> assertThat(((DecodeException) e).error())
                            .isInstanceOf(DecodeError.LimitExceeded.class));
            assertThat(out.readableBytes()).isZero();
        } finally {
            out.release();
        }
        assertThat(segment(new ZgfxDecompressor(), seg)).hasSize(32);
        // An uncompressed segment above the limit, and literals past it.
        assertThatThrownBy(() -> new ZgfxDecompressor().decompress(Unpooled.wrappedBuffer(hex("04 01 02 03")),
                Unpooled.buffer(), 2)).isInstanceOf(DecodeException.class).hasMessageContaining("data");
        assertThatThrownBy(() -> new ZgfxDecompressor().decompress(Unpooled.wrappedBuffer(
                new ZgfxTestBits().bits("11000 11000 11000").segment()), Unpooled.buffer(), 2))
                .isInstanceOf(DecodeException.class).hasMessageContaining("literal");
    }

    @Test
    void aFailedSegmentLeavesTheDecompressorUnusable() {
        ZgfxDecompressor d = new ZgfxDecompressor();
        assertThatThrownBy(() -> segment(d, new ZgfxTestBits().bits("0 01000001 10000").segment()))
                .isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> segment(d, hex("04 41"))).isInstanceOf(DecodeException.class)
                .hasMessageContaining("history");
    }

    private static void assertRejected(byte[] segment, String field) {
        assertThatThrownBy(() -> segment(new ZgfxDecompressor(), segment)).as(hex(segment))
                .isInstanceOf(DecodeException.class).hasMessageContaining(field);
    }
}
