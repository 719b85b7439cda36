package dev.oriel.rdp.testkit.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class X11ToolsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Xvfb xvfb;
    private X11Tools x11;

    @BeforeEach
    void startDisplay() {
        InteropSupport.requireTools("Xvfb", "xdpyinfo", "xdotool", "xwininfo", "xprop", "xlogo");
        xvfb = Xvfb.start(400, 300);
        x11 = new X11Tools(xvfb);
    }

    @AfterEach
    void stopDisplay() {
        if (xvfb != null) {
            xvfb.close();
        }
    }

    @Test
    void findsReadsMovesAndResizesAWindow() {
        try (BackgroundProcess logo = x11.startClient("xlogo", "-geometry", "120x90+10+20", "-bw", "2")) {
            long window = x11.awaitWindow(TIMEOUT, "--class", "^XLogo$");

            assertThat(logo.isAlive()).isTrue();
            assertThat(x11.searchWindows("--classname", "^xlogo$")).contains(window);
            // The geometry is the drawable area inside the 2-pixel border.
            assertThat(x11.geometry(window)).isEqualTo(new Rectangle(12, 22, 120, 90));
            assertThat(x11.windowName(window)).isEqualTo("xlogo");
            assertThat(x11.property(window, "WM_CLASS")).isEqualTo("\"xlogo\", \"XLogo\"");
            assertThat(x11.property(window, "_NET_WM_NAME")).isNull();

            x11.moveWindow(window, 50, 60);
            x11.awaitCondition(TIMEOUT, () -> x11.geometry(window).getLocation().equals(new Point(52, 62)));

            x11.resizeWindow(window, 150, 100);
            x11.awaitCondition(TIMEOUT, () -> x11.geometry(window).equals(new Rectangle(52, 62, 150, 100)));
            BufferedImage shot = x11.screenshot(window);
            assertThat(shot.getWidth()).isEqualTo(150);
            assertThat(shot.getHeight()).isEqualTo(100);
        }
    }

    @Test
    void searchWithoutMatchIsEmpty() {
        assertThat(x11.searchWindows("--class", "^no-such-window-class$")).isEmpty();
        assertThat(x11.searchWindows("--name", "^no such window$")).isEmpty();
    }

    @Test
    void windowNamePrefersNetWmNameAndUnescapes() {
        try (BackgroundProcess logo = x11.startClient("xlogo")) {
            long window = x11.awaitWindow(TIMEOUT, "--class", "^XLogo$");
            assertThat(logo.exitCode()).isEmpty();

            // xdotool sets both _NET_WM_NAME and WM_NAME; quotes and backslashes come back escaped from xprop.
            x11.run("xdotool", "set_window", "--name", "say \"hi\" \\ ok", Long.toString(window));

            assertThat(x11.property(window, "_NET_WM_NAME")).isEqualTo("\"say \\\"hi\\\" \\\\ ok\"");
            assertThat(x11.windowName(window)).isEqualTo("say \"hi\" \\ ok");
        }
    }

    @Test
    void keyboardAndPointerInputReachTheFocusedClient() {
        InteropSupport.requireTools("xev");
        try (BackgroundProcess xev = x11.startClient("xev", "-geometry", "200x150+30+40", "-name", "oriel-xev",
                "-event", "keyboard", "-event", "button")) {
            long window = x11.awaitWindow(TIMEOUT, "--name", "^oriel-xev$");

            x11.focus(window);
            x11.type("-aB");
            x11.key("Return");
            x11.mouseMove(window, 10, 20);
            x11.click(1);
            x11.mouseDown(3);
            x11.mouseUp(3);

            x11.awaitCondition(TIMEOUT, () -> xev.output().contains("keysym 0xff0d, Return")
                    && xev.output().contains("ButtonRelease event"));
            String events = xev.output();
            assertThat(events)
                    .contains("keysym 0x2d, minus")
                    .contains("keysym 0x61, a")
                    .contains("keysym 0xffe1, Shift_L")
                    .contains("keysym 0x42, B")
                    .contains("(10,20)")
                    .contains("button 1")
                    .contains("button 3")
                    // XTEST input is indistinguishable from a real keyboard and mouse.
                    .doesNotContain("synthetic YES");
        }
    }

    @Test
    void failingCommandReportsCommandLineExitCodeAndStderr() {
        CommandException failure = catchThrowableOfType(CommandException.class, () -> x11.geometry(0x7ffffff0L));

        assertThat(failure).isNotNull();
        assertThat(failure.exitCode()).isNotZero().isNotEqualTo(CommandException.NO_EXIT_CODE);
        assertThat(failure.commandLine()).isEqualTo("xwininfo -id 0x7ffffff0");
        assertThat(failure.stderr()).isNotBlank();
        assertThat(failure.getMessage()).contains("xwininfo -id 0x7ffffff0").contains(failure.stderr().strip());
    }
}
