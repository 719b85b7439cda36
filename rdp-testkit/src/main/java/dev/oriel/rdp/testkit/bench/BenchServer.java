package dev.oriel.rdp.testkit.bench;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Frame;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.RdpServer;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.security.TlsIdentities;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The server half of {@link SessionBench}, run in its own JVM so that its heap holds only the server: every session
 * gets a desktop of the requested size painted once with {@link #pattern}, then stays idle. Commands on stdin:
 * {@code heap} (answers {@code HEAP <bytes used after GC>}), {@code sessions}, {@code quit}.
 */
public final class BenchServer {
    private BenchServer() {
    }

    /** The pixel at (x, y) of the bench desktop. */
    static int pattern(int x, int y) {
        return 0xFF00_0000 | ((x * 7) & 0xFF) << 16 | ((y * 3) & 0xFF) << 8 | ((x + y) & 0x7F);
    }

    /** The whole bench desktop, row-major: what the server paints and what a client must end up showing. */
    public static int[] desktop(int width, int height) {
        int[] desktop = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                desktop[y * width + x] = pattern(x, y);
            }
        }
        return desktop;
    }

    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        PixelBuffer pixels = PixelBuffer.ofInts(desktop(width, height), width, height, PixelFormat.XRGB32);
        SessionListener paintOnce = new SessionListener() {
            @Override
            public void onStart(Session session) {
                session.submitFrame(Frame.full(pixels));
            }
        };
        RdpServer server = RdpServer.builder(new InetSocketAddress("127.0.0.1", 0),
                        TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom()))
                .admission(info -> CompletableFuture.completedFuture(
                        SessionDecision.accept(new DesktopSize(width, height), paintOnce)))
                .build();
        server.start().toCompletableFuture().join();
        System.out.println("PORT " + server.localAddress().getPort());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.strip()) {
                case "heap" -> {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                        Thread.sleep(200);
                    }
                    System.out.println("HEAP " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                }
                case "sessions" -> System.out.println("SESSIONS " + server.sessions().size());
                case "quit" -> {
                    server.close();
                    System.out.println("BYE");
                    return;
                }
                default -> System.out.println("ERR unknown command");
            }
            System.out.flush();
        }
        server.close();
    }
}
