package dev.oriel.rdp.core.graphics.zgfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.pdu.gfx.ZgfxSegments;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compressor to decompressor, through the RDP_SEGMENTED_DATA container: always byte-exact, with both histories in
 * step across messages, segments and the 2.5 MB wrap.
 */
class ZgfxRoundTripTest {
    static final UnpooledByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    /** One direction of a channel: the server's compressor and the client's decompressor. */
    static final class Channel {
        final ZgfxCompressor compressor;
        final ZgfxDecompressor decompressor = new ZgfxDecompressor();
        long raw;
        long wire;

        Channel(ZgfxCompressor compressor) {
            this.compressor = compressor;
        }

        /** Sends one message and returns its container, checking that the client gets the bytes back. */
        byte[] send(byte[] message) {
            ByteBuf container = ZgfxSegments.wrap(Unpooled.wrappedBuffer(message), compressor, ALLOC);
            try {
                byte[] wireBytes = ByteBufUtil.getBytes(container);
                ByteBuf back = ZgfxSegments.unwrap(container, Integer.MAX_VALUE, decompressor, ALLOC);
                try {
                    assertThat(ByteBufUtil.getBytes(back)).as("message %d bytes after %d", message.length, raw)
                            .isEqualTo(message);
                } finally {
                    back.release();
                }
                assertThat(container.readableBytes()).isZero();
                raw += message.length;
                wire += wireBytes.length;
                assertThat(compressor.historyBytes()).isEqualTo(raw).isEqualTo(decompressor.historyBytes());
                return wireBytes;
            } finally {
                container.release();
            }
        }
    }

    static Stream<ZgfxCompressor> compressors() {
        // The whole history, a greedy-ish minimum effort, a thorough one, and less history than the client keeps (the
        // server's default and the least): the stream must decode whatever the choices.
        return Stream.of(new ZgfxCompressor(), new ZgfxCompressor(1, 4), new ZgfxCompressor(256, 4096),
                new ZgfxCompressor(1 << 20), new ZgfxCompressor(ZgfxCompressor.MIN_HISTORY));
    }

    static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @MethodSource("compressors")
    void assortedMessagesRoundTrip(ZgfxCompressor compressor) {
        Channel ch = new Channel(compressor);
        byte[] fox = "The quick brown fox jumps over the lazy dog. ".getBytes(StandardCharsets.US_ASCII);
        ch.send(new byte[0]);
        ch.send(new byte[] {42});
        ch.send(fox);
        ch.send(fox); // The whole message is one match into the previous one.
        ch.send(random(1, 1000));
        ch.send(random(2, 3 * ZgfxSegments.MAX_SEGMENT + 17)); // Multipart, incompressible.
        byte[] text = new byte[200_000];
        for (int i = 0; i < text.length; i++) {
            text[i] = fox[i % fox.length];
        }
        ch.send(text);
        byte[] runs = new byte[300_001];
        Arrays.fill(runs, 100_000, 200_000, (byte) 0xFF);
        Arrays.fill(runs, 200_000, 300_001, (byte) 0x37);
        ch.send(runs);
        // Every length from 0 to 70 of a small alphabet, to reach all short-match and end-of-segment cases.
        Random random = new Random(3);
        for (int n = 0; n <= 70; n++) {
            byte[] m = new byte[n];
            for (int i = 0; i < n; i++) {
                m[i] = (byte) "ab\0\u00ff".charAt(random.nextInt(4));
            }
            ch.send(m);
        }
        // Exactly one segment, and one byte more.
        ch.send(random(4, ZgfxSegments.MAX_SEGMENT));
        ch.send(random(4, ZgfxSegments.MAX_SEGMENT + 1));
    }

    @ParameterizedTest
    @MethodSource("compressors")
    void planarTilesAndRawPixelsOfADesktopRoundTripAcrossTheHistoryWrap(ZgfxCompressor compressor) {
        Channel ch = new Channel(compressor);
        byte[] desktop = ZgfxBenchFrames.desktopUi();
        List<byte[]> rows = ZgfxBenchFrames.planarTileRows(desktop, 1920, 1080);
        for (byte[] row : rows) {
            ch.send(row);
        }
        // The same frame again: a repeated screen.
        for (byte[] row : rows) {
            ch.send(row);
        }
        // 8.3 MB of raw pixels, 16 scan lines per message: more than three times the history.
        int stride = 1920 * 4;
        for (int y = 0; y < 1080; y += 16) {
            int lines = Math.min(16, 1080 - y);
            ch.send(Arrays.copyOfRange(desktop, y * stride, (y + lines) * stride));
        }
        assertThat(ch.raw).isGreaterThan(3L * ZgfxTokens.HISTORY_SIZE);
        assertThat(ch.wire).isLessThan(ch.raw / 4);
    }

    @Test
    void aLongSeededSequenceWithFarReferencesStaysInStep() {
        // Messages made of fresh random bytes, runs, and copies of earlier stream content from near and far (up to
        // beyond the history), totalling well over twice the 2.5 MB history so that both sides wrap.
        Random random = new Random(11);
        byte[] stream = new byte[8_000_000];
        int streamLength = 0;
        Channel ch = new Channel(new ZgfxCompressor());
        while (streamLength < 7_000_000) {
            int n = 1 + random.nextInt(random.nextBoolean() ? 2_000 : 150_000);
            byte[] m = new byte[n];
            int at = 0;
            while (at < n) {
                int piece = Math.min(n - at, 1 + random.nextInt(5_000));
                int kind = random.nextInt(4);
                int sourceBack = kind == 3 ? ZgfxCompressor.MAX_HISTORY - random.nextInt(100_000)
                        : 1 + random.nextInt(kind == 2 ? 2_700_000 : 60_000);
                if (kind == 0 || streamLength + at < sourceBack) {
                    byte[] fresh = random(random.nextLong(), piece);
                    System.arraycopy(fresh, 0, m, at, piece);
                } else if (kind == 1 && random.nextBoolean()) {
                    Arrays.fill(m, at, at + piece, (byte) random.nextInt(256));
                } else {
                    int from = streamLength + at - sourceBack;
                    for (int i = 0; i < piece; i++) {
                        int s = from + i;
                        m[at + i] = s < streamLength ? stream[s] : m[s - streamLength];
                    }
                }
                at += piece;
            }
            ch.send(m);
            System.arraycopy(m, 0, stream, streamLength, n);
            streamLength += n;
        }
        assertThat(ch.raw).isGreaterThan(2L * ZgfxTokens.HISTORY_SIZE);
        assertThat(ch.wire).isLessThan(ch.raw);
    }

