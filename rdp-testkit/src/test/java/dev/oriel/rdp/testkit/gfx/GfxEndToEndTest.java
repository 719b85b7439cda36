package dev.oriel.rdp.testkit.gfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Frame;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.RdpServer;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.api.TlsIdentity;
import dev.oriel.rdp.core.graphics.gfx.GfxChannel;
import dev.oriel.rdp.core.pdu.gfx.CapsConfirm;
import dev.oriel.rdp.core.pdu.gfx.GfxCapabilitySet;
import dev.oriel.rdp.core.security.TlsIdentities;
import dev.oriel.rdp.testkit.client.ClientOptions;
import dev.oriel.rdp.testkit.client.RdpTestClient;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The graphics pipeline over loopback TLS with the test kit's graphics client: what it draws is the server's desktop. */
class GfxEndToEndTest {
    static final int W = 640;
    static final int H = 400;
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final TlsIdentity TLS = TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom());

    final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    final int[] pixels = new int[W * H];
    RdpServer server;

    @BeforeEach
    void start() {
        paint(1);
        SessionListener desktop = new SessionListener() {
            @Override
            public void onStart(Session s) {
                s.submitFrame(Frame.full(PixelBuffer.ofInts(pixels.clone(), W, H, PixelFormat.XRGB32)));
                sessions.add(s);
            }
        };
        server = RdpServer.builder(new InetSocketAddress("127.0.0.1", 0), TLS)
                .admission(info -> CompletableFuture.completedFuture(SessionDecision.accept(new DesktopSize(W, H),
                        desktop)))
                .build();
        server.start().toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Flat background, text-like stripes and a noisy block, so fills, planar and the cache all take part. */
    void paint(long seed) {
        Random rnd = new Random(seed);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = 0x2D5F8A;
                if (y > 40 && y < 200 && x > 30 && x < 400) {
                    p = (x * 7 + y * 3 + seed) % 11 < 2 ? 0x000000 : 0xFFFFFF;
                } else if (y > 220 && y < 330 && x > 100 && x < 300) {
                    p = rnd.nextInt(0x1000000);
                }
                pixels[y * W + x] = 0xFF00_0000 | p;
            }
        }
    }

    static boolean shows(GfxClientModel m, int[] expected) {
        if (m.reset() == null) {
            return false;
        }
        int[] s = m.surface(GfxChannel.SURFACE_ID);
        for (int i = 0; i < expected.length; i++) {
            if (((s[i] ^ expected[i]) & 0xFF_FFFF) != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aGraphicsClientIsDrawnOnlyThroughThePipelineAndAcknowledgesEveryFrame() throws Exception {
        try (RdpTestClient rdp = RdpTestClient.connect(server.localAddress(),
                ClientOptions.defaults().withSize(W, H).withChannels(List.of("drdynvc")));
                GfxTestClient gfx = GfxTestClient.start(rdp)) {
            Session session = sessions.poll(20, TimeUnit.SECONDS);
            assertThat(session).isNotNull();
            int[] first = pixels.clone();
            assertThat(gfx.await(m -> shows(m, first), TIMEOUT)).as("first desktop drawn; failure %s", gfx.failure())
                    .isTrue();
            synchronized (gfx) {
                assertThat(gfx.model().confirm()).isEqualTo(new CapsConfirm(GfxCapabilitySet.withFlags(
                        GfxCapabilitySet.VERSION_10_7, GfxCapabilitySet.FLAG_AVC_DISABLED)));
            }
            long bitmapRects = rdp.bitmapRectangles();

            // Twenty changes in a row, faster than frames are acknowledged: the last one is what the client shows.
            // (This once caught a tile taken twice in one frame while the application kept drawing: its cache entry
            // named pixels the client did not hold, and stale tiles came back from the cache.)
            for (int i = 2; i < 22; i++) {
                paint(i);
                session.submitFrame(new Frame(PixelBuffer.ofInts(pixels.clone(), W, H, PixelFormat.XRGB32),
                        List.of(new Rect(0, 0, W, 330))));
            }
            int[] last = pixels.clone();
            assertThat(gfx.await(m -> shows(m, last), TIMEOUT)).as("last change drawn; failure %s", gfx.failure())
                    .isTrue();
            assertThat(gfx.failure()).isNull();
            assertThat(rdp.bitmapRectangles()).as("no bitmap updates once the pipeline runs").isEqualTo(bitmapRects);
            assertThat(gfx.framesDecoded()).isPositive();
        }
    }
}
