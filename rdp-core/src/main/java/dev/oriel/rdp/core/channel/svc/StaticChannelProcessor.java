package dev.oriel.rdp.core.channel.svc;

import io.netty.buffer.ByteBuf;

/**
 * Server side of one static virtual channel on one connection ([MS-RDPBCGR] 3.1.5.2). Feature modules
 * ({@code cliprdr}, {@code rail}, {@code rdpsnd}) and the {@code drdynvc} host implement it.
 *
 * <p>The framework reassembles chunks (bounded by {@code Limits.maxSvcMessageLength}) before {@link #process},
 * and chunks what the processor sends. All callbacks run on the connection's event loop and must not block.
 *
 * <p>Failure scope: a {@link dev.oriel.rdp.core.error.DecodeException} or
 * {@link dev.oriel.rdp.core.error.ChannelException} thrown from {@link #process} disables this processor (its
 * later data is dropped and logged) but keeps the connection.
 */
public interface StaticChannelProcessor {

    /** The channel name this processor serves, at most 7 ASCII characters ({@code "rail"}, {@code "cliprdr"}). */
    String name();

    /**
     * Called once when the connection is active and the client can receive channel data (after it has gone
     * active: data sent earlier is dropped by FreeRDP 2.x, pitfall P-CORE-1). Keep {@code context} for later
     * sends.
     */
    default void start(StaticChannelContext context) {
    }

    /**
     * One complete channel message from the client. {@code message} is valid only during the call: do not
     * retain or release it.
     */
    void process(ByteBuf message);

    /**
     * The client sent a message longer than {@code Limits.maxSvcMessageLength}; it was skipped whole (and logged) and
     * the channel stays usable. A processor waiting for a reply (clipboard data, say) fails that request here.
     */
    default void messageDropped(long declaredLength) {
    }

    /** The connection is closing; release resources. No more sends are possible. */
    default void close() {
    }
}
