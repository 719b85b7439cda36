package dev.oriel.rdp.core.graphics.progressive;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reference frames and message helpers shared by the progressive tests. */
final class ProgressiveFixtures {
    private ProgressiveFixtures() {
    }

    /** A {@code fixtures/bench/*.bgra.gz} frame as 0xAARRGGBB pixels. */
    static int[] bench(String name) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Fixtures.bytes("bench/" + name)))) {
            byte[] raw = in.readAllBytes();
            int[] out = new int[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deterministic test picture: gradients, a sharp edge and noise. */
    static int[] synthetic(int w, int h, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / Math.max(1, w - 1));
                int g = (y * 255 / Math.max(1, h - 1));
                int b = (x > w / 2 ? 200 : 30) + rnd.nextInt(16);
                px[y * w + x] = 0xFF00_0000 | r << 16 | g << 8 | b;
            }
        }
        return px;
    }

    /** Encodes the whole {@code w × h} picture as one message with headers. */
    static byte[] encode(ProgressiveEncoder encoder, int[] px, int w, int h, List<Rect> rects) {
        ByteBuf buf = Unpooled.buffer();
        try {
            encoder.encode(px, 0, w, w, h, rects, 1, true, buf);
            byte[] out = new byte[buf.readableBytes()];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }

    static byte[] encode(int[] px, int w, int h) {
        return encode(new ProgressiveEncoder(), px, w, h, List.of(new Rect(0, 0, w, h)));
    }

    /** Decodes {@code message} onto a fresh surface. */
    static int[] decode(byte[] message, int w, int h) {
        int[] out = new int[w * h];
        new ProgressiveDecoder(w, h).decode(Unpooled.wrappedBuffer(message), out, w);
        return out;
    }

    /** The largest per-channel difference over R, G and B. */
    static int maxChannelDiff(int[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s <= 16; s += 8) {
                max = Math.max(max, Math.abs((a[i] >> s & 0xFF) - (b[i] >> s & 0xFF)));
            }
        }
        return max;
    }
}
