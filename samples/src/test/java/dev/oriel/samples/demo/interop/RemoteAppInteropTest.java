package dev.oriel.samples.demo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.TlsIdentity;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.rdp.rail.LaunchRequest;
import dev.oriel.rdp.rail.PublishedApp;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.WindowState;
import dev.oriel.rdp.testkit.x11.InteropSupport;
import dev.oriel.rdp.testkit.x11.PixelCompare;
import dev.oriel.rdp.testkit.x11.Poll;
import dev.oriel.rdp.testkit.x11.X11Tools;
import dev.oriel.rdp.testkit.x11.XFreeRdp;
import dev.oriel.rdp.testkit.x11.Xvfb;
import dev.oriel.samples.demo.DemoServer;
import dev.oriel.samples.apps.NotepadApp;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * RemoteApp against the real FreeRDP client (xfreerdp 2.11 {@code /app:}) under Xvfb, on 127.0.0.1: each server
 * window must become its own X window with the server's title, position and pixels, and what the user does to
 * those X windows must reach the server's window model. xfreerdp names each RemoteApp window's class
 * {@code RAIL:%08X} after the window id, which maps X windows to Oriel windows.
 */
class RemoteAppInteropTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Clock FROZEN = Clock.fixed(Instant.parse("2026-11-22T10:08:30Z"), ZoneOffset.UTC);

    static TlsIdentity tls;
    Recorder recorder;
    WindowManagerProbe wm;
    DemoServer demo;
    int port;

    @BeforeAll
    static void requireTools() {
        InteropSupport.requireTools("Xvfb", "xdotool", "xwininfo", "xprop", "xfreerdp");
        InteropSupport.requirePythonModule("Xlib", "python3-xlib");
        tls = dev.oriel.rdp.core.security.TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom());
    }

    @BeforeEach
    void startServer() {
        recorder = new Recorder();
        demo = new DemoServer(new InetSocketAddress("127.0.0.1", 0), tls, FROZEN, false, recorder,
                UnaryOperator.identity());
        port = demo.start().getPort();
    }

    @AfterEach
    void stopServer() {
        if (wm != null) {
            wm.close();
        }
        demo.close();
    }

    private XFreeRdp start(Xvfb xvfb, TestInfo info, String app) {
        return start(xvfb, info, app, "-gfx");
    }

    private XFreeRdp start(Xvfb xvfb, TestInfo info, String app, String graphics) {
        if (wm == null) {
            wm = WindowManagerProbe.start(new X11Tools(xvfb));
        }
        return XFreeRdp.builder().port(port).user("demo").password("demo-password").size(1024, 768)
                .security("tls").arg(graphics).app("||" + app).logLevel("DEBUG").logName(info).start(xvfb);
    }

    @Test
    void windowsShowExactPixelsOverTheGraphicsPipelineToo(TestInfo info) throws Exception {
        // xfreerdp cuts RemoteApp windows out of its desktop surface, which the graphics pipeline now paints.
        try (Xvfb xvfb = Xvfb.start(1280, 1024); XFreeRdp client = start(xvfb, info, "notepad", "/gfx")) {
            Opened o = opened(xvfb, "Untitled - Notepad");
            X11Tools x11 = o.x11();
            x11.awaitCondition(TIMEOUT, () -> o.session().session()
                    .channel(dev.oriel.rdp.core.graphics.gfx.GfxChannel.class)
                    .map(dev.oriel.rdp.core.graphics.gfx.GfxChannel::ready).orElse(false));
            awaitSamePixels(x11, o.xWindow(), o.window(), "gfx-notepad");
            x11.focus(o.xWindow());
            x11.type("gfx");
            NotepadApp notepad = NotepadApp.of(o.window()).orElseThrow();
            x11.awaitCondition(TIMEOUT, () -> notepad.text().equals("gfx"));
            awaitSamePixels(x11, o.xWindow(), o.window(), "gfx-notepad-typed");
        }
    }

    /** A RemoteApp session whose first window is on the client. */
    record Opened(Recorder.Recorded session, RemoteAppDesktop desktop, AppWindow window, X11Tools x11, long xWindow) {
    }

    /** Waits for the first session, its window titled {@code title} and that window's X window. */
    private Opened opened(Xvfb xvfb, String title) throws Exception {
        Recorder.Recorded s = recorder.awaitStarted(0, TIMEOUT);
        RemoteAppDesktop desktop = demo.remoteApp(s.session().id());
        AppWindow w = awaitWindow(desktop, title);
        X11Tools x11 = new X11Tools(xvfb);
        return new Opened(s, desktop, w, x11, xWindowOf(x11, w));
    }

    /** The X window xfreerdp made for Oriel window {@code w}. */
    private static long xWindowOf(X11Tools x11, AppWindow w) {
        return x11.awaitWindow(TIMEOUT, "--class", String.format("^RAIL:%08X$", w.id()));
    }

    private static AppWindow awaitWindow(RemoteAppDesktop desktop, String title) {
        return Poll.awaitValue(TIMEOUT, "a server window titled " + title, () -> desktop.windows().stream()
                .filter(w -> w.title().equals(title) && w.isVisible()).findFirst());
    }

    /** Waits until the X window shows exactly the server window's pixels (pointer parked elsewhere). */
    private static void awaitSamePixels(X11Tools x11, long xWindow, AppWindow w, String name) throws Exception {
        x11.run("xdotool", "mousemove", "1270", "1015");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        PixelCompare.Result last = null;
        BufferedImage shot = null;
        int[] expected = null;
        Rect b = null;
        while (System.nanoTime() < deadline) {
            b = w.bounds();
            expected = w.snapshot();
            shot = x11.screenshot(xWindow);
            if (shot.getWidth() == b.width() && shot.getHeight() == b.height()) {
                last = PixelCompare.compare(shot, new Rectangle(0, 0, b.width(), b.height()), expected);
                if (last.matches()) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        PixelCompare.writeArtifact(shot, name + "-client");
        BufferedImage exp = new BufferedImage(b.width(), b.height(), BufferedImage.TYPE_INT_RGB);
        exp.setRGB(0, 0, b.width(), b.height(), expected, 0, b.width());
        PixelCompare.writeArtifact(exp, name + "-server");
        throw new AssertionError("window pixels never matched (client " + shot.getWidth() + "x" + shot.getHeight()
                + ", server " + b + "): " + (last == null ? "size differs" : last.describe()));
    }

    @Test
    void notepadOpensAsItsOwnWindowWithTitlePositionAndPixels(TestInfo info) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024); XFreeRdp client = start(xvfb, info, "notepad")) {
            Opened o = opened(xvfb, "Untitled - Notepad");
            AppWindow notepad = o.window();
            X11Tools x11 = o.x11();
            long xw = o.xWindow();
            assertThat(x11.windowName(xw)).isEqualTo("Untitled - Notepad");
            Rect b = notepad.bounds();
            assertThat(x11.geometry(xw)).isEqualTo(new Rectangle(b.x(), b.y(), b.width(), b.height()));
            // RemoteApp, not a desktop: no xfreerdp desktop window.
            assertThat(x11.searchWindows("--class", "^xfreerdp$")).isEmpty();
            assertThat(x11.property(xw, "_NET_WM_ICON")).contains("32 x 32"); // the app's icon reached the client
            awaitSamePixels(x11, xw, notepad, "notepad");
        }
    }

    @Test
    void typingIntoNotepadChangesItsTextTitleAndPixels(TestInfo info) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024); XFreeRdp client = start(xvfb, info, "notepad")) {
            Opened o = opened(xvfb, "Untitled - Notepad");
            AppWindow w = o.window();
            X11Tools x11 = o.x11();
            long xw = o.xWindow();
            NotepadApp notepad = NotepadApp.of(w).orElseThrow();
            x11.focus(xw);
            x11.type("Hello RAIL");
            x11.key("Return");
            x11.awaitCondition(TIMEOUT, () -> notepad.text().equals("Hello RAIL\n"));
            x11.awaitCondition(TIMEOUT, () -> x11.windowName(xw).equals("*Untitled - Notepad"));
            awaitSamePixels(x11, xw, w, "typed");
        }
    }

    @Test
    void aSecondAppAppearsAsASecondWindowAndServerChangesFollow(TestInfo info) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024); XFreeRdp client = start(xvfb, info, "notepad")) {
            Opened o = opened(xvfb, "Untitled - Notepad");
            RemoteAppDesktop desktop = o.desktop();
            AppWindow notepad = o.window();
            X11Tools x11 = o.x11();
            long notepadX = o.xWindow();

            PublishedApp clockApp = demo.remoteAppServer().apps().stream().filter(a -> a.alias().equals("clock"))
                    .findFirst().orElseThrow();
            desktop.start(clockApp, new LaunchRequest("||clock", "", ""));
            AppWindow clock = awaitWindow(desktop, "Clock");
            long clockX = xWindowOf(x11, clock);
            assertThat(clockX).isNotEqualTo(notepadX);
            assertThat(x11.searchWindows("--class", "^RAIL:")).hasSize(2);
            awaitSamePixels(x11, clockX, clock, "clock");

            // Requests xfreerdp announced support for: keep the display on, cloak and uncloak a window.
            assertThat(desktop.requestDisplayOn(true)).isTrue();
            client.awaitLog(Pattern.compile("Received TS_RAIL_ORDER_POWER_DISPLAY_REQUEST"), TIMEOUT);
            clock.setCloaked(true);
            clock.setCloaked(false);
            client.awaitLog(Pattern.compile("Received TS_RAIL_ORDER_CLOAK"), TIMEOUT);

            clock.setTitle("Clock - renamed by the server");
            x11.awaitCondition(TIMEOUT, () -> x11.windowName(clockX).equals("Clock - renamed by the server"));

            clock.destroy();
            x11.awaitCondition(TIMEOUT, () -> x11.searchWindows("--class", String.format("^RAIL:%08X$", clock.id()))
                    .isEmpty());
            assertThat(x11.searchWindows("--class", "^RAIL:")).containsExactly(notepadX);
            assertThat(client.isAlive()).isTrue();
        }
    }

    @Test
    void movingAndResizingTheClientWindowMovesTheServerWindow(TestInfo info) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024); XFreeRdp client = start(xvfb, info, "paint")) {
            Opened o = opened(xvfb, "Paint");
            AppWindow paint = o.window();
            X11Tools x11 = o.x11();
            long xw = o.xWindow();
            Rect before = paint.bounds();
            // xfreerdp reports a changed position only while one of its windows has the focus.
            x11.focus(xw);
            x11.moveWindow(xw, 300, 250);
            x11.awaitCondition(TIMEOUT, () -> paint.bounds().x() == 300 && paint.bounds().y() == 250);
            assertThat(paint.bounds().width()).isEqualTo(before.width());

            x11.resizeWindow(xw, 600, 450);
            x11.awaitCondition(TIMEOUT, () -> paint.bounds().equals(new Rect(300, 250, 600, 450)));
            // The application repainted at the new size and the client shows it.
            awaitSamePixels(x11, xw, paint, "resized");
        }
    }

    @Test
    void minimizeRoundTripsFromBothSides(TestInfo info) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024); XFreeRdp client = start(xvfb, info, "clock")) {
            Opened o = opened(xvfb, "Clock");
            AppWindow clock = o.window();
            X11Tools x11 = o.x11();
            long xw = o.xWindow();

            // Server side: the client asks its window manager to iconify the window (ICCCM WM_CHANGE_STATE).
            clock.setState(WindowState.MINIMIZED);
            wm.awaitIconifyRequest(xw, TIMEOUT);
            clock.setState(WindowState.NORMAL);
            x11.awaitCondition(TIMEOUT, () -> client.findLog(Pattern.compile("WindowUpdate windowId=0x"
                    + Long.toHexString(clock.id()) + " .*show=")).isPresent());

            // Client side: a window manager iconifies the X window (WM_STATE = IconicState); the server follows.
            x11.focus(xw);
            WindowManagerProbe.setWmState(x11, xw, 3);
            x11.awaitCondition(TIMEOUT, () -> clock.state() == WindowState.MINIMIZED);
            WindowManagerProbe.setWmState(x11, xw, 1);
            x11.awaitCondition(TIMEOUT, () -> clock.state() == WindowState.NORMAL);
        }
    }

    @Test
    void closingTheClientWindowAsksTheApplication(TestInfo info) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024); XFreeRdp client = start(xvfb, info, "notepad")) {
            Opened o = opened(xvfb, "Untitled - Notepad");
            Recorder.Recorded s = o.session();
            AppWindow w = o.window();
            X11Tools x11 = o.x11();
            long xw = o.xWindow();
            NotepadApp notepad = NotepadApp.of(w).orElseThrow();
            x11.focus(xw);
            x11.type("draft");
            x11.awaitCondition(TIMEOUT, () -> notepad.modified());

            x11.closeWindow(xw); // the close button of a window manager
            AppWindow dialog = Poll.awaitValue(TIMEOUT, "the confirm dialog", notepad::confirmDialog);
            long dialogX = xWindowOf(x11, dialog);
            assertThat(w.isDestroyed()).as("the unsaved notepad refused to close").isFalse();
            assertThat(x11.windowName(dialogX)).isEqualTo(dialog.title());

            // "Don't Save": the notepad and its dialog close, and with the last window the session ends.
            x11.focus(dialogX);
            x11.key("n");
            CloseReason reason = s.closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(reason.kind()).isEqualTo(CloseReason.Kind.SERVER_CLOSED);
            assertThat(w.isDestroyed()).isTrue();
            assertThat(client.awaitExit(TIMEOUT)).as("xfreerdp exit code").isNotNegative();
        }
    }

    @Test
    void anUnpublishedProgramIsRefusedAndTheServerKeepsServing(TestInfo info) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024)) {
            try (XFreeRdp refused = XFreeRdp.builder().port(port).user("demo").password("x").size(1024, 768)
                    .security("tls").arg("-gfx").app("/bin/sh").arg("/app-cmd:-c id").logLevel("DEBUG").logName(info)
                    .start(xvfb)) {
                refused.awaitLog(Pattern.compile("RAIL exec error"), TIMEOUT);
                refused.awaitExit(TIMEOUT);
            }
            try (XFreeRdp client = start(xvfb, info, "paint")) {
                Recorder.Recorded s = recorder.awaitStarted(1, TIMEOUT);
                AppWindow paint = awaitWindow(demo.remoteApp(s.session().id()), "Paint");
                assertThat(xWindowOf(new X11Tools(xvfb), paint)).isPositive();
            }
        }
    }

    @Test
    void rightClickInPaintOpensAPopupMenuWindow(TestInfo info) throws Exception {
        try (Xvfb xvfb = Xvfb.start(1280, 1024); XFreeRdp client = start(xvfb, info, "paint")) {
            Opened o = opened(xvfb, "Paint");
            RemoteAppDesktop desktop = o.desktop();
            AppWindow paint = o.window();
            X11Tools x11 = o.x11();
            long xw = o.xWindow();
            x11.mouseMove(xw, 200, 200);
            x11.click(3);
            AppWindow menu = Poll.awaitValue(TIMEOUT, "a popup menu", () -> desktop.windows().stream()
                    .filter(w -> w.kind() == dev.oriel.rdp.rail.WindowKind.POPUP).findFirst());
            long menuX = xWindowOf(x11, menu);
            Rect b = menu.bounds();
            assertThat(b.x()).isEqualTo(paint.bounds().x() + 200);
            assertThat(x11.geometry(menuX).getLocation()).isEqualTo(new java.awt.Point(b.x(), b.y()));
            awaitSamePixels(x11, menuX, menu, "menu");
        }
    }
}
