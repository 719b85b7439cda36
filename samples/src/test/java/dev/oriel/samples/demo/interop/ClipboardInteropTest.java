package dev.oriel.samples.demo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.clipboard.ClipboardMime;
import dev.oriel.rdp.clipboard.InMemoryClipboard;
import dev.oriel.rdp.core.api.TlsIdentity;
import dev.oriel.rdp.testkit.x11.BackgroundProcess;
import dev.oriel.rdp.testkit.x11.InteropSupport;
import dev.oriel.rdp.testkit.x11.X11Tools;
import dev.oriel.rdp.testkit.x11.XFreeRdp;
import dev.oriel.rdp.testkit.x11.Xvfb;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.samples.apps.NotepadApp;
import dev.oriel.samples.apps.PaintApp;
import dev.oriel.samples.demo.DemoServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clipboard against xfreerdp 2.11 (clipboard on by default) under Xvfb, with {@code xclip} on the client's
 * display standing in for the user's applications: what one side copies, the other pastes exactly.
 */
class ClipboardInteropTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static TlsIdentity tls;
    Recorder recorder;
    DemoServer demo;
    int port;

    @BeforeAll
    static void requireTools() {
        InteropSupport.requireTools("Xvfb", "xdotool", "xfreerdp", "xclip");
        tls = dev.oriel.rdp.core.security.TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom());
    }

    @BeforeEach
    void startServer() {
        recorder = new Recorder();
        demo = new DemoServer(new InetSocketAddress("127.0.0.1", 0), tls, Clock.systemUTC(), false, recorder,
                UnaryOperator.identity());
        port = demo.start().getPort();
    }

    @AfterEach
    void stopServer() {
        demo.close();
    }

    private XFreeRdp client;

    @AfterEach
    void stopClient() {
        if (client != null) {
            client.close();
        }
    }

    /** Connects a desktop client; returns the server's clipboard for its session. */
    private InMemoryClipboard connect(Xvfb xvfb, TestInfo info) throws Exception {
        client = XFreeRdp.builder().port(port).user("demo").password("demo").size(1024, 768).security("tls")
                .arg("-gfx").logLevel("DEBUG").logName(info).start(xvfb);
        Recorder.Recorded s = recorder.awaitStarted(0, TIMEOUT);
        new X11Tools(xvfb).awaitWindow(TIMEOUT, "--class", "^xfreerdp$");
        InMemoryClipboard clipboard = demo.clipboard(s.session().id());
        assertThat(clipboard).isNotNull();
        // xfreerdp announces its formats once the channel is up; wait for it so the exchanges below do not race it.
        new X11Tools(xvfb).awaitCondition(TIMEOUT, () -> clipboard.clientOfferCount() > 0);
        return clipboard;
    }

    /**
     * Copies on the client: xclip owns the CLIPBOARD selection with {@code data} as {@code target}; returns once
     * xfreerdp has told the server (a user pastes after copying, not during).
     */
    private static BackgroundProcess copyOnClient(X11Tools x11, InMemoryClipboard clipboard, Path dir, byte[] data,
            String target) throws Exception {
        long offers = clipboard.clientOfferCount();
        BackgroundProcess p = startCopy(x11, dir, data, target);
        x11.awaitCondition(TIMEOUT, () -> clipboard.clientOfferCount() > offers);
        return p;
    }

    private static BackgroundProcess startCopy(X11Tools x11, Path dir, byte[] data, String target) throws Exception {
        Path file = Files.createTempFile(dir, "copy", ".bin");
        Files.write(file, data);
        return x11.startClient("xclip", "-selection", "clipboard", "-t", target, "-i", file.toString());
    }

    /** Pastes on the client: what xclip reads from the CLIPBOARD selection as {@code target}. */
    private static byte[] pasteOnClient(X11Tools x11, String target) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("xclip", "-selection", "clipboard", "-t", target, "-o")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DISPLAY", x11.display());
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return out.toByteArray();
    }

    /**
     * Pastes {@code mime} on the server until it gets {@code expected}. xfreerdp announces its formats as soon as the
     * channel is up, before xclip owns the selection, so a first paste can meet a client that has nothing yet.
     */
    private static byte[] pasteOnServer(InMemoryClipboard clipboard, String mime, X11Tools x11, byte[] expected) {
        byte[][] last = new byte[1][];
        x11.awaitCondition(TIMEOUT, () -> {
            try {
                Optional<byte[]> data = clipboard.paste(mime).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                last[0] = data.orElse(null);
                return data.isPresent() && java.util.Arrays.equals(data.get(), expected);
            } catch (Exception e) {
                return false;
            }
        });
        return last[0];
    }

    @Test
    void textCopiedOnTheClientIsPastedOnTheServerExactly(TestInfo info, @TempDir Path dir) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024)) {
            InMemoryClipboard clipboard = connect(xvfb, info);
            X11Tools x11 = new X11Tools(xvfb);
            String text = "Grüße, Ωmega ✓ 漢字\nsecond line\n\ttabbed";
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            try (BackgroundProcess copy = copyOnClient(x11, clipboard, dir, utf8, "UTF8_STRING")) {
                assertThat(new String(pasteOnServer(clipboard, ClipboardMime.TEXT, x11, utf8), StandardCharsets.UTF_8))
                        .isEqualTo(text);
            }
        }
    }

    /** UTF-8 text of exactly {@code bytes} bytes, in lines with non-ASCII characters. */
    static String textOfBytes(int bytes) {
        StringBuilder sb = new StringBuilder();
        int size = 0;
        for (int i = 0; size < bytes - 64; i++) {
            String line = "line " + i + " of a megabyte of clipboard text, äöü\n";
            sb.append(line);
            size += line.getBytes(StandardCharsets.UTF_8).length;
        }
        sb.append("x".repeat(bytes - size));
        return sb.toString();
    }

    /**
     * The largest text xclip hands over in one piece, 1 MiB − 1 byte, from client to server; 2 MiB from server to
     * client. At 1 MiB xclip switches to the X selection's INCR transfer, which xfreerdp 2.11 does not complete: it
     * answers the request with a failure and then stops answering (xf_cliprdr_get_requested_data). Oriel itself takes
     * up to {@code ClipboardServer.DEFAULT_MAX_SIZE}.
     */
    @Test
    void aMegabyteOfTextCrossesBothWays(TestInfo info, @TempDir Path dir) throws Exception {
        String toServer = textOfBytes((1 << 20) - 1);
        String toClient = textOfBytes(2 << 20);
        try (Xvfb xvfb = Xvfb.start(1280, 1024)) {
            InMemoryClipboard clipboard = connect(xvfb, info);
            X11Tools x11 = new X11Tools(xvfb);
            byte[] utf8 = toServer.getBytes(StandardCharsets.UTF_8);
            try (BackgroundProcess copy = copyOnClient(x11, clipboard, dir, utf8, "UTF8_STRING")) {
                long t0 = System.nanoTime();
                byte[] pasted = pasteOnServer(clipboard, ClipboardMime.TEXT, x11, utf8);
                System.out.printf("clipboard: %d bytes client -> server in %.0f ms%n", pasted.length,
                        (System.nanoTime() - t0) / 1e6);
                assertThat(new String(pasted, StandardCharsets.UTF_8)).isEqualTo(toServer);
            }
            clipboard.setText(toClient);
            Thread.sleep(500); // the format list reaches the client
            long t0 = System.nanoTime();
            byte[] onClient = pasteOnClient(x11, "UTF8_STRING");
            System.out.printf("clipboard: %d bytes server -> client in %.0f ms%n", onClient.length,
                    (System.nanoTime() - t0) / 1e6);
            assertThat(new String(onClient, StandardCharsets.UTF_8)).isEqualTo(toClient);
        }
    }

    @Test
    void textHtmlAndAnImageSetOnTheServerArePastedOnTheClient(TestInfo info) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024)) {
            InMemoryClipboard clipboard = connect(xvfb, info);
            X11Tools x11 = new X11Tools(xvfb);
            BufferedImage image = new BufferedImage(37, 21, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 21; y++) {
                for (int x = 0; x < 37; x++) {
                    image.setRGB(x, y, (x * 7) << 16 | (y * 12) << 8 | (x + y) * 3);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            String html = "<html><head><meta charset=\"utf-8\"></head><body><b>Bold</b> and <i>ünïcode</i></body></html>";
            String text = "plain text ✓";
            clipboard.set(Map.of(ClipboardMime.TEXT, text.getBytes(StandardCharsets.UTF_8),
                    ClipboardMime.HTML, html.getBytes(StandardCharsets.UTF_8),
                    ClipboardMime.PNG, png.toByteArray()));
            x11.awaitCondition(TIMEOUT, () -> {
                try {
                    return new String(pasteOnClient(x11, "TARGETS"), StandardCharsets.UTF_8).contains("text/html");
                } catch (Exception e) {
                    return false;
                }
            });
            // HTML first, then text: both are served, in the order asked.
            assertThat(new String(pasteOnClient(x11, "text/html"), StandardCharsets.UTF_8)).isEqualTo(html);
            assertThat(new String(pasteOnClient(x11, "UTF8_STRING"), StandardCharsets.UTF_8)).isEqualTo(text);
            BufferedImage bmp = ImageIO.read(new ByteArrayInputStream(pasteOnClient(x11, "image/bmp")));
            assertThat(bmp).isNotNull();
            assertThat(bmp.getWidth()).isEqualTo(37);
            assertThat(bmp.getHeight()).isEqualTo(21);
            for (int y = 0; y < 21; y++) {
                for (int x = 0; x < 37; x++) {
                    assertThat(bmp.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
                            .isEqualTo(image.getRGB(x, y) & 0xFFFFFF);
                }
            }
            // The session carries on.
            assertThat(demo.server().sessions()).hasSize(1);
        }
    }

    @Test
    void fiftyRapidCopiesOnTheClientLeaveTheLastOne(TestInfo info, @TempDir Path dir) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024)) {
            InMemoryClipboard clipboard = connect(xvfb, info);
            X11Tools x11 = new X11Tools(xvfb);
            BackgroundProcess last = null;
            for (int i = 0; i < 50; i++) {
                if (last != null) {
                    last.close();
                }
                last = startCopy(x11, dir, ("copy number " + i).getBytes(StandardCharsets.UTF_8), "UTF8_STRING");
                Thread.sleep(20);
            }
            // Paste once the client has stopped announcing copies for a second.
            long seen = -1;
            while (clipboard.clientOfferCount() != seen) {
                seen = clipboard.clientOfferCount();
                Thread.sleep(1000);
            }
            assertThat(seen).as("client offers seen").isGreaterThan(1);
            try (BackgroundProcess keep = last) {
                byte[] expected = "copy number 49".getBytes(StandardCharsets.UTF_8);
                assertThat(pasteOnServer(clipboard, ClipboardMime.TEXT, x11, expected)).isEqualTo(expected);
            }
        }
    }

    @Test
    void notepadCopiesToAndPastesFromTheClientsClipboard(TestInfo info, @TempDir Path dir) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024)) {
            client = XFreeRdp.builder().port(port).user("demo").password("demo").size(1024, 768).security("tls")
                    .arg("-gfx").app("||notepad").logLevel("DEBUG").logName(info).start(xvfb);
            Recorder.Recorded s = recorder.awaitStarted(0, TIMEOUT);
            X11Tools x11 = new X11Tools(xvfb);
            AppWindow w = dev.oriel.rdp.testkit.x11.Poll.awaitValue(TIMEOUT, "the notepad", () ->
                    demo.remoteApp(s.session().id()).windows().stream().findFirst());
            NotepadApp notepad = NotepadApp.of(w).orElseThrow();
            InMemoryClipboard clipboard = demo.clipboard(s.session().id());
            x11.awaitCondition(TIMEOUT, () -> clipboard.clientOfferCount() > 0);
            long xw = x11.awaitWindow(TIMEOUT, "--class", String.format("^RAIL:%08X$", w.id()));
            x11.focus(xw);
            x11.type("copy me");
            x11.awaitCondition(TIMEOUT, () -> notepad.text().equals("copy me"));
            x11.key("ctrl+a");
            x11.awaitCondition(TIMEOUT, notepad::allSelected);
            x11.key("ctrl+c");
            // The client pastes what the notepad copied.
            x11.awaitCondition(TIMEOUT, () -> {
                try {
                    return new String(pasteOnClient(x11, "UTF8_STRING"), StandardCharsets.UTF_8).equals("copy me");
                } catch (Exception e) {
                    return false;
                }
            });
            // The notepad pastes what the client copied, over its selection.
            try (BackgroundProcess copy = copyOnClient(x11, clipboard, dir,
                    "pasted from the client ✓".getBytes(StandardCharsets.UTF_8), "UTF8_STRING")) {
                x11.focus(xw);
                x11.key("ctrl+v");
                x11.awaitCondition(TIMEOUT, () -> notepad.text().equals("pasted from the client ✓"));
            }
        }
    }

    @Test
    void paintPastesAnImageCopiedOnTheClientAndCopiesItsCanvasBack(TestInfo info, @TempDir Path dir)
            throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024)) {
            client = XFreeRdp.builder().port(port).user("demo").password("demo").size(1024, 768).security("tls")
                    .arg("-gfx").app("||paint").logLevel("DEBUG").logName(info).start(xvfb);
            Recorder.Recorded s = recorder.awaitStarted(0, TIMEOUT);
            X11Tools x11 = new X11Tools(xvfb);
            AppWindow w = dev.oriel.rdp.testkit.x11.Poll.awaitValue(TIMEOUT, "the paint window", () ->
                    demo.remoteApp(s.session().id()).windows().stream().findFirst());
            PaintApp paint = PaintApp.of(w).orElseThrow();
            InMemoryClipboard clipboard = demo.clipboard(s.session().id());
            x11.awaitCondition(TIMEOUT, () -> clipboard.clientOfferCount() > 0);
            long xw = x11.awaitWindow(TIMEOUT, "--class", String.format("^RAIL:%08X$", w.id()));

            BufferedImage square = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    square.setRGB(x, y, 0x2E86C1);
                }
            }
            // As a BMP: xfreerdp 2.11 offers an image/png selection but fails every request for it, so X
            // applications' images reach the server only through image/bmp (CF_DIB).
            ByteArrayOutputStream bmpFile = new ByteArrayOutputStream();
            ImageIO.write(square, "bmp", bmpFile);
            try (BackgroundProcess copy = copyOnClient(x11, clipboard, dir, bmpFile.toByteArray(), "image/bmp")) {
                x11.focus(xw);
                x11.key("ctrl+v");
                x11.awaitCondition(TIMEOUT, () -> paint.canvasPixels()[0] == 0xFF2E86C1);
            }
            x11.focus(xw);
            x11.key("ctrl+c");
            x11.awaitCondition(TIMEOUT, () -> {
                try {
                    BufferedImage bmp = ImageIO.read(new ByteArrayInputStream(pasteOnClient(x11, "image/bmp")));
                    return bmp != null && (bmp.getRGB(0, 0) & 0xFFFFFF) == 0x2E86C1
                            && (bmp.getRGB(20, 20) & 0xFFFFFF) == 0xFFFFFF;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    /**
     * A 100 MiB file copied on the client (a {@code text/uri-list} selection, as file managers set) streams to the
     * server in 1 MiB ranges and arrives intact; the heap peak during the transfer is reported.
     */
    @Test
    void aFileCopiedOnTheClientStreamsToTheServer(TestInfo info, @TempDir Path dir) throws Exception {
        Path source = dir.resolve("big file.bin");
        java.security.MessageDigest sourceHash = java.security.MessageDigest.getInstance("SHA-256");
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        byte[] block = new byte[1 << 20];
        try (var out = Files.newOutputStream(source)) {
            for (int i = 0; i < 100; i++) {
                for (int j = 0; j < block.length; j += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        block[j + k] = (byte) (v >>> (8 * k));
                    }
                }
                out.write(block);
                sourceHash.update(block);
            }
        }
        try (Xvfb xvfb = Xvfb.start(1280, 1024)) {
            InMemoryClipboard clipboard = connect(xvfb, info);
            X11Tools x11 = new X11Tools(xvfb);
            byte[] uriList = (source.toUri().toString() + "\r\n").getBytes(StandardCharsets.UTF_8);
            try (BackgroundProcess copy = copyOnClient(x11, clipboard, dir, uriList, "text/uri-list")) {
                x11.awaitCondition(TIMEOUT, () -> clipboard.clientOffer().contains(ClipboardMime.FILES));
                var channel = clipboard.channel().orElseThrow();
                List<dev.oriel.rdp.clipboard.ClientFile> files = channel.requestClientFiles()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertThat(files).hasSize(1);
                assertThat(files.get(0).path()).isEqualTo("big file.bin");
                assertThat(files.get(0).size()).isEqualTo(100L << 20);

                Path target = dir.resolve("received.bin");
                System.gc();
                var heap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
                heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
                long before = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                long t0 = System.nanoTime();
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
                    assertThat(channel.copyClientFile(files.get(0), out).get(120, TimeUnit.SECONDS))
                            .isEqualTo(100L << 20);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                // Young-generation peaks include garbage not yet collected; the old generation shows what stayed.
                long oldPeak = heap.stream().filter(p -> p.getName().contains("Old"))
                        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                System.gc();
                long after = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("clipboard: 100 MiB file client -> server in %d ms (%.1f MB/s); heap used before "
                        + "%.1f MiB, after %.1f MiB; peak during: all heap pools %.1f MiB, old generation %.1f MiB%n",
                        ms, 100.0 * 1.048576 * 1000 / ms, before / 1048576.0, after / 1048576.0, peak / 1048576.0,
                        oldPeak / 1048576.0);
                java.security.MessageDigest got = java.security.MessageDigest.getInstance("SHA-256");
                try (var in = Files.newInputStream(target)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        got.update(buf, 0, n);
                    }
                }
                assertThat(got.digest()).isEqualTo(sourceHash.digest());
            }
        }
    }
}
