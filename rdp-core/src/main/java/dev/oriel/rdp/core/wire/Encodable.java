package dev.oriel.rdp.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A wire structure that can write itself. Implemented by every PDU record.
 *
 * <p>Contract: {@link #encode} writes exactly {@link #size()} bytes at the writer index and never releases
 * {@code dst}.
 */
public interface Encodable {

    /** Writes this structure at {@code dst}'s writer index. */
    void encode(ByteBuf dst);

    /** The exact number of bytes {@link #encode} writes. */
    int size();

    /** The structure's name, used in error messages and logs. */
    String name();

    /** Allocates a buffer of exactly {@link #size()} bytes and encodes into it. Caller releases. */
    default ByteBuf encodeToBuffer(ByteBufAllocator alloc) {
        int size = size();
        ByteBuf buf = alloc.buffer(size, size);
        boolean ok = false;
        try {
            encode(buf);
            assert buf.readableBytes() == size : name() + " wrote " + buf.readableBytes() + " bytes, size() is " + size;
            ok = true;
            return buf;
        } finally {
            if (!ok) {
                buf.release();
            }
        }
    }

    /** Encodes into a fresh heap array. For tests, fixtures and small control messages. */
    default byte[] toByteArray() {
        ByteBuf buf = encodeToBuffer(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
        try {
            byte[] out = new byte[buf.readableBytes()];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }
}
