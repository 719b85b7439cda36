package dev.oriel.rdp.core.pdu.gfx;

import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.graphics.zgfx.ZgfxCompressor;
import dev.oriel.rdp.core.graphics.zgfx.ZgfxDecompressor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RDP8 bulk-compression containers ([MS-RDPEGFX] 2.2.5), with uncompressed and compressed segments. */
class ZgfxSegmentsTest {
    static final UnpooledByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    static byte[] wrap(byte[] data) {
        ByteBuf out = ZgfxSegments.wrap(Unpooled.wrappedBuffer(data), ALLOC);
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static byte[] unwrap(byte[] container, int max) {
        ByteBuf out = ZgfxSegments.unwrap(Unpooled.wrappedBuffer(container), max, ALLOC);
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    @Test
    void aSmallMessageIsOneSegment() {
        byte[] pdu = new EndFrame(3).toByteArray();
        byte[] wrapped = wrap(pdu);
        assertThat(hex(wrapped)).isEqualTo("e004" + "0c000000" + "0c000000" + "03000000");
        assertThat(unwrap(wrapped, 1 << 20)).isEqualTo(pdu);
    }

    @Test
    void aLargeMessageIsSplitIntoSegmentsOf65535Bytes() {
        byte[] data = new byte[2 * ZgfxSegments.MAX_SEGMENT + 10];
        new Random(1).nextBytes(data);
        byte[] wrapped = wrap(data);
        ByteBuf w = Unpooled.wrappedBuffer(wrapped);
        assertThat(w.readUnsignedByte()).isEqualTo((short) ZgfxSegments.MULTIPART);
        assertThat(w.readUnsignedShortLE()).isEqualTo(3);
        assertThat(w.readUnsignedIntLE()).isEqualTo(data.length);
        assertThat(w.readUnsignedIntLE()).isEqualTo(ZgfxSegments.MAX_SEGMENT + 1);
        assertThat(w.readUnsignedByte()).isEqualTo((short) ZgfxSegments.PACKET_COMPR_TYPE_RDP8);
        assertThat(wrapped).hasSize(1 + 2 + 4 + 3 * 5 + data.length);
        assertThat(unwrap(wrapped, 1 << 20)).isEqualTo(data);
    }

    @Test
    void badContainersAreRejectedNamingTheField() {
        assertThatThrownBy(() -> unwrap(hex("e2040102"), 100)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("descriptor");
        assertThatThrownBy(() -> unwrap(hex("e0240102"), 100)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("compressed");
        assertThatThrownBy(() -> unwrap(hex("e0010102"), 100)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("RDP8");
        assertThatThrownBy(() -> unwrap(hex("e004" + "00".repeat(200)), 100)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("segment");
        // Multipart: segments larger than announced, a segment past the end, a total above the limit.
        assertThatThrownBy(() -> unwrap(hex("e1 0100 02000000 05000000 04 01020304"), 100))
                .isInstanceOf(DecodeException.class).hasMessageContaining("uncompressedSize");
        assertThatThrownBy(() -> unwrap(hex("e1 0100 04000000 09000000 04 01020304"), 100))
                .isInstanceOf(DecodeException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> unwrap(hex("e1 0100 00100000"), 100)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("uncompressedSize");
        assertThatThrownBy(() -> unwrap(hex("e1 0200 04000000 05000000 04 01020304"), 100))
                .isInstanceOf(DecodeException.class);
    }

    static byte[] unwrap(byte[] container, int max, ZgfxDecompressor decompressor) {
        ByteBuf out = ZgfxSegments.unwrap(Unpooled.wrappedBuffer(container), max, decompressor, ALLOC);
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static byte[] wrap(byte[] data, ZgfxCompressor compressor) {
        ByteBuf out = ZgfxSegments.wrap(Unpooled.wrappedBuffer(data), compressor, ALLOC);
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    @Test
    void withCodecsContainersRoundTripAndUncompressedOnesStillRead() {
        ZgfxCompressor compressor = new ZgfxCompressor();
        ZgfxDecompressor decompressor = new ZgfxDecompressor();
        byte[] pdu = new EndFrame(3).toByteArray();
        // A container without compression reads the same with a decompressor, and enters its history.
        assertThat(unwrap(wrap(pdu), 100, decompressor)).isEqualTo(pdu);
        assertThat(decompressor.historyBytes()).isEqualTo(pdu.length);
        // Fresh codecs on both sides. An empty message is an empty bit stream (FreeRDP refuses a segment of only a
        // header byte); a small one that does not gain is sent raw; the 12-byte PDU shrinks (its zeros are 5-bit
        // literals), and 20 of them shrink much more.
        compressor = new ZgfxCompressor();
        decompressor = new ZgfxDecompressor();
        byte[] empty = wrap(new byte[0], compressor);
        assertThat(hex(empty)).isEqualTo("e02400");
        byte[] small = wrap(hex("d3a75e"), compressor);
        assertThat(hex(small)).isEqualTo("e004d3a75e");
        byte[] one = wrap(pdu, compressor);
        assertThat(one[1]).isEqualTo((byte) (ZgfxSegments.PACKET_COMPR_TYPE_RDP8 | ZgfxSegments.PACKET_COMPRESSED));
        assertThat(one.length).isLessThan(2 + pdu.length);
        byte[] frames = new byte[20 * pdu.length];
        for (int i = 0; i < 20; i++) {
            System.arraycopy(new EndFrame(i % 2).toByteArray(), 0, frames, i * pdu.length, pdu.length);
        }
        byte[] compressed = wrap(frames, compressor);
        assertThat(compressed[1]).isEqualTo((byte) (ZgfxSegments.PACKET_COMPR_TYPE_RDP8 | ZgfxSegments.PACKET_COMPRESSED));
        assertThat(compressed.length).isLessThan(frames.length / 10);
        assertThat(unwrap(empty, 100, decompressor)).isEmpty();
        assertThat(unwrap(small, 100, decompressor)).isEqualTo(hex("d3a75e"));
        assertThat(unwrap(one, 100, decompressor)).isEqualTo(pdu);
        assertThat(unwrap(compressed, 1000, decompressor)).isEqualTo(frames);
        assertThat(decompressor.historyBytes()).isEqualTo(compressor.historyBytes()).isEqualTo(3 + 21 * 12);
        // Without a decompressor, a compressed container is still refused.
        assertThatThrownBy(() -> unwrap(compressed, 1000)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("compressed");
    }

    @Test
    void compressedSegmentsStayWithinTheContainersLimits() {
        // 'A' then a match of 31 bytes at distance 1: 5 data bytes that decode to 32.
        String seg = "20 c4 3d e0 05";
        assertThat(unwrap(hex("e0 24" + seg), 100, new ZgfxDecompressor())).hasSize(32);
        assertThatThrownBy(() -> unwrap(hex("e0 24" + seg), 20, new ZgfxDecompressor()))
                .isInstanceOf(DecodeException.class)
                .satisfies(e -> assertThat(((DecodeException) e).error()).isInstanceOf(DecodeError.LimitExceeded.class));
        // Multipart: a segment yielding more than uncompressedSize announced.
        assertThatThrownBy(() -> unwrap(hex("e1 0100 10000000 06000000 24" + seg), 100, new ZgfxDecompressor()))
                .isInstanceOf(DecodeException.class).hasMessageContaining("matchLength");
        // Multipart: segments yielding less.
        assertThatThrownBy(() -> unwrap(hex("e1 0100 40000000 06000000 24" + seg), 100, new ZgfxDecompressor()))
                .isInstanceOf(DecodeException.class).hasMessageContaining("uncompressedSize");
        // A segment larger than 65,535 bytes plus the 1,000 bytes of allowed expansion.
        byte[] big = new byte[11 + 66_538];
        System.arraycopy(hex("e1 0100 10000000 ea030100 24"), 0, big, 0, 12);
        assertThatThrownBy(() -> unwrap(big, 1 << 20, new ZgfxDecompressor())).isInstanceOf(DecodeException.class)
                .hasMessageContaining("size").hasMessageContaining("66538");
    }
}
