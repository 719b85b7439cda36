package dev.oriel.samples.demo;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.RdpServer;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.api.TlsIdentity;
import dev.oriel.rdp.clipboard.ClipboardServer;
import dev.oriel.rdp.clipboard.InMemoryClipboard;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.RemoteAppServer;
import dev.oriel.samples.apps.DemoApps;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * The demo server. A desktop client gets its own {@link DemoDesktop} of 1024×768; a RemoteApp client
 * ({@code xfreerdp /app:||notepad}) gets a {@link RemoteAppDesktop} in which it can start the published demo
 * applications ({@link DemoApps}: clock, notepad, paint), each shown as its own window. Any user name and password
 * are accepted — this is a demo. Used by {@link DemoMain} and by the interop tests.
 */
public final class DemoServer implements AutoCloseable {
    private final RdpServer server;
    private final ScheduledExecutorService renderer;
    private final Map<Long, DemoDesktop> desktops = new ConcurrentHashMap<>();
    private final Map<Long, RemoteAppDesktop> remoteApps = new ConcurrentHashMap<>();
    private final RemoteAppServer rail;
    private final Map<Long, InMemoryClipboard> clipboards = new ConcurrentHashMap<>();

    /**
     * @param clock    the clock the desktops show
     * @param tick     whether clocks advance (tests freeze them for deterministic pixels)
     * @param decorate lets tests wrap each session's listener (e.g. to record input); identity otherwise
     */
    public DemoServer(InetSocketAddress bind, TlsIdentity tls, Clock clock, boolean tick,
            UnaryOperator<SessionListener> decorate, UnaryOperator<RdpServer.Builder> configure) {
        this.renderer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oriel-demo-render");
            t.setDaemon(true);
            return t;
        });
        this.rail = RemoteAppServer.builder().publishAll(DemoApps.all(renderer, clock,
                desktop -> desktop.session().map(s -> clipboards.get(s.id())))).build();
        RdpServer.Builder builder = RdpServer.builder(bind, tls)
                .staticChannel(rail)
                .staticChannel(new ClipboardServer(info -> clipboards.computeIfAbsent(info.connectionId(),
                        id -> new InMemoryClipboard())))
                .admission(info -> CompletableFuture.completedFuture(admit(info, clock, tick, decorate)));
        this.server = configure.apply(builder).build();
    }

    /** A RemoteApp desktop for RemoteApp clients, the demo desktop for the others. */
    private SessionDecision admit(SessionInfo info, Clock clock, boolean tick, UnaryOperator<SessionListener> decorate) {
        if (RemoteAppServer.isRemoteAppClient(info)) {
            RemoteAppDesktop apps = new RemoteAppDesktop();
            remoteApps.put(info.connectionId(), apps);
            return SessionDecision.accept(info.requestedSize(), decorate.apply(new Forget(info, apps, remoteApps)));
        }
        DemoDesktop desktop = new DemoDesktop(info, renderer, clock, tick);
        desktops.put(info.connectionId(), desktop);
        return SessionDecision.accept(new DesktopSize(DemoDesktop.WIDTH, DemoDesktop.HEIGHT),
                decorate.apply(new Forget(info, desktop, desktops)));
    }

    /** Starts listening; returns the bound address. */
    public InetSocketAddress start() {
        server.start().toCompletableFuture().join();
        return server.localAddress();
    }

    public RdpServer server() {
        return server;
    }

    /** The desktop of a connection, by {@link SessionInfo#connectionId()}. */
    public DemoDesktop desktop(long connectionId) {
        return desktops.get(connectionId);
    }

    /** The RemoteApp desktop of a RemoteApp connection, by {@link SessionInfo#connectionId()}. */
    public RemoteAppDesktop remoteApp(long connectionId) {
        return remoteApps.get(connectionId);
    }

    /** The clipboard of a connection (copy and paste between the client and the demo), by connection id. */
    public InMemoryClipboard clipboard(long connectionId) {
        return clipboards.get(connectionId);
    }

    /** The published applications. */
    public RemoteAppServer remoteAppServer() {
        return rail;
    }

    @Override
    public void close() {
        server.close();
        renderer.shutdownNow();
    }

    /** Forwards to a session's listener and forgets it from {@code registry} when the session closes. */
    private final class Forget implements SessionListener {
        private final SessionInfo info;
        private final SessionListener inner;
        private final Map<Long, ?> registry;

        Forget(SessionInfo info, SessionListener inner, Map<Long, ?> registry) {
            this.info = info;
            this.inner = inner;
            this.registry = registry;
        }

        @Override
        public void onStart(dev.oriel.rdp.core.api.Session session) {
            inner.onStart(session);
        }

        @Override
        public void onInput(dev.oriel.rdp.core.api.InputEvent event) {
            inner.onInput(event);
        }

        @Override
        public void onOutputSuppressed(boolean suppressed) {
            inner.onOutputSuppressed(suppressed);
        }

        @Override
        public void onClose(dev.oriel.rdp.core.api.CloseReason reason) {
            inner.onClose(reason);
            registry.remove(info.connectionId());
            clipboards.remove(info.connectionId());
        }
    }
}
