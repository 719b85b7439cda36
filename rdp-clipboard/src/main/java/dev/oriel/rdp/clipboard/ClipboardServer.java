package dev.oriel.rdp.clipboard;

import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.channel.svc.StaticChannelFactory;
import dev.oriel.rdp.core.channel.svc.StaticChannelProcessor;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Clipboard redirection for an {@code RdpServer}: register it with {@code RdpServer.Builder.staticChannel}. Each
 * session gets a {@link CliprdrChannel} wired to the {@link ClipboardBackend} the function returns for it.
 *
 * <pre>{@code
 * Map<Long, InMemoryClipboard> clipboards = new ConcurrentHashMap<>();
 * RdpServer.builder(address, tls)
 *         .staticChannel(new ClipboardServer(info -> clipboards.computeIfAbsent(info.connectionId(),
 *                 id -> new InMemoryClipboard())))
 *         ...
 * }</pre>
 *
 * <p>Transfers larger than {@link #DEFAULT_MAX_SIZE} (or the channel limit {@code Limits.maxSvcMessageLength},
 * whichever is smaller) fail with a logged reason; the session and the clipboard carry on.
 */
public final class ClipboardServer implements StaticChannelFactory {
    public static final long DEFAULT_MAX_SIZE = 64L << 20;

    private final Function<SessionInfo, ClipboardBackend> backends;
    private final long maxSize;

    public ClipboardServer(Function<SessionInfo, ClipboardBackend> backends) {
        this(backends, DEFAULT_MAX_SIZE);
    }

    public ClipboardServer(Function<SessionInfo, ClipboardBackend> backends, long maxSize) {
        this.backends = Objects.requireNonNull(backends, "backends");
        if (maxSize <= 0) {
            throw new IllegalArgumentException("maxSize must be positive: " + maxSize);
        }
        this.maxSize = maxSize;
    }

    @Override
    public Optional<StaticChannelProcessor> create(SessionInfo session) {
        ClipboardBackend backend = backends.apply(session);
        return backend == null ? Optional.empty() : Optional.of(new CliprdrChannel(session, backend, maxSize));
    }
}
