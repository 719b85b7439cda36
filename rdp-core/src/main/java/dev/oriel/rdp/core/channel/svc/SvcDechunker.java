package dev.oriel.rdp.core.channel.svc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Reassembles static channel chunks into whole messages for one channel ([MS-RDPBCGR] 3.1.5.2.2), bounded by a
 * configured maximum checked on the first chunk, before anything is buffered. Memory grows with the bytes received,
 * never with the declared length. Not thread-safe; confined to the connection's event loop.
 */
public final class SvcDechunker implements AutoCloseable {
    static final String NAME = ChannelPduHeader.NAME;

    private final String channelName;
    private final int maxMessageLength;
    private final ByteBufAllocator alloc;
    private ByteBuf partial;
    private long expected;

    public SvcDechunker(String channelName, int maxMessageLength, ByteBufAllocator alloc) {
        this.channelName = channelName;
        this.maxMessageLength = maxMessageLength;
        this.alloc = alloc;
    }

    public String channelName() {
        return channelName;
    }

    /**
     * Consumes one chunk (header + data; the buffer is neither retained nor released) and returns the whole message
     * when this chunk completes it (the caller releases it), else null.
     */
    public ByteBuf accept(ByteBuf chunk) {
        ChannelPduHeader header = ChannelPduHeader.decode(chunk);
        if (header.has(ChannelPduHeader.CHANNEL_PACKET_COMPRESSED)) {
            // Oriel advertises VCCAPS_NO_COMPR, so a compressed chunk is a protocol error (P-CORE-7).
            throw DecodeException.unsupportedValue(NAME, "flags", "CHANNEL_PACKET_COMPRESSED on " + channelName);
        }
        int n = chunk.readableBytes();
        boolean first = header.has(ChannelPduHeader.CHANNEL_FLAG_FIRST);
        boolean last = header.has(ChannelPduHeader.CHANNEL_FLAG_LAST);
        if (first) {
            if (partial != null) {
                throw DecodeException.invalidField(NAME, "flags", "CHANNEL_FLAG_FIRST while a message is incomplete on "
                        + channelName);
            }
            Wire.checkLimit(header.length(), maxMessageLength, NAME, "length");
            if (n > header.length()) {
                throw DecodeException.invalidField(NAME, "length", "chunk of " + n + " bytes exceeds the declared "
                        + header.length());
            }
            if (last) {
                if (n != header.length()) {
                    throw DecodeException.invalidField(NAME, "length", "single chunk of " + n + " bytes, declared "
                            + header.length());
                }
                return chunk.readRetainedSlice(n);
            }
            expected = header.length();
            partial = alloc.buffer(Math.min(n * 2, (int) expected), (int) expected);
            partial.writeBytes(chunk);
            return null;
        }
        if (partial == null) {
            throw DecodeException.invalidField(NAME, "flags", "chunk without CHANNEL_FLAG_FIRST and nothing in progress on "
                    + channelName);
        }
        if (header.length() != expected) {
            throw DecodeException.invalidField(NAME, "length", "changed from " + expected + " to " + header.length());
        }
        if (partial.readableBytes() + (long) n > expected) {
            throw DecodeException.invalidField(NAME, "length", "data exceeds the declared " + expected + " bytes");
        }
        partial.writeBytes(chunk);
        if (!last) {
            return null;
        }
        if (partial.readableBytes() != expected) {
            throw DecodeException.invalidField(NAME, "length", "CHANNEL_FLAG_LAST after " + partial.readableBytes()
                    + " of " + expected + " bytes");
        }
        ByteBuf done = partial;
        partial = null;
        return done;
    }

    /** Releases an incomplete message, if any. */
    @Override
    public void close() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }
}
