package dev.oriel.rdp.rail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.RdpServer;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.api.TlsIdentity;
import dev.oriel.rdp.core.graphics.gfx.GfxChannel;
import dev.oriel.rdp.core.pdu.gfx.DeleteSurface;
import dev.oriel.rdp.core.pdu.gfx.MapSurfaceToScaledWindow;
import dev.oriel.rdp.core.security.TlsIdentities;
import dev.oriel.rdp.rail.pdu.ClientStatus;
import dev.oriel.rdp.rail.pdu.Exec;
import dev.oriel.rdp.rail.pdu.Handshake;
import dev.oriel.rdp.rail.pdu.HandshakeEx;
import dev.oriel.rdp.rail.pdu.RailPdu;
import dev.oriel.rdp.testkit.client.ClientOptions;
import dev.oriel.rdp.testkit.client.RdpTestClient;
import dev.oriel.rdp.testkit.gfx.GfxClientModel;
import dev.oriel.rdp.testkit.gfx.GfxTestClient;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HiDef RemoteApp over loopback TLS with the test kit's client playing mstsc (INFO_RAIL | INFO_HIDEF_RAIL_SUPPORTED,
 * the rail and drdynvc channels, the graphics pipeline): no public client on this machine draws window-mapped
 * surfaces (xfreerdp 2.11 never asks for HiDef, protocol map §6.4), so the kit's graphics model is the client.
 */
