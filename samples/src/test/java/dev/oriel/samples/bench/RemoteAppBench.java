package dev.oriel.samples.bench;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Frame;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.RdpServer;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.pdu.fastpath.FastPathInputEvent;
import dev.oriel.rdp.core.security.TlsIdentities;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.rdp.rail.PublishedApp;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.RemoteAppServer;
import dev.oriel.rdp.rail.WindowListener;
import dev.oriel.rdp.rail.WindowSpec;
import dev.oriel.rdp.rail.pdu.ClientStatus;
import dev.oriel.rdp.rail.pdu.Exec;
import dev.oriel.rdp.rail.pdu.Handshake;
import dev.oriel.rdp.testkit.client.ClientOptions;
import dev.oriel.rdp.testkit.client.RdpTestClient;
import dev.oriel.samples.apps.DemoApps;
import dev.oriel.samples.apps.NotepadApp;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * RemoteApp figures over TLS on loopback, with the test-kit client playing a RemoteApp client ({@code INFO_RAIL},
 * the {@code rail} channel, Handshake, Client Status, Client Execute):
 * <ol>
 * <li>latency from damaging a 256×256 region of a window ({@code AppWindow.paint}) to its bytes written to the
 * connection (the returned stage) and to the client having decoded them, against the same damage submitted to a
 * plain desktop session ({@code Session.submitFrame}) in the same run, the reference;</li>
 * <li>bytes the client receives per character typed into the notepad.</li>
 * </ol>
 * Run: {@code mvn -B -q -pl samples -am verify -DskipTests -Pbench}. Figures, not assertions.
 */
