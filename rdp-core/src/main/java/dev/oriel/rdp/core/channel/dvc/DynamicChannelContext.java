package dev.oriel.rdp.core.channel.dvc;

import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.Executor;

/**
 * What the {@code drdynvc} host gives a {@link DynamicChannelProcessor} for one open dynamic channel.
 * Confined to the connection's event loop, like {@link dev.oriel.rdp.core.channel.svc.StaticChannelContext}.
 */
public interface DynamicChannelContext {

    /** The DVC name, e.g. {@code "Microsoft::Windows::RDS::DisplayControl"}. */
    String channelName();

    /** The channel id the server assigned in its Create Request. */
    long channelId();

    /** Encodes one complete DVC message and sends it, split into DataFirst/Data PDUs as needed. */
    void send(Encodable message);

    /** Sends one complete, already-encoded DVC message. Takes ownership of {@code message} (releases it). */
    void send(ByteBuf message);

    /** Closes this dynamic channel (sends Close Request). */
    void close();

    /** Runs tasks on the connection's event loop. */
    Executor executor();

    /** Runs {@code task} on the event loop after {@code delay}; false when scheduling is not available. */
    default boolean schedule(Runnable task, java.time.Duration delay) {
        return false;
    }
}
