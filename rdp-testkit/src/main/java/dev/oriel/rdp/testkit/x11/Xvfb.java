package dev.oriel.rdp.testkit.x11;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private virtual X display for one test.
 *
 * <p>Runs {@code Xvfb -displayfd 1 -screen 0 WxHx24 -nolisten tcp -fbdir DIR}: Xvfb picks a free display number
 * itself and writes it to our end of its standard output once it accepts connections, so parallel builds on one
 * machine never fight over {@code :99}. {@code -fbdir} makes Xvfb keep its framebuffer in {@code DIR/Xvfb_screen0}
 * as an XWD file (memory-mapped on its side), which {@link #screenshot()} reads without any screenshot tool.
 *
 * <p>{@link #close()} stops the server (SIGTERM, then SIGKILL) and deletes the directory.
 */
public final class Xvfb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Xvfb.class);

    /** Default limit for the server to report its display and answer {@code xdpyinfo}. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);

    /** The framebuffer file of screen 0 inside the {@code -fbdir} directory. */
    static final String SCREEN0_FILE = "Xvfb_screen0";

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_SIZE = 8192;
    private static final int SCREENSHOT_ATTEMPTS = 5;

    private final Process process;
    private final int displayNumber;
    private final int width;
    private final int height;
    private final Path directory;
    private final Path logFile;
    private boolean closed;

    private Xvfb(Process process, int displayNumber, int width, int height, Path directory, Path logFile) {
        this.process = process;
        this.displayNumber = displayNumber;
        this.width = width;
        this.height = height;
        this.directory = directory;
        this.logFile = logFile;
    }

    /** Starts a {@code width}×{@code height}×24 display with {@link #DEFAULT_START_TIMEOUT}. */
    public static Xvfb start(int width, int height) {
        return start(width, height, DEFAULT_START_TIMEOUT);
    }

    /**
     * Starts a {@code width}×{@code height}×24 display and returns once {@code xdpyinfo} can talk to it.
     *
     * @throws IllegalStateException when Xvfb cannot be started or is not ready within {@code timeout}; its own
     *     error output is included in the message
     */
    public static Xvfb start(int width, int height, Duration timeout) {
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("Screen size out of range: " + width + "x" + height);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Path directory;
        try {
            directory = Files.createTempDirectory("oriel-xvfb-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a framebuffer directory", e);
        }
        Processes.trackDirectory(directory);
        Path logFile = directory.resolve("Xvfb.log");
        List<String> command = List.of("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                "-nolisten", "tcp", "-fbdir", directory.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Processes.DEV_NULL))
                // Stderr goes to a file: Xvfb warns about xkbcomp and /tmp/.X11-unix, and nobody drains a pipe.
                .redirectError(logFile.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            Processes.deleteRecursively(directory);
            throw new IllegalStateException("Cannot start " + CommandException.quote(command), e);
        }
        Processes.track(process);
        try {
            int display = readDisplayNumber(process, deadline);
            Xvfb xvfb = new Xvfb(process, display, width, height, directory, logFile);
            xvfb.awaitReady(deadline);
            LOG.debug("Xvfb {} ready on :{} ({}x{}), framebuffer in {}", process.pid(), display, width, height,
                    directory);
            return xvfb;
        } catch (RuntimeException | Error e) {
            String log = readLog(logFile);
            Processes.terminate(process, STOP_GRACE);
            Processes.deleteRecursively(directory);
            throw new IllegalStateException("Xvfb did not become ready within " + timeout + ": " + e.getMessage()
                    + (log.isBlank() ? "" : "\nXvfb stderr:\n" + log.strip()), e);
        }
    }

    /** The display name, {@code ":N"}. */
    public String display() {
        return ":" + displayNumber;
    }

    /** The display number N chosen by Xvfb. */
    public int displayNumber() {
        return displayNumber;
    }

    /** Environment variables that point an X client at this display ({@code DISPLAY}). */
    public Map<String, String> environment() {
        return Map.of("DISPLAY", display());
    }

    /** Screen width in pixels. */
    public int width() {
        return width;
    }

    /** Screen height in pixels. */
    public int height() {
        return height;
    }

    /** The process id of the server. */
    public long pid() {
        return process.pid();
    }

    /** Whether the server is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the server wrote to its standard error so far (warnings, fatal errors). */
    public String serverLog() {
        return readLog(logFile);
    }

    /** The XWD file that mirrors the framebuffer of screen 0. */
    public Path framebufferFile() {
        return directory.resolve(SCREEN0_FILE);
    }

    /** A snapshot of the whole screen as a {@link BufferedImage#TYPE_INT_RGB} image. */
    public BufferedImage screenshot() {
        return screenshot(new Rectangle(0, 0, width, height));
    }

    /**
     * A snapshot of {@code region} (clipped to the screen), with the region's top-left corner as origin.
     * The file is read without synchronising with the server, so an area being drawn at that instant can be
     * partly old and partly new: tests poll for the pixels they expect instead of reading once.
     */
    public BufferedImage screenshot(Rectangle region) {
        Path file = framebufferFile();
        IllegalArgumentException last = null;
        // Xvfb creates and sizes the file itself; a read that races with that is retried a few times.
        for (int attempt = 0; attempt < SCREENSHOT_ATTEMPTS; attempt++) {
            byte[] data;
            try {
                data = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Xvfb framebuffer " + file, e);
            }
            try {
                return Xwd.decode(data, region);
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("Region ")) {
                    throw e;
                }
                last = e;
            }
        }
        throw new IllegalStateException("Unreadable Xvfb framebuffer " + file, last);
    }

    /** Stops the server and deletes its framebuffer directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Processes.terminate(process, STOP_GRACE);
        } finally {
            Processes.deleteRecursively(directory);
        }
    }

    @Override
    public String toString() {
        return "Xvfb[" + display() + ", " + width + "x" + height + ", pid " + process.pid() + "]";
    }

    /**
     * Reads the display number from Xvfb's standard output. A reader thread does the blocking read so that we can
     * give up at the deadline; it keeps draining the stream afterwards so that Xvfb can never block on it.
     */
    private static int readDisplayNumber(Process process, long deadline) {
        CompletableFuture<String> firstLine = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream();
                 BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                firstLine.complete(lines.readLine());
                while (lines.readLine() != null) {
                    // Nothing else is expected on stdout; keep the pipe empty anyway.
                }
            } catch (IOException e) {
                firstLine.completeExceptionally(e);
            }
        }, "xvfb-displayfd-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        String line;
        try {
            line = firstLine.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no display number on -displayfd", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read -displayfd output", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (line == null) {
            String status = process.isAlive() ? "closed its standard output"
                    : "exited with status " + Processes.exitValueAfterExit(process);
            throw new IllegalStateException("Xvfb " + status + " before reporting a display number");
        }
        try {
            return Integer.parseInt(line.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("unexpected -displayfd output '" + line + "'", e);
        }
    }

    /** Polls {@code xdpyinfo} until the server answers; fails early if the server died. */
    private void awaitReady(long deadline) {
        Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        Optional<Boolean> ready = Poll.pollFor(remaining, () -> {
            if (!process.isAlive()) {
                return Optional.of(Boolean.FALSE);
            }
            CommandResult probe = Commands.run(Map.of(), PROBE_TIMEOUT, List.of("xdpyinfo", "-display", display()));
            boolean up = probe.succeeded() && Files.isRegularFile(framebufferFile());
            return up ? Optional.of(Boolean.TRUE) : Optional.empty();
        });
        if (ready.isEmpty()) {
            throw new IllegalStateException("xdpyinfo -display " + display() + " never succeeded");
        }
        if (!ready.get()) {
            throw new IllegalStateException("Xvfb exited with status " + Processes.exitValueAfterExit(process));
        }
    }

    private static String readLog(Path logFile) {
        try {
            return Files.isRegularFile(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