public final class RemoteAppBench {
    static final int REGION = 256;
    static final Rect DAMAGE = new Rect(128, 128, REGION, REGION);
    static final Rect WINDOW = new Rect(64, 64, 512, 512);

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int typed = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Map<Long, RemoteAppDesktop> desktops = new ConcurrentHashMap<>();
        CompletableFuture<AppWindow> benchWindow = new CompletableFuture<>();
        CompletableFuture<Session> plainSession = new CompletableFuture<>();
        RemoteAppServer rail = RemoteAppServer.builder()
                .publish(new PublishedApp("bench", "Bench", (desktop, request) -> {
                    AppWindow w = desktop.createWindow(WindowSpec.normal("Bench", WINDOW, null, "bench"),
                            new WindowListener() { });
                    w.paint(solid(WINDOW.width(), WINDOW.height(), 0xFF202020));
                    w.show();
                    benchWindow.complete(w);
                }))
                .publishAll(DemoApps.all(timer, Clock.systemUTC()))
                .build();
        try (RdpServer server = RdpServer.builder(new InetSocketAddress("127.0.0.1", 0),
                TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom()))
                .staticChannel(rail)
                .admission(info -> CompletableFuture.completedFuture(admit(info, desktops, plainSession)))
                .build()) {
            server.start().toCompletableFuture().join();
            InetSocketAddress address = server.localAddress();
            System.out.printf("RemoteApp bench: %d samples of a %dx%d damage, %d typed characters%n", samples, REGION,
                    REGION, typed);

            // Reference first: the same damage on a plain desktop session.
            try (RdpTestClient plain = RdpTestClient.connect(address, options(false))) {
                Session s = plainSession.get(20, TimeUnit.SECONDS);
                int[] desktop = new int[1024 * 768];
                Damage plainDamage = (color) -> {
                    for (int y = DAMAGE.y(); y < DAMAGE.bottom(); y++) {
                        Arrays.fill(desktop, y * 1024 + DAMAGE.x(), y * 1024 + DAMAGE.right(), color);
                    }
                    return s.submitFrame(new Frame(PixelBuffer.ofInts(desktop, 1024, 768, PixelFormat.XRGB32),
                            List.of(DAMAGE))).toCompletableFuture();
                };
                measure(samples, plain, DAMAGE, plainDamage); // a whole round to warm the shared path up
                Latencies ref = measure(samples, plain, DAMAGE, plainDamage);
                ref.print("desktop submitFrame (reference)");

                try (RdpTestClient app = RdpTestClient.connect(address, options(true))) {
                    startApp(app, "||bench");
                    AppWindow w = benchWindow.get(20, TimeUnit.SECONDS);
                    int[] px = new int[WINDOW.width() * WINDOW.height()];
                    Rect screen = new Rect(WINDOW.x() + DAMAGE.x(), WINDOW.y() + DAMAGE.y(), REGION, REGION);
                    Latencies rl = measure(samples, app, screen, (color) -> {
                        for (int y = DAMAGE.y(); y < DAMAGE.bottom(); y++) {
                            Arrays.fill(px, y * WINDOW.width() + DAMAGE.x(), y * WINDOW.width() + DAMAGE.right(), color);
                        }
                        return w.paint(PixelBuffer.ofInts(px, WINDOW.width(), WINDOW.height(), PixelFormat.XRGB32),
                                List.of(DAMAGE)).toCompletableFuture();
                    });
                    rl.print("RemoteApp window paint");
                    System.out.printf("  ratio RemoteApp/desktop p50: written %.2f, client %.2f%n",
                            rl.writtenP50() / ref.writtenP50(), rl.clientP50() / ref.clientP50());
                }
            }

            // Bytes per typed character in the notepad.
            try (RdpTestClient app = RdpTestClient.connect(address, options(true))) {
                startApp(app, "||notepad");
                RemoteAppDesktop d = awaitDesktopWithWindow(desktops, "Untitled - Notepad");
                AppWindow w = d.windows().stream().filter(x -> x.title().endsWith("Notepad")).findFirst().orElseThrow();
                NotepadApp notepad = NotepadApp.of(w).orElseThrow();
                quiesce(app);
                long before = app.bytesReceived();
                long t0 = System.nanoTime();
                for (int i = 0; i < typed; i++) {
                    // Lines of 40 letters (q w e r t y u i o p), then Enter, so every character stays visible.
                    int scancode = i % 41 == 40 ? 0x1C : (i % 41 % 10) + 0x10;
                    app.sendInput(new FastPathInputEvent.Scancode(0, scancode));
                    app.sendInput(new FastPathInputEvent.Scancode(1, scancode));
                    int expected = i + 1;
                    awaitTrue(() -> notepad.text().length() >= expected);
                }
                long elapsed = System.nanoTime() - t0;
                quiesce(app);
                long bytes = app.bytesReceived() - before;
                System.out.printf("notepad typing: %d characters (lines of 40), %d bytes received, %.0f bytes/char, "
                        + "%.1f ms/char (key to text, sequential)%n", typed, bytes, (double) bytes / typed,
                        elapsed / 1e6 / typed);
            }
        } finally {
            timer.shutdownNow();
        }
    }

    static SessionDecision admit(SessionInfo info, Map<Long, RemoteAppDesktop> desktops,
            CompletableFuture<Session> plainSession) {
        if (RemoteAppServer.isRemoteAppClient(info)) {
            RemoteAppDesktop d = new RemoteAppDesktop(false);
            desktops.put(info.connectionId(), d);
            return SessionDecision.accept(info.requestedSize(), d);
        }
        return SessionDecision.accept(new DesktopSize(1024, 768), new SessionListener() {
            @Override
            public void onStart(Session session) {
                plainSession.complete(session);
            }
        });
    }

    static ClientOptions options(boolean remoteApp) {
        ClientOptions o = ClientOptions.defaults().withSize(1024, 768);
        return remoteApp ? o.withChannels(List.of("rail")).withInfoFlags(SessionInfo.INFO_RAIL) : o;
    }

    /** The client half of the RAIL start-up ([MS-RDPERP] 1.3.2.1): answer the server's handshake, then execute. */
    static void startApp(RdpTestClient client, String program) throws Exception {
        byte[] serverHandshake = client.channelMessages("rail").poll(20, TimeUnit.SECONDS);
        if (serverHandshake == null) {
            throw new IllegalStateException("no RAIL handshake from the server");
        }
        client.sendChannel("rail", new Handshake(0x1DB0).toByteArray());
        client.sendChannel("rail", new ClientStatus(ClientStatus.TS_RAIL_CLIENTSTATUS_ALLOWLOCALMOVESIZE).toByteArray());
        client.sendChannel("rail", new Exec(0, program, "", "").toByteArray());
    }

    interface Damage {
        CompletableFuture<Void> apply(int color);
    }

    record Latencies(List<Long> written, List<Long> client) {
        double writtenP50() {
            return percentile(written, 50);
        }

        double clientP50() {
            return percentile(client, 50);
        }

        void print(String what) {
            System.out.printf("%s: damage -> written p50 %.3f ms p90 %.3f ms p99 %.3f ms; damage -> client decoded p50 "
                    + "%.3f ms p90 %.3f ms p99 %.3f ms%n", what, percentile(written, 50), percentile(written, 90),
                    percentile(written, 99), percentile(client, 50), percentile(client, 90), percentile(client, 99));
        }
    }

    static Latencies measure(int samples, RdpTestClient client, Rect screen, Damage damage) throws Exception {
        List<Long> written = new ArrayList<>();
        List<Long> decoded = new ArrayList<>();
        int probe = (screen.bottom() - 1) * client.width() + screen.right() - 1;
        for (int i = 0; i < samples + 20; i++) {
            int color = 0xFF000000 | (i * 0x3F1A27 + 0x123456) & 0xFFFFFF;
            long t0 = System.nanoTime();
            CompletableFuture<Void> done = damage.apply(color);
            done.get(20, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            if (!client.awaitFramebuffer(fb -> fb[probe] == color)) {
                throw new IllegalStateException("the client never showed sample " + i);
            }
            long t2 = System.nanoTime();
            if (i >= 20) { // the first ones warm up the JIT
                written.add(t1 - t0);
                decoded.add(t2 - t0);
            }
        }
        return new Latencies(written, decoded);
    }

    static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    static PixelBuffer solid(int w, int h, int argb) {
        int[] px = new int[w * h];
        Arrays.fill(px, argb);
        return PixelBuffer.ofInts(px, w, h, PixelFormat.XRGB32);
    }

    static RemoteAppDesktop awaitDesktopWithWindow(Map<Long, RemoteAppDesktop> desktops, String title)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (RemoteAppDesktop d : desktops.values()) {
                if (d.windows().stream().anyMatch(w -> w.title().equals(title))) {
                    return d;
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no window titled " + title);
    }

    /** Waits until the client received nothing for 300 ms. */
    static void quiesce(RdpTestClient client) throws InterruptedException {
        long last = -1;
        while (client.bytesReceived() != last) {
            last = client.bytesReceived();
            Thread.sleep(300);
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(1);
        }
    }
}
