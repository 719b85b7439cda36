package dev.oriel.rdp.testkit.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.opentest4j.AssertionFailedError;

class XFreeRdpTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CONNECTING = Pattern.compile("connecting to peer 127\\.0\\.0\\.1");

    @Test
    void exitsWithTransportFailureWhenNothingListens(TestInfo testInfo) throws IOException {
        InteropSupport.requireTools("Xvfb", "xdpyinfo", "xfreerdp");
        int port = freeLoopbackPort();
        try (Xvfb xvfb = Xvfb.start(800, 600);
             XFreeRdp client = XFreeRdp.builder().port(port).size(640, 480).arg("-gfx").logName(testInfo)
                     .start(xvfb)) {
            int exitCode = client.awaitExit(TIMEOUT);

            assertThat(exitCode).as(XFreeRdp.describeExitCode(exitCode))
                    .isEqualTo(XFreeRdp.EXIT_CONNECT_TRANSPORT_FAILED);
            assertThat(client.stoppedByHarness()).isFalse();
            assertThat(client.exitCode()).hasValue(XFreeRdp.EXIT_CONNECT_TRANSPORT_FAILED);
            assertThat(client.isAlive()).isFalse();

            XFreeRdp.LogLine connecting = client.awaitLog(CONNECTING, Duration.ofSeconds(1));
            List<XFreeRdp.LogLine> lines = client.lines();
            assertThat(lines).hasSizeGreaterThan(connecting.index());
            assertThat(lines.get(connecting.index())).isEqualTo(connecting);
            for (int i = 1; i < lines.size(); i++) {
                assertThat(lines.get(i).nanoTime()).isGreaterThanOrEqualTo(lines.get(i - 1).nanoTime());
                assertThat(lines.get(i).index()).isEqualTo(i);
            }

            assertThat(client.logFile().getFileName().toString()).matches("XFreeRdpTest\\."
                    + "exitsWithTransportFailureWhenNothingListens-\\d+\\.log");
            String log = Files.readString(client.logFile(), StandardCharsets.UTF_8);
            assertThat(log)
                    .contains("/v:127.0.0.1:" + port)
                    .contains("/p:****")
                    .contains(connecting.text())
                    .contains("# exit status 147 (CONNECT_TRANSPORT_FAILED)");
        }
    }

    @Test
    void awaitLogFailsFastOnceTheOutputEnds(TestInfo testInfo) throws IOException {
        InteropSupport.requireTools("Xvfb", "xdpyinfo", "xfreerdp");
        int port = freeLoopbackPort();
        try (Xvfb xvfb = Xvfb.start(320, 240);
             XFreeRdp client = XFreeRdp.builder().port(port).arg("-gfx").logName(testInfo).start(xvfb)) {
            long start = System.nanoTime();
            Throwable failure = catchThrowable(
                    () -> client.awaitLog(Pattern.compile("CONNECTION_STATE_ACTIVE"), TIMEOUT));

            assertThat(failure).isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("the output ended")
                    .hasMessageContaining("147")
                    .hasMessageContaining(client.logFile().toString());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
        }
    }

    @Test
    void closeStopsAClientThatWaitsForTheServer(TestInfo testInfo) throws IOException {
        InteropSupport.requireTools("Xvfb", "xdpyinfo", "xfreerdp");
        // The kernel completes the TCP handshake from the backlog, so the client connects and then waits for an
        // X.224 Connection Confirm that never comes.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Xvfb xvfb = Xvfb.start(320, 240)) {
            XFreeRdp client = XFreeRdp.builder().port(silent.getLocalPort()).arg("-gfx").logName(testInfo)
                    .start(xvfb);
            try {
                client.awaitLog(CONNECTING, TIMEOUT);
                assertThat(client.isAlive()).isTrue();
                assertThat(client.exitCode()).isEmpty();
            } finally {
                client.close();
            }

            assertThat(client.isAlive()).isFalse();
            assertThat(client.stoppedByHarness()).isTrue();
            // Java reports death by SIGTERM as 128 + 15 (SIGKILL, after the grace period, as 128 + 9).
            assertThat(client.exitCode()).isPresent();
            assertThat(client.exitCode().getAsInt()).isIn(128 + 15, 128 + 9);
            // What the client printed while dying is kept: the harness signals without closing the pipe.
            assertThat(Files.readString(client.logFile(), StandardCharsets.UTF_8))
                    .contains("Caught signal")
                    .contains("stopped by the test harness");
        }
    }

    @Test
    void builderWritesTheRecipeCommandLine() {
        List<String> command = XFreeRdp.builder()
                .port(3390).user("alice").password("secret").size(1024, 768).security("tls")
                .clientHostname("oriel-ci").app("||xterm").arg("/gfx", "+clipboard")
                .commandLine();

        assertThat(command).containsExactly("xfreerdp", "/v:127.0.0.1:3390", "/u:alice", "/p:secret",
                "/size:1024x768", "/cert:ignore", "/sec:tls", "/log-level:DEBUG", "/client-hostname:oriel-ci",
                "/app:||xterm", "/gfx", "+clipboard");
        assertThat(XFreeRdp.builder().host("::1").port(1).certIgnore(false).logLevel(null).commandLine())
                .containsExactly("xfreerdp", "/v:[::1]:1", "/u:oriel", "/p:oriel");
    }

    @Test
    void builderRefusesNonLoopbackHostsAndMissingPort() {
        assertThatThrownBy(() -> XFreeRdp.builder().host("192.168.1.10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XFreeRdp.builder().host("example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XFreeRdp.builder().commandLine()).isInstanceOf(IllegalStateException.class);
        assertThat(XFreeRdp.describeExitCode(147)).isEqualTo("147 (CONNECT_TRANSPORT_FAILED)");
        assertThat(XFreeRdp.describeExitCode(40)).isEqualTo("40 (RDP protocol error 8)");
    }

    /** A loopback port on which nothing listens: bound by the OS, then released. */
    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
