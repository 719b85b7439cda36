package dev.oriel.rdp.core.channel.svc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.Consumer;

/**
 * Splits one static channel message into chunks ([MS-RDPBCGR] 3.1.5.2.1, P-SVC-1): each chunk is a
 * {@link ChannelPduHeader} carrying the total length, FIRST on the first chunk, LAST on the last (both on a single
 * chunk), followed by at most {@code chunkSize} payload bytes. An empty message is one chunk with both flags.
 */
public final class SvcChunker {
    /** CHANNEL_CHUNK_LENGTH: what servers send unless told otherwise. */
    public static final int CHANNEL_CHUNK_LENGTH = 1600;

    private SvcChunker() {
    }

    /**
     * @param message    the whole message (readable bytes); the caller keeps ownership and it is not modified
     * @param extraFlags flags added to every chunk (e.g. CHANNEL_FLAG_SHOW_PROTOCOL)
     * @param out        receives each chunk, which it owns
     */
    public static void chunk(ByteBuf message, int chunkSize, int extraFlags, ByteBufAllocator alloc, Consumer<ByteBuf> out) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        int total = message.readableBytes();
        int offset = message.readerIndex();
        int end = offset + total;
        boolean first = true;
        do {
            int n = Math.min(chunkSize, end - offset);
            int flags = extraFlags | (first ? ChannelPduHeader.CHANNEL_FLAG_FIRST : 0)
                    | (offset + n == end ? ChannelPduHeader.CHANNEL_FLAG_LAST : 0);
            ByteBuf chunk = alloc.buffer(ChannelPduHeader.SIZE + n);
            chunk.writeIntLE(total);
            chunk.writeIntLE(flags);
            chunk.writeBytes(message, offset, n);
            out.accept(chunk);
            offset += n;
            first = false;
        } while (offset < end);
    }
}
