package dev.oriel.rdp.core.api;

import dev.oriel.rdp.core.channel.dvc.DynamicChannelFactory;
import dev.oriel.rdp.core.channel.svc.StaticChannelFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an {@link RdpServer} was built with. Immutable; produced by {@link RdpServer.Builder}.
 *
 * @param bindAddress      where to listen
 * @param tlsIdentity      the TLS key and certificate
 * @param admission        decides on each client
 * @param limits           caps on client-declared values
 * @param staticChannels   static channel factories, tried for every admitted connection
 * @param dynamicChannels  dynamic channel factories, opened over {@code drdynvc}
 * @param ioThreads        event-loop threads serving connections (0 = Netty's default, twice the cores)
 * @param captureDirectory when present, every connection's plaintext byte streams (after TLS) are written there;
 *                         a debugging aid that records credentials, never for production
 * @param graphics         how graphics are encoded for clients of the graphics pipeline
 */
public record ServerConfig(
        InetSocketAddress bindAddress,
        TlsIdentity tlsIdentity,
        SessionAdmission admission,
        Limits limits,
        List<StaticChannelFactory> staticChannels,
        List<DynamicChannelFactory> dynamicChannels,
        int ioThreads,
        Optional<Path> captureDirectory,
        GraphicsOptions graphics) {

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tlsIdentity, "tlsIdentity");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(limits, "limits");
        staticChannels = List.copyOf(staticChannels);
        dynamicChannels = List.copyOf(dynamicChannels);
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0");
        }
        Objects.requireNonNull(captureDirectory, "captureDirectory");
        Objects.requireNonNull(graphics, "graphics");
    }
}
