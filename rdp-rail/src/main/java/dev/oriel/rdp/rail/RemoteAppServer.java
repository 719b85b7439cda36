package dev.oriel.rdp.rail;

import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.channel.svc.StaticChannelFactory;
import dev.oriel.rdp.core.channel.svc.StaticChannelProcessor;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.pdu.capability.RemoteProgramsCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.WindowListCapabilitySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * RemoteApp for an {@code RdpServer}: register it with {@code RdpServer.Builder.staticChannel}, and admit RemoteApp
 * clients with a {@link RemoteAppDesktop} as their session listener.
 *
 * <pre>{@code
 * RemoteAppServer rail = RemoteAppServer.builder()
 *         .publish(new PublishedApp("notepad", "Notepad", (desktop, request) -> new Notepad(desktop)))
 *         .build();
 * RdpServer server = RdpServer.builder(address, tls)
 *         .staticChannel(rail)
 *         .admission(info -> CompletableFuture.completedFuture(info.remoteApp()
 *                 ? SessionDecision.accept(info.requestedSize(), new RemoteAppDesktop())
 *                 : SessionDecision.reject("RemoteApp only")))
 *         .build();
 * }</pre>
 *
 * <p>For RemoteApp clients it adds the Remote Programs and Window List capability sets to Demand Active
 * ([MS-RDPERP] 2.2.1.1) and serves the {@code rail} channel ({@link RailChannel}).
 */
public final class RemoteAppServer implements StaticChannelFactory {
    /**
     * RAIL_LEVEL_SUPPORTED is what makes xfreerdp stay in RemoteApp mode (P-RAIL-2); HANDSHAKE_EX lets clients that
     * support it get the extended handshake.
     */
    static final long RAIL_SUPPORT_LEVEL = RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED
            | RemoteProgramsCapabilitySet.RAIL_LEVEL_HANDSHAKE_EX_SUPPORTED;
    /** Exactly 2 (SUPPORTED_EX): xfreerdp 2.x validates every window order against it and rejects all at 3 (P-RAIL-1). */
    static final int WINDOW_SUPPORT_LEVEL = WindowListCapabilitySet.WINDOW_LEVEL_SUPPORTED_EX;
    /** Icon caches the server may use; Oriel sends icons uncached, so it advertises FreeRDP's defaults. */
    static final int ICON_CACHES = 3;
    static final int ICON_CACHE_ENTRIES = 12;

    private final List<PublishedApp> apps;
    private final boolean hiDef;

    private RemoteAppServer(List<PublishedApp> apps, boolean hiDef) {
        this.apps = List.copyOf(apps);
        this.hiDef = hiDef;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The published applications. */
    public List<PublishedApp> apps() {
        return apps;
    }

    /** Whether {@code info} is a RemoteApp client this server serves: INFO_RAIL and the {@code rail} channel. */
    public static boolean isRemoteAppClient(SessionInfo info) {
        return info.remoteApp() && info.hasStaticChannel(RailChannel.CHANNEL_NAME);
    }

    @Override
    public List<CapabilitySet> capabilitySets(SessionInfo session) {
        if (!isRemoteAppClient(session)) {
            return List.of();
        }
        return List.of(new RemoteProgramsCapabilitySet(RAIL_SUPPORT_LEVEL),
                new WindowListCapabilitySet(WINDOW_SUPPORT_LEVEL, OptionalInt.of(ICON_CACHES),
                        OptionalInt.of(ICON_CACHE_ENTRIES)));
    }

    @Override
    public Optional<StaticChannelProcessor> create(SessionInfo session) {
        return isRemoteAppClient(session) ? Optional.of(new RailChannel(session, apps, hiDef)) : Optional.empty();
    }

    /** Collects the published applications. */
    public static final class Builder {
        private final List<PublishedApp> apps = new ArrayList<>();
        private boolean hiDef = true;

        private Builder() {
        }

        public Builder publish(PublishedApp app) {
            for (PublishedApp a : apps) {
                if (a.alias().equalsIgnoreCase(app.alias())) {
                    throw new IllegalArgumentException("alias published twice: " + app.alias());
                }
            }
            apps.add(app);
            return this;
        }

        public Builder publishAll(List<PublishedApp> apps) {
            apps.forEach(this::publish);
            return this;
        }

        /**
         * Whether clients that ask for HiDef RemoteApp (mstsc, msrdc) get each window on a graphics surface of its own,
         * composed by the client with its alpha, instead of windows composited into a desktop the client cuts them
         * from (what FreeRDP 2.x needs, and all clients get without the graphics pipeline). On by default; it needs
         * the server's graphics pipeline ({@code GraphicsOptions.pipeline()}).
         */
        public Builder hiDef(boolean enabled) {
            this.hiDef = enabled;
            return this;
        }

        public RemoteAppServer build() {
            return new RemoteAppServer(apps, hiDef);
        }
    }
}
