package dev.oriel.rdp.core.graphics.zgfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.oriel.rdp.core.pdu.gfx.ZgfxSegments;
import dev.oriel.rdp.core.testutil.Mutator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations (bit flips, interesting values, truncations, insertions, deletions) of valid compressed
 * containers: decoding either succeeds within its limits or fails with a {@link dev.oriel.rdp.core.error.DecodeException},
 * never another exception, and never hangs.
 */
class ZgfxMutationTest {
    static final UnpooledByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;
    static final int MAX_SIZE = 200_000;

    @Test
    void mutatedContainersFailOnlyWithDecodeException() {
        // A history prefix that the mutated containers may refer to, and the containers that follow it.
        byte[] prefix = "The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs."
                .repeat(20).getBytes(StandardCharsets.US_ASCII);
        byte[] prefixContainer = wrap(new ZgfxCompressor(), prefix);
        List<byte[]> messages = new ArrayList<>();
        Random random = new Random(99);
        messages.add(ZgfxMeasure.planar(ZgfxBenchFrames.tileUi(), 64, 64));
        messages.add(ZgfxBenchFrames.tileUi());
        byte[] mixed = new byte[90_000]; // Multipart: text, runs and random bytes.
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = i % 3000 < 1000 ? prefix[i % prefix.length] : i % 3000 < 2000 ? 0 : (byte) random.nextInt();
        }
        messages.add(mixed);
        byte[] small = new byte[300];
        random.nextBytes(small);
        messages.add(small); // A raw segment.
        messages.add(prefix);
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] m : messages) {
            // Each seed is compressed against exactly the history the decoding side will have: the prefix.
            ZgfxCompressor compressor = new ZgfxCompressor();
            wrap(compressor, prefix);
            seeds.add(wrap(compressor, m));
        }
        // An unencoded run then an overlapping match.
        seeds.add(container(new ZgfxTestBits().bits("10001 00000").value(5, 15)
                .raw("hello".getBytes(StandardCharsets.US_ASCII)).bits("10001 00001 10 11").segment()));
        for (byte[] seed : seeds) {
            decodeAfterPrefix(prefixContainer, seed); // The unmutated seeds decode.
        }

        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (long seed = 0; seed < 4_000; seed++) {
                Mutator mutator = new Mutator(seed);
                byte[] input = mutator.mutate(seeds.get((int) (seed % seeds.size())));
                if (mutator.random().nextBoolean()) {
                    input = mutator.mutate(input);
                }
                byte[] mutated = input;
                boolean failed = Mutator.expectOnlyRdpExceptions(seed, mutated,
                        () -> decodeAfterPrefix(prefixContainer, mutated));
                outcomes[failed ? 0 : 1]++;
            }
        });
        int failures = outcomes[0];
        int successes = outcomes[1];
        // Both outcomes occur, so the mutations reach the bit stream rather than only the container.
        assertThat(failures).isGreaterThan(800);
        assertThat(successes).isGreaterThan(100);
    }

    @Test
    void randomBytesAsACompressedSegmentFailOnlyWithDecodeException() {
        Random random = new Random(5);
        for (long seed = 0; seed < 3_000; seed++) {
            byte[] data = new byte[1 + random.nextInt(seed % 10 == 0 ? 70_000 : 200)];
            random.nextBytes(data);
            data[0] = (byte) 0x24;
            if (random.nextBoolean()) {
                data[data.length - 1] = (byte) random.nextInt(8); // A plausible padding count.
            }
            Mutator.expectOnlyRdpExceptions(seed, data, () -> {
                ByteBuf out = Unpooled.buffer();
                try {
                    new ZgfxDecompressor().decompress(Unpooled.wrappedBuffer(data), out);
                    assertThat(out.readableBytes()).isLessThanOrEqualTo(ZgfxSegments.MAX_SEGMENT);
                } finally {
                    out.release();
                }
            });
        }
    }

    /** A fresh client that has decoded {@code prefix}, then decodes {@code container} within the size limit. */
    private static void decodeAfterPrefix(byte[] prefix, byte[] container) {
        ZgfxDecompressor d = new ZgfxDecompressor();
        ZgfxSegments.unwrap(Unpooled.wrappedBuffer(prefix), MAX_SIZE, d, ALLOC).release();
        ByteBuf out = ZgfxSegments.unwrap(Unpooled.wrappedBuffer(container), MAX_SIZE, d, ALLOC);
        try {
            assertThat(out.readableBytes()).isLessThanOrEqualTo(MAX_SIZE);
        } finally {
            out.release();
        }
    }

    private static byte[] container(byte[] segment) {
        byte[] c = new byte[segment.length + 1];
        c[0] = (byte) ZgfxSegments.SINGLE;
        System.arraycopy(segment, 0, c, 1, segment.length);
        return c;
    }

    private static byte[] wrap(ZgfxCompressor compressor, byte[] message) {
        ByteBuf c = ZgfxSegments.wrap(Unpooled.wrappedBuffer(message), compressor, ALLOC);
        try {
            return ByteBufUtil.getBytes(c);
        } finally {
            c.release();
        }
    }
}
