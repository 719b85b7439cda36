package dev.oriel.rdp.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * Tells a framer how long the next frame is, by peeking only.
 *
 * <p>Implementations use absolute getters at {@code in.readerIndex()} and never move the reader index.
 */
@FunctionalInterface
public interface FrameHint {

    /** Returned by {@link #findFrameLength} when more bytes are needed to know the length. */
    int NEED_MORE = -1;

    /**
     * The length of the frame starting at {@code in.readerIndex()}, or {@link #NEED_MORE}.
     *
     * @throws dev.oriel.rdp.core.error.DecodeException if the bytes cannot start a valid frame
     */
    int findFrameLength(ByteBuf in);
}