    @Test
    void aRepeated4KBlockCostsLittleAfterItsFirstOccurrence() {
        byte[] block = random(21, 4096);
        Channel ch = new Channel(new ZgfxCompressor());
        byte[] first = ch.send(block);
        // Random bytes do not compress: the segment goes raw, one header byte more than the data.
        assertThat(first).hasSize(2 + block.length);
        assertThat(first[1]).isEqualTo((byte) ZgfxSegments.PACKET_COMPR_TYPE_RDP8);
        // The uncompressed segment is in both histories, so the next occurrence is a match.
        byte[] again = ch.send(block);
        assertThat(again[1]).isEqualTo((byte) (ZgfxSegments.PACKET_COMPR_TYPE_RDP8 | ZgfxSegments.PACKET_COMPRESSED));
        assertThat(again.length).isLessThan(block.length / 10);
        // Sixteen copies in one 64 KiB message, on a fresh channel: only the first copy costs its size.
        byte[] sixteen = new byte[16 * block.length];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(block, 0, sixteen, i * block.length, block.length);
        }
        byte[] wire = new Channel(new ZgfxCompressor()).send(sixteen);
        assertThat(wire.length - block.length).isLessThan(15 * block.length / 10);
    }

    @Test
    void aCompressorWithLessHistoryMatchesOnlyWithinIt() {
        // The same 4 KiB block after 100 KB of noise: within 1 MiB of history it is a match, beyond 64 KiB it is not.
        byte[] block = random(31, 4096);
        for (int history : new int[] {1 << 20, ZgfxCompressor.MIN_HISTORY}) {
            Channel ch = new Channel(new ZgfxCompressor(history));
            ch.send(block);
            ch.send(random(32, 100_000));
            byte[] again = ch.send(block);
            if (history > 104_096) {
                assertThat(again.length).as("history %d", history).isLessThan(block.length / 10);
            } else {
                assertThat(again.length).as("history %d", history).isGreaterThan(block.length);
            }
        }
        assertThatThrownBy(() -> new ZgfxCompressor(ZgfxCompressor.MIN_HISTORY - 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ZgfxCompressor(ZgfxCompressor.MAX_HISTORY + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noiseInsideACompressedSegmentCostsEightBitsPerByte() {
        // Half noise, half text: the segment compresses, and the noise goes as an unencoded run (8 bits a byte)
        // rather than as 9-bit literals, which alone would take 33,750 bytes.
        byte[] m = new byte[60_000];
        System.arraycopy(random(31, 30_000), 0, m, 0, 30_000);
        byte[] fox = "The quick brown fox jumps over the lazy dog. ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 30_000; i < m.length; i++) {
            m[i] = fox[i % fox.length];
        }
        byte[] wire = new Channel(new ZgfxCompressor()).send(m);
        assertThat(wire[1]).isEqualTo((byte) (ZgfxSegments.PACKET_COMPR_TYPE_RDP8 | ZgfxSegments.PACKET_COMPRESSED));
        assertThat(wire.length).isLessThan(30_000 + 300);
    }

    @Test
    void planarTilesOfAUiScreenShrink() {
        Channel ch = new Channel(new ZgfxCompressor());
        List<byte[]> rows = ZgfxBenchFrames.planarTileRows(ZgfxBenchFrames.desktopUi(), 1920, 1080);
        for (byte[] row : rows) {
            ch.send(row);
        }
        long firstPass = ch.wire;
        assertThat(firstPass).isLessThan(ch.raw);
        for (byte[] row : rows) {
            ch.send(row);
        }
        // The repeated screen is all matches into the history.
        assertThat(ch.wire - firstPass).isLessThan(firstPass / 10);
    }

    @Test
    void multipartContainersCarryCompressedSegments() {
        byte[] text = new byte[150_000];
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + (i * 7 % 13));
        }
        ZgfxCompressor compressor = new ZgfxCompressor();
        ByteBuf container = ZgfxSegments.wrap(Unpooled.wrappedBuffer(text), compressor, ALLOC);
        try {
            assertThat(container.readUnsignedByte()).isEqualTo((short) ZgfxSegments.MULTIPART);
            assertThat(container.readUnsignedShortLE()).isEqualTo(3);
            assertThat(container.readUnsignedIntLE()).isEqualTo(text.length);
            for (int i = 0; i < 3; i++) {
                long size = container.readUnsignedIntLE();
                assertThat(container.getUnsignedByte(container.readerIndex()))
                        .isEqualTo((short) (ZgfxSegments.PACKET_COMPR_TYPE_RDP8 | ZgfxSegments.PACKET_COMPRESSED));
                assertThat(size).isLessThan(1_000);
                container.skipBytes((int) size);
            }
            assertThat(container.readableBytes()).isZero();
        } finally {
            container.release();
        }
    }
}
