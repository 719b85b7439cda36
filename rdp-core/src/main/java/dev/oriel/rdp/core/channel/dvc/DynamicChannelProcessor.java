package dev.oriel.rdp.core.channel.dvc;

import io.netty.buffer.ByteBuf;

/**
 * Server side of one dynamic virtual channel on one connection ([MS-RDPEDYC]). One instance serves one channel:
 * the {@code drdynvc} host creates the channel by name once its capabilities exchange is done.
 *
 * <p>Callbacks run on the connection's event loop and must not block. A
 * {@link dev.oriel.rdp.core.error.DecodeException} or {@link dev.oriel.rdp.core.error.ChannelException} thrown from
 * {@link #onData} closes this channel only.
 */
public interface DynamicChannelProcessor {

    /** The DVC name to create, e.g. {@code "Microsoft::Windows::RDS::DisplayControl"}. */
    String name();

    /** The client accepted the Create Request; keep {@code context} for sending. */
    void onOpen(DynamicChannelContext context);

    /**
     * One complete, reassembled message (bounded by {@code Limits.maxDvcMessageLength}). Valid only during the
     * call: do not retain or release it.
     */
    void onData(ByteBuf message);

    /** The channel was closed by either side or the connection is closing. */
    default void onClose() {
    }

    /**
     * The client refused the channel (negative creationStatus, usually "no listener", pitfall P-DVC-2): the
     * feature is unavailable on this connection. Not an error.
     */
    default void onCreateFailed(int creationStatus) {
    }
}
