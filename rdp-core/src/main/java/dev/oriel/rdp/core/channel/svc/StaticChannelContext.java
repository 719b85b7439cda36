package dev.oriel.rdp.core.channel.svc;

import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;
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

    /** Runs tasks on the connection's event loop, for work arriving from other threads (embedder callbacks). */
    Executor executor();
}
