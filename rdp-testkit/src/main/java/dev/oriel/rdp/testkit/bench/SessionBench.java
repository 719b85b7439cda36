package dev.oriel.rdp.testkit.bench;

import dev.oriel.rdp.core.graphics.gfx.GfxChannel;
import dev.oriel.rdp.testkit.client.ClientOptions;
import dev.oriel.rdp.testkit.client.RdpTestClient;
import dev.oriel.rdp.testkit.gfx.GfxTestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bench command (not a test): the cost of sessions. Starts {@link BenchServer} in a child JVM, connects N test-kit
 * clients over loopback TLS (10 at a time), waits until each shows the whole first frame, then asks the server for its
 * heap after GC. Reports connect time (TCP connect to Font Map), time to the complete first frame, and heap per idle
 * session, for a large and a tiny desktop so the framebuffer's share is visible.
 *
 * <pre>java -cp … dev.oriel.rdp.testkit.bench.SessionBench [sessions (100)]</pre>
 */
public final class SessionBench {
    private SessionBench() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.printf("Oriel session bench: %d idle sessions per run, test-kit clients over loopback TLS%n", sessions);
        run(sessions, 1024, 768, false);
        run(sessions, 200, 200, false);
        // The same with the graphics pipeline: its surface shadow, tile cache state and ZGFX history per session.
        run(Math.min(sessions, 50), 1024, 768, true);
    }

    static void run(int sessions, int width, int height, boolean gfx) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(javaBin, "-Xmx4g", "-cp", System.getProperty("java.class.path"),
                BenchServer.class.getName(), Integer.toString(width),
                Integer.toString(height)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // Drained on its own thread: a server that logs into a full pipe would stall its event loop and the bench
        // would measure the pipe. Answers go to the queue, warnings and errors to our stderr.
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Thread drain = new Thread(() -> drain(server, out), "bench-server-output");
        drain.setDaemon(true);
        drain.start();
        PrintWriter cmd = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8);
        List<RdpTestClient> clients = Collections.synchronizedList(new ArrayList<>());
        List<GfxTestClient> graphics = Collections.synchronizedList(new ArrayList<>());
        // Non-daemon threads: shut down on every path, or a failed connection would keep the bench JVM alive.
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            int port = Integer.parseInt(answer(out, "PORT"));
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            cmd.println("heap");
            long before = Long.parseLong(answer(out, "HEAP"));
            int[] expected = BenchServer.desktop(width, height);
            List<Long> connectMs = Collections.synchronizedList(new ArrayList<>());
            List<Long> frameMs = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                String user = "bench" + i;
                jobs.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    RdpTestClient c = RdpTestClient.connect(address, ClientOptions.defaults().withUser(user)
                            .withSize(width, height).withChannels(gfx ? List.of("drdynvc") : List.of()));
                    clients.add(c);
                    if (gfx) {
                        GfxTestClient g = GfxTestClient.start(c);
                        graphics.add(g);
                        if (!g.await(m -> m.reset() != null && Arrays.equals(m.surface(GfxChannel.SURFACE_ID),
                                expected), Duration.ofSeconds(60))) {
                            throw new IllegalStateException("graphics pipeline frame incomplete for " + user);
                        }
                    } else if (!c.awaitFramebuffer(fb -> Arrays.equals(fb, expected))) {
                        throw new IllegalStateException("first frame incomplete for " + user);
                    }
                    connectMs.add(c.connectNanos() / 1_000_000);
                    frameMs.add((c.firstBitmapNanos() - start) / 1_000_000);
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            cmd.println("sessions");
            String count = answer(out, "SESSIONS");
            cmd.println("heap");
            long after = Long.parseLong(answer(out, "HEAP"));
            System.out.printf("desktop %dx%d%s: %s sessions active%n", width, height,
                    gfx ? " over the graphics pipeline" : " over bitmap updates", count);
            System.out.printf("  connect (TCP connect -> Font Map): p50 %d ms, p90 %d ms, max %d ms%n",
                    pct(connectMs, 50), pct(connectMs, 90), pct(connectMs, 100));
            if (!gfx) {
                System.out.printf("  first frame (TCP connect -> first bitmap): p50 %d ms, p90 %d ms, max %d ms%n",
                        pct(frameMs, 50), pct(frameMs, 90), pct(frameMs, 100));
            }
            System.out.printf("  server heap: %.1f MiB before, %.1f MiB with %d idle sessions -> %.1f KiB per session "
                    + "(framebuffer %d KiB of it)%n", before / 1048576.0, after / 1048576.0, sessions,
                    (after - before) / 1024.0 / sessions, width * height * 4 / 1024);
        } finally {
            pool.shutdownNow();
            for (GfxTestClient g : graphics) {
                g.close();
            }
            clients.forEach(RdpTestClient::close);
            cmd.println("quit");
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private static void drain(Process server, BlockingQueue<String> answers) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.matches("[A-Z]+ .*")) {
                    answers.add(line);
                } else if (line.contains(" WARN ") || line.contains(" ERROR ")) {
                    System.err.println("server: " + line);
                }
            }
        } catch (IOException e) {
            System.err.println("bench server output: " + e);
        }
    }

    private static String answer(BlockingQueue<String> out, String key) throws Exception {
        String line = out.poll(60, TimeUnit.SECONDS);
        if (line == null || !line.startsWith(key + " ")) {
            throw new IllegalStateException("bench server did not answer " + key + " (got " + line + ")");
        }
        return line.substring(key.length() + 1).strip();
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return sorted.get(i);
    }
}
