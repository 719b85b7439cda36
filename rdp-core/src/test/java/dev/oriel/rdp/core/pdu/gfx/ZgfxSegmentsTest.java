package dev.oriel.rdp.core.pdu.gfx;

import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RDP8 bulk-compression containers with uncompressed segments ([MS-RDPEGFX] 2.2.5). */
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
}
