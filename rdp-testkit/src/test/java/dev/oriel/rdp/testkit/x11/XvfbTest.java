package dev.oriel.rdp.testkit.x11;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class XvfbTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int RED = 0xff0000;
    private static final int BLACK = 0x000000;

    @Test
    void startsADisplayOfTheRequestedSize() {
        InteropSupport.requireTools("Xvfb", "xdpyinfo", "xdotool");
        try (Xvfb xvfb = Xvfb.start(320, 240)) {
            assertThat(xvfb.display()).isEqualTo(":" + xvfb.displayNumber()).matches(":\\d+");
            assertThat(xvfb.environment()).isEqualTo(Map.of("DISPLAY", xvfb.display()));
            assertThat(xvfb.isAlive()).isTrue();

            CommandResult geometry = Commands.runChecked(xvfb.environment(), TIMEOUT,
                    List.of("xdotool", "getdisplaygeometry"));

            assertThat(geometry.stdout().strip()).isEqualTo("320 240");
            BufferedImage screen = xvfb.screenshot();
            assertThat(screen.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(screen.getWidth()).isEqualTo(320);
            assertThat(screen.getHeight()).isEqualTo(240);
        }
    }

    @Test
    void screenshotShowsWhatAClientDraws(TestInfo testInfo) {
        InteropSupport.requireTools("Xvfb", "xdpyinfo");
        boolean haveXsetroot = InteropSupport.isOnPath("xsetroot");
        if (!haveXsetroot) {
            InteropSupport.requireTools("xlogo");
        }
        try (Xvfb xvfb = Xvfb.start(200, 150)) {
            X11Tools x11 = new X11Tools(xvfb);
            Rectangle painted = new Rectangle(20, 30, 100, 80);
            Rectangle outside = new Rectangle(150, 100, 50, 50);
            assertThat(PixelCompare.compare(xvfb.screenshot(), painted, PixelCompare.solid(100, 80, BLACK)).matches())
                    .as("the root window starts black").isTrue();

            BackgroundProcess client = null;
            try {
                if (haveXsetroot) {
                    x11.run("xsetroot", "-solid", "#ff0000");
                } else {
                    // A border-less xlogo with a red background; its corners stay red around the blue logo.
                    client = x11.startClient("xlogo", "-bg", "#ff0000", "-fg", "#0000ff", "-bw", "0",
                            "-geometry", "100x80+20+30");
                }
                Rectangle corner = new Rectangle(painted.x, painted.y, 8, 8);
                int[] red = PixelCompare.solid(corner.width, corner.height, RED);
                x11.awaitCondition(TIMEOUT,
                        () -> PixelCompare.compare(xvfb.screenshot(), corner, red).matches());

                BufferedImage screen = xvfb.screenshot();
                PixelCompare.writeArtifact(screen, InteropSupport.testName(testInfo));
                int expectedOutside = haveXsetroot ? RED : BLACK;
                PixelCompare.Result rest = PixelCompare.compare(screen, outside,
                        PixelCompare.solid(outside.width, outside.height, expectedOutside));
                assertThat(rest.matches()).as(rest.describe()).isTrue();

                BufferedImage crop = xvfb.screenshot(corner);
                assertThat(crop.getWidth()).isEqualTo(8);
                assertThat(crop.getHeight()).isEqualTo(8);
                assertThat(crop.getRGB(0, 0) & 0xffffff).isEqualTo(RED);
            } finally {
                if (client != null) {
                    client.close();
                }
            }
        }
    }

    @Test
    void screenshotRegionIsClippedToTheScreen() {
        InteropSupport.requireTools("Xvfb", "xdpyinfo");
        try (Xvfb xvfb = Xvfb.start(64, 48)) {
            BufferedImage crop = xvfb.screenshot(new Rectangle(60, 40, 10, 10));

            assertThat(crop.getWidth()).isEqualTo(4);
            assertThat(crop.getHeight()).isEqualTo(8);
        }
    }

    @Test
    void closeStopsTheServerAndDeletesItsFramebuffer() {
        InteropSupport.requireTools("Xvfb", "xdpyinfo");
        Xvfb xvfb = Xvfb.start(64, 48);
        assertThat(xvfb.framebufferFile()).isRegularFile();

        xvfb.close();
        xvfb.close();

        assertThat(xvfb.isAlive()).isFalse();
        assertThat(xvfb.framebufferFile()).doesNotExist();
        assertThat(xvfb.framebufferFile().getParent()).doesNotExist();
        // No xdpyinfo probe here: another build on the machine may already have taken the freed display number.
    }

    @Test
    void twoServersGetDifferentDisplays() {
        InteropSupport.requireTools("Xvfb", "xdpyinfo");
        try (Xvfb first = Xvfb.start(64, 48); Xvfb second = Xvfb.start(64, 48)) {
            assertThat(first.displayNumber()).isNotEqualTo(second.displayNumber());
        }
    }
}
