package dev.oriel.samples.demo;

import dev.oriel.rdp.core.api.GraphicsOptions;
import dev.oriel.rdp.core.api.TlsIdentity;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/**
 * {@code java -jar samples/target/oriel-demo.jar [--bind ADDR] [--port N] [--state-dir DIR] [--no-graphics-pipeline]
 * [--photo-codec C] [--ui-codec C]}:
 * serves a 1024×768 demo desktop over RDP and prints how to connect.
 */
public final class DemoMain {
    /** The demo's fixed default port; 3389 is left to a real RDP server on the machine. */
    public static final int DEFAULT_PORT = 13389;
    public static final String DEFAULT_BIND = "127.0.0.1";

    private DemoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("oriel-demo: " + e.getMessage());
            System.err.println();
            usage(System.err);
            System.exit(2);
            return;
        }
        if (options.help) {
            usage(System.out);
            return;
        }
        TlsIdentity tls = TlsIdentity.selfSigned(options.stateDir);
        UnaryOperator<dev.oriel.rdp.core.api.RdpServer.Builder> configure = b -> {
            if (options.captureDir != null) {
                b = b.captureDirectory(options.captureDir);
            }
            // Without the graphics pipeline clients get bitmap updates (planar at 32 bpp, interleaved RLE below).
            return b.graphics(options.graphics());
        };
        if (options.captureDir != null) {
            System.err.println("oriel-demo: WARNING: capturing plaintext RDP streams, passwords included, to "
                    + options.captureDir.toAbsolutePath());
        }
        DemoServer demo = new DemoServer(new InetSocketAddress(options.bind, options.port), tls, Clock.systemDefaultZone(),
                true, UnaryOperator.identity(), configure);
        InetSocketAddress bound;
        try {
            bound = demo.start();
        } catch (RuntimeException e) {
            System.err.println("oriel-demo: cannot listen on " + options.bind + ":" + options.port + ": " + e.getMessage());
            demo.close();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "oriel-demo-shutdown"));
        printConnectionHelp(System.out, bound, tls, options.stateDir);
        stopped.await();
    }

    static void printConnectionHelp(PrintStream out, InetSocketAddress bound, TlsIdentity tls, Path stateDir) {
        String host = bound.getAddress().isAnyLocalAddress() ? "<this-host>" : bound.getAddress().getHostAddress();
        String target = host.contains(":") ? "[" + host + "]:" + bound.getPort() : host + ":" + bound.getPort();
        out.println();
        out.println("Oriel demo desktop (1024x768) listening on " + target);
        out.println("TLS certificate SHA-256 " + tls.fingerprintSha256());
        out.println("  (self-signed, kept in " + stateDir.toAbsolutePath() + ")");
        out.println();
        out.println("Connect with FreeRDP (Debian package freerdp2-x11); any user name and password are accepted:");
        out.println("  xfreerdp /v:" + target + " /u:demo /p:demo /cert:tofu /size:1024x768");
        out.println("  (/cert:tofu trusts this certificate on first use; /cert:ignore skips the check)");
        out.println();
        out.println("Or open single applications as their own windows (RemoteApp):");
        for (String app : List.of("notepad", "clock", "paint")) {
            out.println("  xfreerdp /v:" + target + " /u:demo /p:demo /cert:tofu '/app:||" + app + "'");
        }
        out.println();
        out.println("Connect with mstsc (Windows): run mstsc /v:" + target + " and accept the certificate.");
        if (!bound.getAddress().isAnyLocalAddress() && bound.getAddress().isLoopbackAddress()) {
            out.println("  (the demo listens on loopback only; use --bind 0.0.0.0 to accept other machines)");
        }
        out.println();
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    static void usage(PrintStream out) {
        out.println("Usage: java -jar oriel-demo.jar [--bind ADDR] [--port N] [--state-dir DIR] [--no-graphics-pipeline]");
        out.println("                                [--photo-codec C] [--ui-codec C]");
        out.println();
        out.println("  --bind ADDR       address to listen on (default " + DEFAULT_BIND + ")");
        out.println("  --port N          TCP port (default " + DEFAULT_PORT + ")");
        out.println("  --state-dir DIR   where the generated TLS certificate is kept (default " + defaultStateDir() + ")");
        out.println("  --capture-dir DIR debugging aid: write each connection's plaintext streams (passwords included) to DIR");
        out.println("  --no-graphics-pipeline  do not offer the graphics pipeline: clients get bitmap updates");
        out.println("  --photo-codec C   photo-like tiles: remotefx (default), progressive (coarse first, then");
        out.println("                    finer passes) or planar (lossless)");
        out.println("  --ui-codec C      text and UI tiles: planar (default, fastest) or clearcodec (fewer bytes)");
        out.println("  --help            this text");
    }

    /** {@code $XDG_STATE_HOME/oriel-demo}, else {@code ~/.local/state/oriel-demo}. */
    static Path defaultStateDir() {
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "oriel-demo");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "oriel-demo");
    }

    static final class Options {
        String bind = DEFAULT_BIND;
        int port = DEFAULT_PORT;
        Path stateDir = defaultStateDir();
        Path captureDir;
        boolean noGraphicsPipeline;
        GraphicsOptions.PhotoCodec photoCodec = GraphicsOptions.defaults().photoCodec();
        GraphicsOptions.UiCodec uiCodec = GraphicsOptions.defaults().uiCodec();
        boolean help;

        GraphicsOptions graphics() {
            return GraphicsOptions.defaults().withPipeline(!noGraphicsPipeline).withPhotoCodec(photoCodec)
                    .withUiCodec(uiCodec);
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--no-graphics-pipeline" -> o.noGraphicsPipeline = true;
                    case "--bind" -> o.bind = value != null ? value : next(args, ++i, a);
                    case "--port" -> o.port = port(value != null ? value : next(args, ++i, a));
                    case "--state-dir" -> o.stateDir = Path.of(value != null ? value : next(args, ++i, a));
                    case "--capture-dir" -> o.captureDir = Path.of(value != null ? value : next(args, ++i, a));
                    case "--photo-codec" -> o.photoCodec = choice(GraphicsOptions.PhotoCodec.class,
                            value != null ? value : next(args, ++i, a), a);
                    case "--ui-codec" -> o.uiCodec = choice(GraphicsOptions.UiCodec.class,
                            value != null ? value : next(args, ++i, a), a);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            return o;
        }

        private static String next(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static <E extends Enum<E>> E choice(Class<E> type, String s, String option) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s)) {
                    return e;
                }
            }
            throw new IllegalArgumentException(option + " takes " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList() + ", not " + s);
        }

        private static int port(String s) {
            try {
                int p = Integer.parseInt(s);
                if (p < 0 || p > 65535) {
                    throw new IllegalArgumentException("port out of range: " + s);
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port number: " + s);
            }
        }
    }
}
