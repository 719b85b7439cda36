package dev.oriel.rdp.core.channel.svc;

import dev.oriel.rdp.core.connection.ClientCapabilities;
import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the framework gives a {@link StaticChannelProcessor} for one connection: sending, and the connection's
 * executor. Implemented by the session; processors never see MCS, chunking or sockets.
 *
 * <p>Confined to the connection's event loop: call {@link #send} only from {@link StaticChannelProcessor}
 * callbacks or from tasks run through {@link #executor()}.
 */
public interface StaticChannelContext {

    /** The channel name as declared by the client in CS_NET (at most 7 ASCII characters). */
    String channelName();

    /** The MCS channel id the server assigned. */
    int channelId();

    /**
     * Encodes one complete channel message and sends it in chunks of CHANNEL_CHUNK_LENGTH (1600): a VCChunkSize sent
     * by the client is ignored by the server ([MS-RDPBCGR] 2.2.7.1.10), and 1600 is what every client accepts.
     */
    void send(Encodable message);

    /** Sends one complete, already-encoded channel message. Takes ownership of {@code message} (releases it). */
    void send(ByteBuf message);

    /**
     * Sends drawing orders on the update stream, not on this channel: alternate secondary orders such as RAIL's
     * window orders ([MS-RDPERP] 2.2.1.3), in fast-path Orders updates ([MS-RDPBCGR] 2.2.9.1.2.1.2). Orders are
     * packed into as few updates as fit one fast-path PDU each, kept in order, and written after any graphics
     * already sent. An order larger than one PDU travels alone in fragments.
     */
    void sendOrders(List<? extends Encodable> orders);

    /** What the client confirmed in its Confirm Active PDU, including every raw capability set. */
    ClientCapabilities clientCapabilities();

    /** Runs tasks on the connection's event loop, for work arriving from other threads (embedder callbacks). */
    Executor executor();

    /** Runs {@code task} on the event loop after {@code delay}; false when scheduling is not available. */
    default boolean schedule(Runnable task, java.time.Duration delay) {
        return false;
    }
}
