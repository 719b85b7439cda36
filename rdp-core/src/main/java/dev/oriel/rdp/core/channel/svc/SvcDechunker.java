package dev.oriel.rdp.core.channel.svc;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Reassembles static channel chunks into whole messages for one channel ([MS-RDPBCGR] 3.1.5.2.2), bounded by a
 * configured maximum checked on the first chunk, before anything is buffered. Memory grows with the bytes received,
 * never with the declared length. A message declared longer than the maximum is skipped whole, chunk by chunk, and
 * reported through {@link #takeDropped()}: the chunk stream stays in step, so the channel remains usable (a too
 * large clipboard paste fails, the clipboard keeps working). Not thread-safe; confined to the connection's event
 * loop.
 */
public final class SvcDechunker implements AutoCloseable {
    static final String NAME = ChannelPduHeader.NAME;

    private final String channelName;
    private final int maxMessageLength;
    private final ByteBufAllocator alloc;
    private ByteBuf partial;
    private long expected;
    /** Bytes of an over-long message skipped so far, or -1 when none is being skipped. */
    private long skipping = -1;
    /** Declared length of the message whose last chunk was just skipped, or -1. */
    private long dropped = -1;

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
            if (partial != null || skipping >= 0) {
                throw DecodeException.invalidField(NAME, "flags", "CHANNEL_FLAG_FIRST while a message is incomplete on "
                        + channelName);
            }
            if (header.length() > maxMessageLength) {
                expected = header.length();
                skipping = 0;
                return skip(n, last);
            }
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
        if (partial == null && skipping < 0) {
            throw DecodeException.invalidField(NAME, "flags", "chunk without CHANNEL_FLAG_FIRST and nothing in progress on "
                    + channelName);
        }
        if (header.length() != expected) {
            throw DecodeException.invalidField(NAME, "length", "changed from " + expected + " to " + header.length());
        }
        if (skipping >= 0) {
            return skip(n, last);
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

    /** Counts one chunk of a message being skipped; the same framing checks apply as when reassembling. */
    private ByteBuf skip(int n, boolean last) {
        if (skipping + n > expected) {
            throw DecodeException.invalidField(NAME, "length", "data exceeds the declared " + expected + " bytes");
        }
        skipping += n;
        if (last) {
            if (skipping != expected) {
                throw DecodeException.invalidField(NAME, "length", "CHANNEL_FLAG_LAST after " + skipping + " of "
                        + expected + " bytes");
            }
            skipping = -1;
            dropped = expected;
        }
        return null;
    }

    /**
     * The declared length of a message longer than the maximum whose last chunk the previous {@link #accept} call
     * skipped, or -1; reading it clears it.
     */
    public long takeDropped() {
        long d = dropped;
        dropped = -1;
        return d;
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
