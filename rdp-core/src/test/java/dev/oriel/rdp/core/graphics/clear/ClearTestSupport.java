package dev.oriel.rdp.core.graphics.clear;

import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPInputStream;

/** Reference frames and encode/decode helpers shared by the ClearCodec tests. */
final class ClearTestSupport {
    private ClearTestSupport() {
    }

    /** A bench reference frame ({@code fixtures/bench/<name>.bgra.gz}) as 0xAARRGGBB pixels. */
    static int[] frame(String name, int width, int height) {
        try (GZIPInputStream in = new GZIPInputStream(
                new ByteArrayInputStream(Fixtures.bytes("bench/" + name + ".bgra.gz")))) {
            byte[] raw = in.readAllBytes();
            int[] px = new int[width * height];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(px);
            return px;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes one region with {@code encoder} and returns the stream's bytes. */
    static byte[] encode(ClearEncoder encoder, int[] px, int offset, int stride, int w, int h) {
        ByteBuf out = Unpooled.buffer();
        try {
            int n = encoder.encode(px, offset, stride, w, h, out);
            if (n != out.readableBytes() || n > ClearEncoder.maxEncodedSize(w, h)) {
                throw new AssertionError("encode returned " + n + " for " + out.readableBytes() + " bytes");
            }
            byte[] bytes = new byte[n];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    static void decode(ClearDecoder decoder, byte[] stream, int w, int h, int[] dst, int offset, int stride) {
        ByteBuf buf = Unpooled.wrappedBuffer(stream);
        try {
            decoder.decode(buf, w, h, dst, offset, stride);
        } finally {
            buf.release();
        }
    }

    static int[] decode(ClearDecoder decoder, byte[] stream, int w, int h) {
        ByteBuf buf = Unpooled.wrappedBuffer(stream);
        try {
            return decoder.decode(buf, w, h);
        } finally {
            buf.release();
        }
    }

    /** The pixels as the decoder writes them: alpha forced to 0xFF. */
    static int[] opaque(int[] px) {
        int[] out = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = px[i] | 0xFF00_0000;
        }
        return out;
    }
}
