package dev.oriel.rdp.core.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.Executor;

/**
 * What a {@link ServerSession} needs from its connection, implemented by the Netty adapter (and by recording fakes in
 * tests). All methods are called on the connection's event loop.
 */
public interface SessionTransport {

    ByteBufAllocator alloc();

    /** Queues one or more whole frames; takes ownership of {@code frames}. Not flushed until {@link #flush()}. */
    void write(ByteBuf frames);

    void flush();

    /** False while the outbound buffer is above its high-water mark: stop encoding graphics until it drains. */
    boolean isWritable();

    /** Runs tasks on the connection's event loop, flushing after each. */
    Executor executor();

    /**
     * Runs {@code task} on the connection's event loop after {@code delay}; false when this transport cannot
     * schedule (then nothing runs).
     */
    default boolean schedule(Runnable task, java.time.Duration delay) {
        return false;
    }

    /** Flushes what was written, then closes the connection. */
    void close();

    /** Monotonic time in nanoseconds (injected so the session stays free of clocks). */
    long nanoTime();
}
