package dev.oriel.rdp.core.channel.svc;

import dev.oriel.rdp.core.testutil.PduAssertions;

import io.netty.buffer.ByteBufUtil;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SvcChunkingTest {

    @Test
    void headerGolden() {
        assertGolden(new ChannelPduHeader(3200, ChannelPduHeader.CHANNEL_FLAG_FIRST | ChannelPduHeader.CHANNEL_FLAG_SHOW_PROTOCOL),
                hex("800c000011000000"), ChannelPduHeader::decode);
    }

    static Stream<Arguments> sizes() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int size : new int[] {0, 1, 1599, 1600, 1601, 3200, 100_000}) {
            for (int chunk : new int[] {1600, 8}) {
                if (!(size == 100_000 && chunk == 8)) {
                    b.add(Arguments.of(size, chunk, 1000L + size + chunk));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} bytes in chunks of {1}, seed {2}")
    @MethodSource("sizes")
    void roundTrip(int size, int chunkSize, long seed) {
        byte[] data = new byte[size];
        new SplittableRandom(seed).nextBytes(data);
        ByteBuf message = Unpooled.wrappedBuffer(data);
        List<ByteBuf> chunks = new ArrayList<>();
        SvcChunker.chunk(message, chunkSize, ChannelPduHeader.CHANNEL_FLAG_SHOW_PROTOCOL, UnpooledByteBufAllocator.DEFAULT,
                chunks::add);
        assertThat(message.readableBytes()).isEqualTo(size);
        message.release();
        assertThat(chunks).hasSize(Math.max(1, (size + chunkSize - 1) / chunkSize));
        try (SvcDechunker dechunker = new SvcDechunker("test", 1 << 20, UnpooledByteBufAllocator.DEFAULT)) {
            ByteBuf whole = null;
            for (int i = 0; i < chunks.size(); i++) {
                ByteBuf c = chunks.get(i);
                ChannelPduHeader h = ChannelPduHeader.decode(c.duplicate());
                assertThat(h.length()).isEqualTo(size);
                assertThat(h.has(ChannelPduHeader.CHANNEL_FLAG_FIRST)).isEqualTo(i == 0);
                assertThat(h.has(ChannelPduHeader.CHANNEL_FLAG_LAST)).isEqualTo(i == chunks.size() - 1);
                assertThat(h.has(ChannelPduHeader.CHANNEL_FLAG_SHOW_PROTOCOL)).isTrue();
                assertThat(c.readableBytes() - ChannelPduHeader.SIZE).isLessThanOrEqualTo(chunkSize);
                ByteBuf r = dechunker.accept(c);
                if (i < chunks.size() - 1) {
                    assertThat(r).isNull();
                } else {
                    whole = r;
                }
            }
            assertThat(whole).isNotNull();
            byte[] back = new byte[whole.readableBytes()];
            whole.readBytes(back);
            assertThat(back).isEqualTo(data);
            whole.release();
            // A single chunk comes back as a retained slice (no copy); once released, every chunk is back to its
            // caller's single reference: the dechunker neither leaked nor released them.
            chunks.forEach(c -> assertThat(c.refCnt()).isEqualTo(1));
        } finally {
            chunks.forEach(ByteBuf::release);
        }
    }

    private static DecodeException reject(SvcDechunker d, String... chunksHex) {
        DecodeException[] caught = new DecodeException[1];
        assertThatThrownBy(() -> {
            for (String h : chunksHex) {
                ByteBuf c = Unpooled.wrappedBuffer(hex(h));
                try {
                    ByteBuf r = d.accept(c);
                    if (r != null) {
                        r.release();
                    }
                } finally {
                    c.release();
                }
            }
        }).isInstanceOf(DecodeException.class).satisfies(e -> caught[0] = (DecodeException) e);
        d.close();
        return caught[0];
    }

    @Test
    void rejections() {
        var alloc = UnpooledByteBufAllocator.DEFAULT;
        // Data beyond the declared length.
        assertThat(reject(new SvcDechunker("c", 100, alloc), "0200000001000000aabbcc").getMessage()).contains("exceeds");
        // LAST with fewer bytes than declared.
        assertThat(reject(new SvcDechunker("c", 100, alloc), "0300000001000000aa", "0300000002000000bb").getMessage())
                .contains("CHANNEL_FLAG_LAST after 2 of 3");
        // A middle chunk with nothing in progress.
        assertThat(reject(new SvcDechunker("c", 100, alloc), "0300000000000000aa").getMessage()).contains("nothing in progress");
        // FIRST while incomplete.
        assertThat(reject(new SvcDechunker("c", 100, alloc), "0300000001000000aa", "0300000001000000aa").getMessage())
                .contains("incomplete");
        // Length changing between chunks.
        assertThat(reject(new SvcDechunker("c", 100, alloc), "0300000001000000aa", "0400000002000000bb").getMessage())
                .contains("changed");
        // Compressed chunk.
        assertThat(reject(new SvcDechunker("c", 100, alloc), "0100000003002000aa").error())
                .isInstanceOf(DecodeError.UnsupportedValue.class);
        // A single chunk whose data is shorter than declared.
        assertThat(reject(new SvcDechunker("c", 100, alloc), "0500000003000000aa").getMessage()).contains("single chunk");
        // Truncated header.
        assertThat(reject(new SvcDechunker("c", 100, alloc), "030000").error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
    }

    /**
     * IronRDP's channel-processing fuzz regression (an rdpdr message starting "rDRI") fed as a chunk: it declares
     * 1.2 GB, so it is skipped without buffering anything, and a second FIRST chunk is a framing error.
     */
    @Test
    void ironRdpChannelProcessingRegression() {
        byte[] data = Fixtures.bytes("conformance/ironrdp_files/crates__ironrdp-testsuite-core__test_data__fuzz_regression__channel_processing__minimized-from-46dc7754493e2231055dddc1c56c88b4b38e7a6e");
        SvcDechunker d = new SvcDechunker("rdpdr", 16 << 20, UnpooledByteBufAllocator.DEFAULT);
        ByteBuf c = Unpooled.wrappedBuffer(data);
        ByteBuf again = Unpooled.wrappedBuffer(data);
        try {
            assertThat(d.accept(c)).isNull();
            assertThat(d.takeDropped()).isEqualTo(-1);
            assertThatThrownBy(() -> d.accept(again)).isInstanceOf(DecodeException.class)
                    .hasMessageContaining("incomplete");
        } finally {
            c.release();
            again.release();
            d.close();
        }
    }

    @Test
    void closeReleasesPartialData() {
        SvcDechunker d = new SvcDechunker("c", 100, UnpooledByteBufAllocator.DEFAULT);
        ByteBuf c = Unpooled.wrappedBuffer(hex("0a00000001000000aabb"));
        assertThat(d.accept(c)).isNull();
        c.release();
        d.close();
        d.close(); // idempotent
    }

    @Test
    void aMessageOverTheLimitIsSkippedWholeAndTheNextOneStillArrives() {
        SvcDechunker d = new SvcDechunker("cliprdr", 4, UnpooledByteBufAllocator.DEFAULT);
        try {
            // 6 bytes declared over a limit of 4: FIRST and LAST chunks are skipped, nothing is buffered.
            assertThat(d.accept(Unpooled.wrappedBuffer(PduAssertions.hex("0600000001000000aabbcc")))).isNull();
            assertThat(d.takeDropped()).isEqualTo(-1);
            assertThat(d.accept(Unpooled.wrappedBuffer(PduAssertions.hex("0600000002000000ddeeff")))).isNull();
            assertThat(d.takeDropped()).isEqualTo(6);
            assertThat(d.takeDropped()).isEqualTo(-1);
            ByteBuf next = d.accept(Unpooled.wrappedBuffer(PduAssertions.hex("0200000003000000 0102")));
            assertThat(PduAssertions.hex(ByteBufUtil.getBytes(next))).isEqualTo("0102");
            next.release();
            // A skipped message is still checked: more data than declared is a framing error.
            d.accept(Unpooled.wrappedBuffer(PduAssertions.hex("0600000001000000aabbcc")));
            assertThatThrownBy(() -> d.accept(Unpooled.wrappedBuffer(PduAssertions.hex("0600000002000000ddeeff00"))))
                    .isInstanceOf(DecodeException.class).hasMessageContaining("exceeds");
        } finally {
            d.close();
        }
    }
}
