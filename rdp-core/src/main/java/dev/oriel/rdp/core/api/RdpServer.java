package dev.oriel.rdp.core.api;

import dev.oriel.rdp.core.channel.dvc.DynamicChannelFactory;
import dev.oriel.rdp.core.channel.svc.StaticChannelFactory;
import dev.oriel.rdp.core.netty.RdpServerImpl;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * An RDP server: TLS security, the full connection sequence, fast-path input and output, static and dynamic
 * virtual channels. Build one with {@link #builder}, then {@link #start()} it.
 *
 * <pre>{@code
 * RdpServer server = RdpServer.builder(new InetSocketAddress("127.0.0.1", 3389), TlsIdentity.selfSigned(stateDir))
 *         .admission(info -> CompletableFuture.completedFuture(
 *                 SessionDecision.accept(info.requestedSize(), new MyDesktop())))
 *         .build();
 * server.start().toCompletableFuture().join();
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} disconnects every session and releases the event loops.
 */
public interface RdpServer extends AutoCloseable {

    static Builder builder(InetSocketAddress bindAddress, TlsIdentity tlsIdentity) {
        return new Builder(bindAddress, tlsIdentity);
    }

    /** Binds the listening socket; completes when the server accepts connections. */
    CompletionStage<Void> start();

    /** The bound address (with the actual port when bound to port 0). Only valid after {@link #start()} completed. */
    InetSocketAddress localAddress();

    /** A snapshot of the active sessions. */
    Collection<Session> sessions();

    ServerConfig config();

    /** Stops accepting, closes every connection and waits for the event loops to terminate. */
    @Override
    void close();

    /** Collects the server configuration; {@link #build()} validates it. */
    final class Builder {
        private final InetSocketAddress bindAddress;
        private final TlsIdentity tlsIdentity;
        private SessionAdmission admission;
        private Limits limits = Limits.defaults();
        private final List<StaticChannelFactory> staticChannels = new ArrayList<>();
        private final List<DynamicChannelFactory> dynamicChannels = new ArrayList<>();
        private int ioThreads;
        private Path captureDirectory;
        private GraphicsOptions graphics = GraphicsOptions.defaults();

        private Builder(InetSocketAddress bindAddress, TlsIdentity tlsIdentity) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            this.tlsIdentity = Objects.requireNonNull(tlsIdentity, "tlsIdentity");
        }

        /** Required: decides on every client. */
        public Builder admission(SessionAdmission admission) {
            this.admission = Objects.requireNonNull(admission);
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /** Adds a static virtual channel (e.g. {@code cliprdr}, {@code rail}). */
        public Builder staticChannel(StaticChannelFactory factory) {
            staticChannels.add(Objects.requireNonNull(factory));
            return this;
        }

        /** Adds a dynamic virtual channel, opened over {@code drdynvc}. */
        public Builder dynamicChannel(DynamicChannelFactory factory) {
            dynamicChannels.add(Objects.requireNonNull(factory));
            return this;
        }

        /** Event-loop threads for connections; 0 (the default) lets Netty choose. */
        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /**
         * Debugging aid: writes each connection's plaintext byte streams (after TLS) into {@code directory}. The
         * streams contain the client's credentials: never enable in production.
         */
        public Builder captureDirectory(Path directory) {
            this.captureDirectory = Objects.requireNonNull(directory);
            return this;
        }

        /** How graphics pipeline clients are served; {@link GraphicsOptions#defaults()} unless set. */
        public Builder graphics(GraphicsOptions options) {
            this.graphics = Objects.requireNonNull(options);
            return this;
        }

        public RdpServer build() {
            if (admission == null) {
                throw new IllegalStateException("admission is required");
            }
            return new RdpServerImpl(new ServerConfig(bindAddress, tlsIdentity, admission, limits, staticChannels,
                    dynamicChannels, ioThreads, Optional.ofNullable(captureDirectory), graphics));
        }
    }
}
