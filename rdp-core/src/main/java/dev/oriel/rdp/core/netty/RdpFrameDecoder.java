package dev.oriel.rdp.core.netty;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.FrameHint;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the inbound byte stream into whole RDP frames (TPKT or fast-path), each emitted as a retained slice
 * (the next handler releases it).
 *
 * <p>The length is checked against the configured maximum as soon as the header is readable, before waiting for
 * the body, so a hostile length cannot make the connection buffer memory. After the first error all further input
 * is discarded. Not sharable: one per connection.
 */
public final class RdpFrameDecoder extends ByteToMessageDecoder {
    private final FrameHint hint;
    private final int maxFrameLength;
    private boolean failed;

    public RdpFrameDecoder(FrameHint hint, int maxFrameLength) {
        this.hint = hint;
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            int length = hint.findFrameLength(in);
            if (length == FrameHint.NEED_MORE) {
                return;
            }
            if (length > maxFrameLength) {
                throw DecodeException.limitExceeded("RdpFrame", "length", length, maxFrameLength);
            }
            if (in.readableBytes() < length) {
                return;
            }
            out.add(in.readRetainedSlice(length));
        } catch (DecodeException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    /** Bytes received but not yet framed; must be zero at the X.224 → TLS switch. */
    public int bufferedBytes() {
        return actualReadableBytes();
    }
}