class HiDefEndToEndTest {
    static final TlsIdentity TLS = TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom());
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Rect BOUNDS = new Rect(100, 80, 320, 200);

    final BlockingQueue<AppWindow> launched = new LinkedBlockingQueue<>();
    RdpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    void startServer(boolean hiDef) {
        RemoteAppServer rail = RemoteAppServer.builder()
                .publish(new PublishedApp("glass", "Glass", (desktop, request) -> {
                    AppWindow w = desktop.createWindow(WindowSpec.normal("Glass", BOUNDS, null, "glass"),
                            new WindowListener() { });
                    w.paint(PixelBuffer.ofInts(argb(BOUNDS.width(), BOUNDS.height(), 1), BOUNDS.width(),
                            BOUNDS.height(), PixelFormat.ARGB32));
                    w.show();
                    launched.add(w);
                }))
                .hiDef(hiDef)
                .build();
        server = RdpServer.builder(new InetSocketAddress("127.0.0.1", 0), TLS)
                .staticChannel(rail)
                .admission(info -> CompletableFuture.completedFuture(SessionDecision.accept(info.requestedSize(),
                        new RemoteAppDesktop())))
                .build();
        server.start().toCompletableFuture().join();
    }

    RdpTestClient connect(boolean hiDefClient) throws Exception {
        int flags = SessionInfo.INFO_RAIL | (hiDefClient ? SessionInfo.INFO_HIDEF_RAIL_SUPPORTED : 0);
        return RdpTestClient.connect(server.localAddress(), ClientOptions.defaults().withSize(1024, 768)
                .withChannels(List.of("rail", "drdynvc")).withInfoFlags(flags));
    }

    /** The RAIL start of a RemoteApp client ([MS-RDPERP] 1.3.2.1); returns the server's handshake. */
    static HandshakeEx startApp(RdpTestClient client, String program) throws Exception {
        byte[] first = client.channelMessages("rail").poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(first).as("server handshake").isNotNull();
        RailPdu handshake = RailPdu.decode(Unpooled.wrappedBuffer(first));
        assertThat(handshake).isInstanceOf(HandshakeEx.class);
        client.sendChannel("rail", new Handshake(0x1DB0).toByteArray());
        client.sendChannel("rail", new ClientStatus(ClientStatus.TS_RAIL_CLIENTSTATUS_ALLOWLOCALMOVESIZE).toByteArray());
        client.sendChannel("rail", new Exec(0, program, "", "").toByteArray());
        return (HandshakeEx) handshake;
    }

    @Test
    void aHiDefClientGetsEachWindowOnAnArgbSurfaceOfItsOwnAndNoDesktop() throws Exception {
        startServer(true);
        try (RdpTestClient client = connect(true); GfxTestClient gfx = GfxTestClient.start(client)) {
            HandshakeEx handshake = startApp(client, "||glass");
            assertThat(handshake.railHandshakeFlags() & HandshakeEx.TS_RAIL_ORDER_HANDSHAKEEX_FLAGS_HIDEF).isNotZero();
            AppWindow w = launched.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            // The window's pixels, translucent shadow and title bar included, on its own surface, shown at its size.
            int[] px = argb(BOUNDS.width(), BOUNDS.height(), 1);
            awaitWindow(gfx, w, px);
            MapSurfaceToScaledWindow map = gfx.model().scaledMapping(w.id()).orElseThrow();
            assertThat(List.of(map.mappedWidth(), map.mappedHeight(), map.targetWidth(), map.targetHeight()))
                    .containsExactly(320L, 200L, 320L, 200L);
            // No desktop: the output surface went before anything was drawn on it.
            assertThat(gfx.model().received()).contains(new DeleteSurface(GfxChannel.SURFACE_ID));

            // Damage: only the damaged part changes, alpha exact, and the stage completes once it is taken.
            int[] next = px.clone();
            Rect damage = new Rect(40, 50, 90, 30);
            for (int y = damage.y(); y < damage.bottom(); y++) {
                Arrays.fill(next, y * BOUNDS.width() + damage.x(), y * BOUNDS.width() + damage.right(), 0x8033_66CC);
            }
            w.paint(PixelBuffer.ofInts(next, BOUNDS.width(), BOUNDS.height(), PixelFormat.ARGB32), List.of(damage))
                    .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            awaitWindow(gfx, w, next);

            // Resized: a new surface of the new size is mapped, the old one deleted, the new pixels arrive exactly.
            int oldSurface = gfx.model().surfaceOfWindow(w.id()).orElseThrow();
            Rect bigger = new Rect(60, 40, 400, 260);
            w.setBounds(bigger);
            int[] resized = argb(bigger.width(), bigger.height(), 2);
            w.paint(PixelBuffer.ofInts(resized, bigger.width(), bigger.height(), PixelFormat.ARGB32));
            awaitWindow(gfx, w, resized);
            assertThat(gfx.model().surfaceOfWindow(w.id())).isNotEqualTo(java.util.Optional.of(oldSurface));
            assertThat(gfx.model().received()).contains(new DeleteSurface(oldSurface));

            // A second window has a surface of its own; destroyed, its surface goes and the first stays.
            AppWindow dialog = w.desktop().createWindow(WindowSpec.dialog("Dialog", new Rect(200, 200, 130, 70), w),
                    new WindowListener() { });
            int[] dpx = argb(130, 70, 3);
            dialog.paint(PixelBuffer.ofInts(dpx, 130, 70, PixelFormat.ARGB32));
            dialog.show();
            awaitWindow(gfx, dialog, dpx);
            dialog.destroy();
            assertThat(gfx.await(m -> m.surfaceOfWindow(dialog.id()).isEmpty(), TIMEOUT)).isTrue();
            assertThat(gfx.model().surface(gfx.model().surfaceOfWindow(w.id()).orElseThrow())).isEqualTo(resized);
            assertThat(gfx.failure()).isNull();
        }
    }

    @Test
    void withoutHiDefOnEitherSideWindowsAreCompositedIntoTheDesktop() throws Exception {
        // A HiDef client of a server that does not allow it.
        startServer(false);
        try (RdpTestClient client = connect(true); GfxTestClient gfx = GfxTestClient.start(client)) {
            HandshakeEx handshake = startApp(client, "||glass");
            assertThat(handshake.railHandshakeFlags() & HandshakeEx.TS_RAIL_ORDER_HANDSHAKEEX_FLAGS_HIDEF).isZero();
            assertComposited(gfx, launched.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
        stop();
        // A client that does not ask for HiDef (as xfreerdp 2.x) of a server that allows it.
        startServer(true);
        try (RdpTestClient client = connect(false); GfxTestClient gfx = GfxTestClient.start(client)) {
            HandshakeEx handshake = startApp(client, "||glass");
            assertThat(handshake.railHandshakeFlags() & HandshakeEx.TS_RAIL_ORDER_HANDSHAKEEX_FLAGS_HIDEF).isZero();
            assertComposited(gfx, launched.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    /** The window's pixels at its place on the desktop surface (opaque there: the desktop has no alpha). */
    private static void assertComposited(GfxTestClient gfx, AppWindow w) throws InterruptedException {
        assertThat(w).as("launched window").isNotNull();
        Rect b = w.bounds();
        int[] px = w.snapshot();
        Predicate<GfxClientModel> shown = m -> {
            if (m.reset() == null) {
                return false;
            }
            int[] desktop = m.surface(GfxChannel.SURFACE_ID);
            int width = (int) m.reset().width();
            for (int y = 0; y < b.height(); y++) {
                for (int x = 0; x < b.width(); x++) {
                    if (((desktop[(b.y() + y) * width + b.x() + x] ^ px[y * b.width() + x]) & 0xFF_FFFF) != 0) {
                        return false;
                    }
                }
            }
            return true;
        };
        assertThat(gfx.await(shown, TIMEOUT)).as("window composited into the desktop surface").isTrue();
        assertThat(gfx.model().surfaceOfWindow(w.id())).isEmpty();
        assertThat(gfx.model().received()).doesNotContain(new DeleteSurface(GfxChannel.SURFACE_ID));
    }

    private static void awaitWindow(GfxTestClient gfx, AppWindow w, int[] expected) throws InterruptedException {
        boolean shown = gfx.await(m -> m.surfaceOfWindow(w.id())
                .map(id -> Arrays.equals(m.surface(id), expected)).orElse(false), TIMEOUT);
        assertThat(shown).as("window %s exactly on its own surface", w.id()).isTrue();
    }

    /** Opaque content with a translucent title bar and a soft shadow at the edges, varying with the seed. */
    static int[] argb(int w, int h, int seed) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int edge = Math.min(Math.min(x, w - 1 - x), Math.min(y, h - 1 - y));
                int a = edge < 8 ? edge * 30 : y < 30 ? 0xC0 : 0xFF;
                int rgb = (x * 5 + y * seed) % 9 == 0 ? 0x102030 * seed : 0xF0F0F0 - (x & 0x1F);
                px[y * w + x] = a << 24 | (rgb & 0xFF_FFFF);
            }
        }
        return px;
    }
}
