package dev.oriel.rdp.bench;

import dev.oriel.rdp.bench.Frames.Frame;
import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.RdpServer;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.security.TlsIdentities;
import dev.oriel.rdp.testkit.client.ClientOptions;
import dev.oriel.rdp.testkit.client.RdpTestClient;
import dev.oriel.rdp.testkit.gfx.GfxTestClient;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end graphics bench (a command, not a test): a 1920 × 1080 session over loopback TLS to the test kit's
 * graphics client, which draws every frame and acknowledges it. Two cases:
 * <ul>
 *   <li><b>animation</b>: the application changes the whole desktop as fast as the server takes its frames (the
 *       reference UI frame scrolled sideways by 7 pixels per frame, so every tile changes and few repeat); reported:
 *       frames per second the client drew, and bytes per second on the wire;
 *   <li><b>idle</b>: the same UI frame still, with a 2 × 18 caret blinking every 530 ms; reported: bytes per second
 *       on the wire.
 * </ul>
 * Server, client and the encoder pool share this JVM and machine, as they would share a laptop in a demo.
 *
 * <pre>SessionGraphicsBench [--frames DIR] [--seconds N]</pre>
 */
public final class SessionGraphicsBench {
    private SessionGraphicsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Frames.defaultDirectory();
        int seconds = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> dir = Path.of(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Frame ui = Frames.load(dir, "desktop-ui-1920x1080");
        System.out.printf("# Oriel session graphics bench: 1920x1080, /gfx test-kit client over loopback TLS, %d s per"
                + " case, %d CPU(s)%n%n", seconds, Runtime.getRuntime().availableProcessors());
        System.out.println("| Case | Frames drawn/s | Wire bytes/s | Bytes/frame |");
        System.out.println("| --- | ---: | ---: | ---: |");
        run("animation (full screen, scrolling UI)", ui, seconds, true);
        run("idle (blinking caret)", ui, seconds, false);
    }

    private static void run(String name, Frame ui, int seconds, boolean animate) throws Exception {
        int w = ui.width();
        int h = ui.height();
        BlockingQueue<Session> started = new LinkedBlockingQueue<>();
        SessionListener listener = new SessionListener() {
            @Override
            public void onStart(Session s) {
                started.add(s);
            }
        };
        RdpServer server = RdpServer.builder(new InetSocketAddress("127.0.0.1", 0),
                        TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom()))
                .admission(info -> CompletableFuture.completedFuture(SessionDecision.accept(new DesktopSize(w, h),
                        listener)))
                .build();
        server.start().toCompletableFuture().join();
        try (RdpTestClient rdp = RdpTestClient.connect(server.localAddress(), ClientOptions.defaults().withSize(w, h)
                .withChannels(List.of("drdynvc")));
                GfxTestClient gfx = GfxTestClient.start(rdp)) {
            Session session = started.poll(30, TimeUnit.SECONDS);
            if (session == null) {
                throw new IllegalStateException("no session started");
            }
            int[] pixels = ui.argb().clone();
            session.submitFrame(dev.oriel.rdp.core.api.Frame.full(PixelBuffer.ofInts(pixels, w, h,
                    PixelFormat.XRGB32))).toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (!gfx.await(m -> m.reset() != null && m.endedFrames().size() > 0, Duration.ofSeconds(30))) {
                throw new IllegalStateException("the graphics pipeline did not start: " + gfx.failure());
            }
            Thread.sleep(1000); // let the first desktop settle
            long frames0 = gfx.framesDecoded();
            long bytes0 = rdp.bytesReceived();
            long t0 = System.nanoTime();
            long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
            long step = 0;
            boolean caretOn = false;
            while (System.nanoTime() < end) {
                if (animate) {
                    step++;
                    int shift = (int) (step * 7 % w);
                    for (int y = 0; y < h; y++) {
                        System.arraycopy(ui.argb(), y * w + shift, pixels, y * w, w - shift);
                        System.arraycopy(ui.argb(), y * w, pixels, y * w + w - shift, shift);
                    }
                    // Wait until the server has taken this frame, as an application pacing itself on it would.
                    session.submitFrame(dev.oriel.rdp.core.api.Frame.full(PixelBuffer.ofInts(pixels, w, h,
                            PixelFormat.XRGB32))).toCompletableFuture().get(30, TimeUnit.SECONDS);
                } else {
                    caretOn = !caretOn;
                    Rect caret = new Rect(600, 400, 2, 18);
                    for (int y = caret.y(); y < caret.bottom(); y++) {
                        for (int x = caret.x(); x < caret.right(); x++) {
                            pixels[y * w + x] = caretOn ? 0xFF000000 : ui.argb()[y * w + x];
                        }
                    }
                    session.submitFrame(new dev.oriel.rdp.core.api.Frame(PixelBuffer.ofInts(pixels, w, h,
                            PixelFormat.XRGB32), List.of(caret)));
                    Thread.sleep(530);
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            long frames = gfx.framesDecoded() - frames0;
            long bytes = rdp.bytesReceived() - bytes0;
            if (gfx.failure() != null) {
                throw new IllegalStateException("graphics client failed", gfx.failure());
            }
            System.out.printf("| %s | %.1f | %,.0f | %,.0f |%n", name, frames / secs, bytes / secs,
                    frames == 0 ? 0.0 : (double) bytes / frames);
        } finally {
            server.close();
        }
    }
}
