package dev.oriel.samples.remoteapp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.RdpServer;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.TlsIdentity;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.rdp.rail.PublishedApp;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.RemoteAppServer;
import dev.oriel.rdp.rail.WindowListener;
import dev.oriel.rdp.rail.WindowSpec;
import dev.oriel.rdp.testkit.x11.InteropSupport;
import dev.oriel.rdp.testkit.x11.X11Tools;
import dev.oriel.rdp.testkit.x11.XFreeRdp;
import dev.oriel.rdp.testkit.x11.Xvfb;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class RailSmokeTest {
    @Test
    void smoke(TestInfo info) throws Exception {
        InteropSupport.requireTools("Xvfb", "xdotool", "xwininfo", "xprop", "xfreerdp");
        TlsIdentity tls = dev.oriel.rdp.core.security.TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom());
        RemoteAppServer rail = RemoteAppServer.builder().publish(new PublishedApp("smoke", "Smoke", (desktop, req) -> {
            AppWindow w = desktop.createWindow(WindowSpec.normal("Smoke window", new Rect(100, 80, 300, 200), null, "smoke"),
                    new WindowListener() { });
            int[] px = new int[300 * 200];
            Arrays.fill(px, 0xFF3366CC);
            w.paint(PixelBuffer.ofInts(px, 300, 200, PixelFormat.XRGB32));
            w.show();
        })).build();
        try (RdpServer server = RdpServer.builder(new InetSocketAddress("127.0.0.1", 0), tls).staticChannel(rail)
                .admission(i -> CompletableFuture.completedFuture(SessionDecision.accept(new DesktopSize(1024, 768),
                        new RemoteAppDesktop()))).build()) {
            server.start().toCompletableFuture().join();
            try (Xvfb xvfb = Xvfb.start(1280, 1024); XFreeRdp client = XFreeRdp.builder()
                    .port(server.localAddress().getPort()).user("demo").password("x").size(1024, 768)
                    .security("tls").app("||smoke").logLevel("DEBUG").logName(info).start(xvfb)) {
                X11Tools x11 = new X11Tools(xvfb);
                long window = x11.awaitWindow(Duration.ofSeconds(30), "--class", "^RAIL:");
                assertThat(x11.windowName(window)).isEqualTo("Smoke window");
                System.out.println("GEOMETRY " + x11.geometry(window));
            }
        }
    }
}
