package dev.oriel.rdp.testkit.x11;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running FreeRDP X11 client ({@code xfreerdp} 2.x) on an {@link Xvfb} display, with its output captured.
 *
 * <p>Build the command line with {@link #builder()}, then {@link Builder#start(Xvfb)}. The client runs with
 * {@code DISPLAY} pointing at the Xvfb, standard input from {@code /dev/null} (a credential prompt can never block a
 * test) and standard error merged into standard output. Every output line is stamped with {@link System#nanoTime()}
 * when it is read — xfreerdp's own timestamps are unreliable for timing — and kept in memory for
 * {@link #awaitLog} and in a log file under {@link InteropSupport#artifactDirectory()}, named
 * {@code <log-name>-<n>.log}, which stays there as an artifact of the test. The client runs under
 * {@code stdbuf -oL -eL} when available, because its stdio log is block-buffered on a pipe (see
 * {@link Builder#lineBuffered}).
 *
 * <p>{@link #close()} sends SIGTERM, waits up to {@value #STOP_GRACE_SECONDS} s, then sends SIGKILL.
 *
 * <p>Exit status constants follow the {@code XF_EXIT_CODE} enum of FreeRDP 2.11 ({@code client/X11/xfreerdp.h}).
 * Note that Java reports a process killed by signal N as status 128 + N, so a client stopped by {@link #close()}
 * shows 143 (SIGTERM) or 137 (SIGKILL), which collide with {@link #EXIT_TLS_CONNECT_FAILED} and
 * {@link #EXIT_CONNECT_UNDEFINED}; {@link #stoppedByHarness()} tells the cases apart.
 */
public final class XFreeRdp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XFreeRdp.class);

    /** Clean end of the session (for example after the server logged the user off, or {@code +auth-only}). */
    public static final int EXIT_SUCCESS = 0;
    /** The server disconnected the client. */
    public static final int EXIT_DISCONNECT = 1;
    /** The user was logged off. */
    public static final int EXIT_LOGOFF = 2;
    /** The server's idle timeout ended the session. */
    public static final int EXIT_IDLE_TIMEOUT = 3;
    /** The server's logon timeout ended the session. */
    public static final int EXIT_LOGON_TIMEOUT = 4;
    /** Another connection replaced this one. */
    public static final int EXIT_CONN_REPLACED = 5;
    /** The server ran out of memory. */
    public static final int EXIT_OUT_OF_MEMORY = 6;
    /** The server denied the connection. */
    public static final int EXIT_CONN_DENIED = 7;
    /** The user closed the client window. */
    public static final int EXIT_DISCONNECT_BY_USER = 11;
    /** First of the licensing error codes (16–26). */
    public static final int EXIT_LICENSE_INTERNAL = 16;
    /** An RDP protocol error reported by the server (Set Error Info); codes 32–127. */
    public static final int EXIT_RDP = 32;
    /** The command line could not be parsed (also {@code /help} and {@code /version}). */
    public static final int EXIT_PARSE_ARGUMENTS = 128;
    /** The client ran out of memory. */
    public static final int EXIT_MEMORY = 129;
    /** A protocol failure in the client. */
    public static final int EXIT_PROTOCOL = 130;
    /** The connection failed for a reason without a more specific code. */
    public static final int EXIT_CONN_FAILED = 131;
    /** Authentication failed. */
    public static final int EXIT_AUTH_FAILURE = 132;
    /** Security negotiation (X.224 RDP_NEG) failed. */
    public static final int EXIT_NEGO_FAILURE = 133;
    /** Logon failed. */
    public static final int EXIT_LOGON_FAILURE = 134;
    /** Pre-connect failed (client-side set-up, e.g. a channel plug-in). */
    public static final int EXIT_PRE_CONNECT_FAILED = 136;
    /** Undefined connect error. Also what Java reports for a process killed by SIGKILL (128 + 9). */
    public static final int EXIT_CONNECT_UNDEFINED = 137;
    /** Post-connect failed (client-side set-up after the connection, e.g. the X window). */
    public static final int EXIT_POST_CONNECT_FAILED = 138;
    /** Generic connect failure. */
    public static final int EXIT_CONNECT_FAILED = 141;
    /** The MCS Connect Initial / Response exchange failed. */
    public static final int EXIT_MCS_CONNECT_INITIAL_ERROR = 142;
    /** TLS connect failed. Also what Java reports for a process killed by SIGTERM (128 + 15). */
    public static final int EXIT_TLS_CONNECT_FAILED = 143;
    /** The connection was cancelled. */
    public static final int EXIT_CONNECT_CANCELLED = 145;
    /** The TCP/transport connection failed, e.g. nothing listens on the port. */
    public static final int EXIT_CONNECT_TRANSPORT_FAILED = 147;
    /** No or missing credentials. */
    public static final int EXIT_CONNECT_NO_OR_MISSING_CREDENTIALS = 159;
    /** Unknown error. */
    public static final int EXIT_UNKNOWN = 255;

    /** Seconds between SIGTERM and SIGKILL in {@link #close()}. */
    public static final int STOP_GRACE_SECONDS = 5;

    private static final Duration STOP_GRACE = Duration.ofSeconds(STOP_GRACE_SECONDS);
    /** How long to wait for the output reader to reach end of stream once the process has exited. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 25;
    private static final Map<String, AtomicInteger> LOG_COUNTERS = new ConcurrentHashMap<>();
    private static final Pattern LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}|localhost|::1|\\[::1]");
    private static final List<String> GRAPHICS_OPTIONS = List.of("/gfx", "+gfx", "-gfx", "/rfx", "+rfx", "-rfx",
            "/network", "/bpp");

    /**
     * One line of client output.
     *
     * @param index position in the output, from 0
     * @param nanoTime {@link System#nanoTime()} when the harness read the line
     * @param text the line without its terminator
     */
    public record LogLine(int index, long nanoTime, String text) {
    }

    private final Process process;
    private final List<String> command;
    private final Path logFile;
    private final Thread reader;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final List<LogLine> lines = new ArrayList<>();
    /** Guarded by {@link #lock}; set when the reader reached end of stream. */
    private boolean outputEnded;
    private volatile boolean stoppedByHarness;
    private boolean closed;

    private XFreeRdp(Process process, List<String> command, Path logFile, BufferedWriter log) {
        this.process = process;
        this.command = command;
        this.logFile = logFile;
        this.reader = new Thread(() -> pump(log), "xfreerdp-output-" + process.pid());
        this.reader.setDaemon(true);
    }

    /** A builder with loopback host, credentials {@code oriel}/{@code oriel}, {@code /cert:ignore} and DEBUG logs. */
    public static Builder builder() {
        return new Builder();
    }

    /** The command line the client was started with. */
    public List<String> command() {
        return command;
    }

    /** The file this client's output is written to. */
    public Path logFile() {
        return logFile;
    }

    /** The client's process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the client is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, or empty while the client runs. See the {@code EXIT_*} constants. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Whether {@link #close()} had to signal the client (its exit status is then 143 or 137, not xfreerdp's). */
    public boolean stoppedByHarness() {
        return stoppedByHarness;
    }

    /**
     * Waits for the client to exit on its own and for its output to be fully read.
     *
     * @return the exit status
     * @throws org.opentest4j.AssertionFailedError when it is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) {
        if (!Processes.waitFor(process, timeout)) {
            Assertions.fail("xfreerdp (pid " + process.pid() + ") still running after " + timeout + diagnostics());
        }
        Processes.untrack(process);
        joinReader(DRAIN_TIMEOUT);
        return process.exitValue();
    }

    /** A snapshot of the output read so far. */
    public List<LogLine> lines() {
        synchronized (lock) {
            return List.copyOf(lines);
        }
    }

    /** The number of output lines read so far; pass it to {@link #awaitLog(int, Pattern, Duration)} later. */
    public int lineCount() {
        synchronized (lock) {
            return lines.size();
        }
    }

    /** The first line read so far that contains a match of {@code pattern}. */
    public Optional<LogLine> findLog(Pattern pattern) {
        synchronized (lock) {
            return lines.stream().filter(line -> pattern.matcher(line.text()).find()).findFirst();
        }
    }

    /**
     * Waits for the first output line (from the start) that contains a match of {@code pattern}.
     *
     * @throws org.opentest4j.AssertionFailedError when no such line appears within {@code timeout}, or the output
     *     ends (the client exited) without one; the message has the exit status and the last lines
     */
    public LogLine awaitLog(Pattern pattern, Duration timeout) {
        return awaitLog(0, pattern, timeout);
    }

    /**
     * Waits for the first output line at or after position {@code fromIndex} that contains a match of
     * {@code pattern}; use {@link #lineCount()} before an action to wait for a line caused by it.
     */
    public LogLine awaitLog(int fromIndex, Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String problem;
        synchronized (lock) {
            int next = fromIndex;
            while (true) {
                for (; next < lines.size(); next++) {
                    LogLine line = lines.get(next);
                    if (pattern.matcher(line.text()).find()) {
                        return line;
                    }
                }
                if (outputEnded) {
                    problem = "the output ended";
                    break;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    problem = "timed out after " + timeout;
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problem = "interrupted";
                    break;
                }
            }
        }
        return Assertions.fail("No xfreerdp output line matching /" + pattern + "/: " + problem + diagnostics());
    }

    /** Stops the client (SIGTERM, then SIGKILL after {@value #STOP_GRACE_SECONDS} s) and closes its log. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process.isAlive()) {
            stoppedByHarness = true;
        }
        Processes.terminate(process, STOP_GRACE);
        joinReader(DRAIN_TIMEOUT);
        LOG.debug("xfreerdp {} ended with {}; log {}", process.pid(), describeExitCode(process.exitValue()),
                logFile);
    }

    /** The name of an xfreerdp exit status for messages, e.g. {@code 147 (CONNECT_TRANSPORT_FAILED)}. */
    public static String describeExitCode(int code) {
        String name = switch (code) {
            case EXIT_SUCCESS -> "SUCCESS";
            case EXIT_DISCONNECT -> "DISCONNECT";
            case EXIT_LOGOFF -> "LOGOFF";
            case EXIT_IDLE_TIMEOUT -> "IDLE_TIMEOUT";
            case EXIT_LOGON_TIMEOUT -> "LOGON_TIMEOUT";
            case EXIT_CONN_REPLACED -> "CONN_REPLACED";
            case EXIT_OUT_OF_MEMORY -> "OUT_OF_MEMORY";
            case EXIT_CONN_DENIED -> "CONN_DENIED";
            case EXIT_DISCONNECT_BY_USER -> "DISCONNECT_BY_USER";
            case EXIT_PARSE_ARGUMENTS -> "PARSE_ARGUMENTS";
            case EXIT_MEMORY -> "MEMORY";
            case EXIT_PROTOCOL -> "PROTOCOL";
            case EXIT_CONN_FAILED -> "CONN_FAILED";
            case EXIT_AUTH_FAILURE -> "AUTH_FAILURE";
            case EXIT_NEGO_FAILURE -> "NEGO_FAILURE";
            case EXIT_LOGON_FAILURE -> "LOGON_FAILURE";
            case EXIT_PRE_CONNECT_FAILED -> "PRE_CONNECT_FAILED";
            case EXIT_CONNECT_UNDEFINED -> "CONNECT_UNDEFINED or SIGKILL";
            case EXIT_POST_CONNECT_FAILED -> "POST_CONNECT_FAILED";
            case EXIT_CONNECT_FAILED -> "CONNECT_FAILED";
            case EXIT_MCS_CONNECT_INITIAL_ERROR -> "MCS_CONNECT_INITIAL_ERROR";
            case EXIT_TLS_CONNECT_FAILED -> "TLS_CONNECT_FAILED or SIGTERM";
            case EXIT_CONNECT_CANCELLED -> "CONNECT_CANCELLED";
            case EXIT_CONNECT_TRANSPORT_FAILED -> "CONNECT_TRANSPORT_FAILED";
            case EXIT_CONNECT_NO_OR_MISSING_CREDENTIALS -> "CONNECT_NO_OR_MISSING_CREDENTIALS";
            case EXIT_UNKNOWN -> "UNKNOWN";
            default -> code >= EXIT_LICENSE_INTERNAL && code < EXIT_RDP ? "LICENSE error"
                    : code >= EXIT_RDP && code < EXIT_PARSE_ARGUMENTS ? "RDP protocol error " + (code - EXIT_RDP)
                    : "unnamed";
        };
        return code + " (" + name + ")";
    }

    @Override
    public String toString() {
        return "XFreeRdp[pid " + process.pid() + ", log " + logFile + "]";
    }

    /** Reads the merged output line by line until end of stream; runs on {@link #reader}. */
    private void pump(BufferedWriter log) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (log; BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), decoder))) {
            try {
                String text;
                while ((text = in.readLine()) != null) {
                    long now = System.nanoTime();
                    synchronized (lock) {
                        lines.add(new LogLine(lines.size(), now, text));
                        lock.notifyAll();
                    }
                    writeQuietly(log, text);
                    if (!in.ready()) {
                        flushQuietly(log); // Flush when a burst is over: the file stays current if the JVM dies.
                    }
                }
            } catch (IOException e) {
                writeQuietly(log, "# output read failed: " + e);
            }
            if (Processes.waitFor(process, DRAIN_TIMEOUT)) {
                writeQuietly(log, "# exit status " + describeExitCode(process.exitValue())
                        + (stoppedByHarness ? ", stopped by the test harness" : ""));
            }
        } catch (IOException e) {
            LOG.debug("Closing the xfreerdp log {} failed", logFile, e);
        } finally {
            synchronized (lock) {
                outputEnded = true;
                lock.notifyAll();
            }
        }
    }

    private static void writeQuietly(BufferedWriter log, String text) {
        try {
            log.write(text);
            log.newLine();
        } catch (IOException e) {
            // A full disk must not fail the test through the log; the in-memory copy is complete.
        }
    }

    private static void flushQuietly(BufferedWriter log) {
        try {
            log.flush();
        } catch (IOException e) {
            // As above.
        }
    }

    private void joinReader(Duration timeout) {
        try {
            reader.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Exit status and the last lines of output, appended to failure messages. */
    private String diagnostics() {
        List<LogLine> snapshot = lines();
        String status = process.isAlive() ? "still running" : "exit status " + describeExitCode(process.exitValue());
        String tail = snapshot.subList(Math.max(0, snapshot.size() - TAIL_LINES), snapshot.size()).stream()
                .map(LogLine::text).collect(Collectors.joining("\n  "));
        return "\nxfreerdp " + status + "; " + snapshot.size() + " lines in " + logFile
                + (tail.isEmpty() ? "" : "; last lines:\n  " + tail);
    }

    /**
     * The xfreerdp command line (2.11 option spelling, see {@code interop-recipe.md} §3).
     *
     * <p>Always state the graphics mode with {@link #arg}: {@code /gfx} for the graphics pipeline or {@code -gfx}
     * for surface bits / bitmap updates. Without any of {@code /gfx}, {@code /rfx}, {@code /network} or
     * {@code /bpp}, xfreerdp 2.11 applies auto-detect defaults (RDPGFX with H.264 and RemoteFX).
     */
    public static final class Builder {
        private String executable = "xfreerdp";
        private String host = "127.0.0.1";
        private int port = -1;
        private String user = "oriel";
        private String password = "oriel";
        private int width;
        private int height;
        private boolean certIgnore = true;
        private String security;
        private String logLevel = "DEBUG";
        private String clientHostname;
        private String app;
        private final List<String> extraArgs = new ArrayList<>();
        private String logName = "xfreerdp";
        private Path logDirectory;
        private boolean lineBuffered = true;

        private Builder() {
        }

        /** The program to run; {@code xfreerdp} from the {@code PATH} unless changed. */
        public Builder executable(String executable) {
            this.executable = executable;
            return this;
        }

        /** The server address; only loopback is allowed ({@code 127.x.y.z}, {@code localhost}, {@code ::1}). */
        public Builder host(String host) {
            if (!LOOPBACK.matcher(host).matches()) {
                throw new IllegalArgumentException("Interop tests connect to loopback only, not " + host);
            }
            this.host = host;
            return this;
        }

        /** The server port: {@code /v:HOST:PORT}. Required. */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** {@code /u:USER}; default {@code oriel}. Both user and password are always passed so the client never prompts. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** {@code /p:PASSWORD}; default {@code oriel}. It is masked in the log file header. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** {@code /size:WxH}, the requested desktop size; omitted unless set. */
        public Builder size(int width, int height) {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("Bad size " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** Whether to pass {@code /cert:ignore} (accept any server certificate); default {@code true}. */
        public Builder certIgnore(boolean certIgnore) {
            this.certIgnore = certIgnore;
            return this;
        }

        /** {@code /sec:MODE}, e.g. {@code tls}, {@code nla}, {@code rdp}; omitted unless set. */
        public Builder security(String mode) {
            this.security = mode;
            return this;
        }

        /** {@code /log-level:LEVEL}; default {@code DEBUG}; {@code null} omits it. */
        public Builder logLevel(String level) {
            this.logLevel = level;
            return this;
        }

        /** {@code /client-hostname:NAME}; omitted unless set. */
        public Builder clientHostname(String name) {
            this.clientHostname = name;
            return this;
        }

        /** RemoteApp mode: {@code /app:VALUE}, e.g. {@code ||xterm} for an alias (passed as one argument). */
        public Builder app(String value) {
            this.app = value;
            return this;
        }

        /** Further arguments appended as they are, e.g. {@code "/gfx"}, {@code "-clipboard"}, {@code "+auth-only"}. */
        public Builder arg(String... args) {
            extraArgs.addAll(Arrays.asList(args));
            return this;
        }

        /** Further arguments appended as they are. */
        public Builder args(List<String> args) {
            extraArgs.addAll(args);
            return this;
        }

        /** The log file's base name, usually the test name; made file-name safe. Default {@code xfreerdp}. */
        public Builder logName(String name) {
            this.logName = InteropSupport.safeFileName(name);
            return this;
        }

        /** Uses {@code ClassName.methodName} of the running test as the log file's base name. */
        public Builder logName(TestInfo testInfo) {
            this.logName = InteropSupport.testName(testInfo);
            return this;
        }

        /** Where to write the log; default {@link InteropSupport#artifactDirectory()}. */
        public Builder logDirectory(Path directory) {
            this.logDirectory = directory;
            return this;
        }

        /**
         * Whether to run the client under {@code stdbuf -oL -eL} (coreutils) when {@code stdbuf} is on the
         * {@code PATH}; default {@code true}. xfreerdp logs through stdio, which is block-buffered on a pipe: without
         * this, a client that is still running holds back its last few kilobytes of log, and {@link #awaitLog}
         * would wait for lines that were already written. {@code stdbuf} execs the client, so the pid stays the
         * client's.
         */
        public Builder lineBuffered(boolean lineBuffered) {
            this.lineBuffered = lineBuffered;
            return this;
        }

        /** The command line this builder describes (without the {@code stdbuf} prefix). */
        public List<String> commandLine() {
            if (port < 0) {
                throw new IllegalStateException("No port set");
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(executable);
            boolean ipv6 = host.contains(":") && !host.startsWith("[");
            cmd.add("/v:" + (ipv6 ? "[" + host + "]" : host) + ":" + port);
            if (user != null) {
                cmd.add("/u:" + user);
            }
            if (password != null) {
                cmd.add("/p:" + password);
            }
            if (width > 0) {
                cmd.add("/size:" + width + "x" + height);
            }
            if (certIgnore) {
                cmd.add("/cert:ignore");
            }
            if (security != null) {
                cmd.add("/sec:" + security);
            }
            if (logLevel != null) {
                cmd.add("/log-level:" + logLevel);
            }
            if (clientHostname != null) {
                cmd.add("/client-hostname:" + clientHostname);
            }
            if (app != null) {
                cmd.add("/app:" + app);
            }
            cmd.addAll(extraArgs);
            return List.copyOf(cmd);
        }

        /**
         * Starts the client on {@code xvfb}'s display and returns at once; use {@link XFreeRdp#awaitLog} or the
         * window search of {@link X11Tools} to wait for what it does.
         */
        public XFreeRdp start(Xvfb xvfb) {
            List<String> cmd = commandLine();
            if (extraArgs.stream().noneMatch(arg -> GRAPHICS_OPTIONS.stream().anyMatch(arg::startsWith))) {
                LOG.warn("xfreerdp started without /gfx, -gfx, /rfx, /network or /bpp: its auto-detect defaults "
                        + "(RDPGFX with H.264, RemoteFX) apply. State the graphics mode explicitly.");
            }
            Path dir = logDirectory != null ? logDirectory : InteropSupport.artifactDirectory();
            int n = LOG_COUNTERS.computeIfAbsent(logName, k -> new AtomicInteger()).incrementAndGet();
            Path file = dir.resolve(logName + "-" + n + ".log");
            BufferedWriter log;
            try {
                Files.createDirectories(dir);
                log = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                log.write("# " + CommandException.quote(masked(cmd)) + "\n# DISPLAY=" + xvfb.display()
                        + ", started " + Instant.now() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create xfreerdp log " + file, e);
            }
            List<String> launched = new ArrayList<>();
            if (lineBuffered && InteropSupport.isOnPath("stdbuf")) {
                launched.addAll(List.of("stdbuf", "-oL", "-eL"));
            } else if (lineBuffered) {
                LOG.warn("stdbuf not found: xfreerdp's log will arrive in blocks while it runs");
            }
            launched.addAll(cmd);
            ProcessBuilder builder = new ProcessBuilder(launched)
                    .redirectInput(ProcessBuilder.Redirect.from(Processes.DEV_NULL))
                    .redirectErrorStream(true);
            builder.environment().putAll(xvfb.environment());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                try {
                    log.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new UncheckedIOException("Cannot start " + CommandException.quote(masked(cmd)), e);
            }
            Processes.track(process);
            XFreeRdp client = new XFreeRdp(process, cmd, file, log);
            client.reader.start();
            LOG.debug("xfreerdp {} started on {}, log {}", process.pid(), xvfb.display(), file);
            return client;
        }

        private static List<String> masked(List<String> cmd) {
            return cmd.stream().map(arg -> arg.startsWith("/p:") ? "/p:****" : arg).collect(Collectors.toList());
        }
    }
}
