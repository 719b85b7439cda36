package dev.oriel.rdp.core.testutil;

import dev.oriel.rdp.core.wire.FrameHint;
import dev.oriel.rdp.core.wire.RdpFrameHint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a captured byte stream into whole TPKT / fast-path frames. */
public final class Frames {
    private Frames() {
    }

    public static List<byte[]> split(byte[] stream) {
        List<byte[]> out = new ArrayList<>();
        ByteBuf buf = Unpooled.wrappedBuffer(stream);
        try {
            while (buf.isReadable()) {
                int n = RdpFrameHint.TPKT_OR_FAST_PATH.findFrameLength(buf);
                if (n == FrameHint.NEED_MORE || n > buf.readableBytes()) {
                    throw new IllegalArgumentException("truncated frame at " + buf.readerIndex());
                }
                out.add(Arrays.copyOfRange(stream, buf.readerIndex(), buf.readerIndex() + n));
                buf.skipBytes(n);
            }
            return out;
        } finally {
            buf.release();
        }
    }

    /** The concatenation of {@code frames}. */
    public static byte[] join(List<byte[]> frames) {
        int n = frames.stream().mapToInt(f -> f.length).sum();
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] f : frames) {
            System.arraycopy(f, 0, out, o, f.length);
            o += f.length;
        }
        return out;
    }
}
