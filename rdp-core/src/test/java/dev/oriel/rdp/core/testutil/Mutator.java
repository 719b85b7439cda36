package dev.oriel.rdp.core.testutil;

import static org.assertj.core.api.Assertions.fail;

import dev.oriel.rdp.core.error.RdpException;
import dev.oriel.rdp.core.wire.FrameHint;
import dev.oriel.rdp.core.wire.RdpFrameHint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded, reproducible mutations of valid PDUs for robustness tests: whatever a peer sends, decoding and the state
 * machines may only fail with an {@link RdpException} (which closes that connection), never with another exception.
 * A failure names the seed and the mutated bytes so it can be replayed as a unit test.
 */
public final class Mutator {
    private static final int[] INTERESTING = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE};
    private static final long[] INTERESTING_WORDS = {0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFFL,
        0x8000_0000L, 0xFFFF_FFFFL};

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** One random mutation of {@code base}: bit flips, interesting bytes or words, truncation, insertion, deletion. */
    public byte[] mutate(byte[] base) {
        byte[] b = base.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(4); i < n && b.length > 0; i++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                for (int i = 0, n = 1 + random.nextInt(3); i < n && b.length > 0; i++) {
                    b[random.nextInt(b.length)] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256)
                            : INTERESTING[random.nextInt(INTERESTING.length)]);
                }
            }
            case 2 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
            case 3 -> {
                byte[] extra = new byte[1 + random.nextInt(16)];
                random.nextBytes(extra);
                int at = random.nextInt(b.length + 1);
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                b = out;
            }
            case 4 -> {
                int width = random.nextBoolean() ? 2 : 4;
                if (b.length >= width) {
                    int at = random.nextInt(b.length - width + 1);
                    long v = INTERESTING_WORDS[random.nextInt(INTERESTING_WORDS.length)];
                    for (int i = 0; i < width; i++) {
                        b[at + i] = (byte) (v >>> (8 * i)); // little-endian, like most RDP fields
                    }
                }
            }
            default -> {
                if (b.length > 1) {
                    int from = random.nextInt(b.length);
                    int to = Math.min(b.length, from + 1 + random.nextInt(8));
                    byte[] out = new byte[b.length - (to - from)];
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, to, out, from, b.length - to);
                    b = out;
                }
            }
        }
        return b;
    }

    /**
     * A mutated frame as the framer would hand it on: usually with its TPKT or fast-path length patched to the new
     * size (so the mutation reaches the PDU inside), then cut where {@link RdpFrameHint} says the frame ends. Empty
     * when the framer would reject the bytes or wait for more.
     */
    public Optional<byte[]> mutateFrame(byte[] frame) {
        byte[] b = mutate(frame);
        if (random.nextInt(4) != 0) {
            patchLength(b);
        }
        ByteBuf buf = Unpooled.wrappedBuffer(b);
        try {
            int n = RdpFrameHint.TPKT_OR_FAST_PATH.findFrameLength(buf);
            return n == FrameHint.NEED_MORE || n > b.length ? Optional.empty() : Optional.of(Arrays.copyOf(b, n));
        } catch (RdpException e) {
            return Optional.empty();
        } finally {
            buf.release();
        }
    }

    private static void patchLength(byte[] b) {
        if (b.length >= 4 && b[0] == 3) {
            b[2] = (byte) (b.length >>> 8); // TPKT length is big-endian (RFC 1006)
            b[3] = (byte) b.length;
        } else if (b.length >= 3 && (b[1] & 0x80) != 0 && b.length <= 0x7FFF) {
            b[1] = (byte) (0x80 | b.length >>> 8);
            b[2] = (byte) b.length;
        } else if (b.length >= 2 && (b[1] & 0x80) == 0 && b.length < 0x80) {
            b[1] = (byte) b.length;
        }
    }

    /**
     * Runs {@code action}; an exception other than {@link RdpException} fails the test, naming seed and input.
     * Returns whether an {@link RdpException} was thrown, so callers can check both outcomes occur.
     */
    public static boolean expectOnlyRdpExceptions(long seed, byte[] input, Runnable action) {
        try {
            action.run();
            return false;
        } catch (RdpException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                fail("seed " + seed + ": RdpException without a message for " + HexFormat.of().formatHex(input));
            }
            return true;
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e + " for input " + HexFormat.of().formatHex(input), e);
        }
    }
}
