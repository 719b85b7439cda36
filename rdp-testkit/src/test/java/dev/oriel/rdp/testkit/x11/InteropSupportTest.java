package dev.oriel.rdp.testkit.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class InteropSupportTest {
    private static final String NO_SUCH_TOOL = "oriel-no-such-tool-7f3a";

    private String savedProperty;
    private PrintStream savedErr;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void captureState() {
        savedProperty = System.getProperty(InteropSupport.REQUIRED_PROPERTY);
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreState() {
        System.setErr(savedErr);
        if (savedProperty == null) {
            System.clearProperty(InteropSupport.REQUIRED_PROPERTY);
        } else {
            System.setProperty(InteropSupport.REQUIRED_PROPERTY, savedProperty);
        }
    }

    @Test
    void presentToolsPass() {
        InteropSupport.requireTools("sh");
        assertThatCode(() -> InteropSupport.requireTools("sh", "/bin/sh")).doesNotThrowAnyException();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingToolSkipsWithPackageHintWhenNotRequired() {
        System.setProperty(InteropSupport.REQUIRED_PROPERTY, "false");

        Throwable outcome = catchThrowable(() -> InteropSupport.requireTools("sh", NO_SUCH_TOOL));

        assertThat(outcome).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(NO_SUCH_TOOL)
                .hasMessageContaining("Debian package unknown")
                .hasMessageContaining(InteropSupport.INSTALL_COMMAND)
                .hasMessageContaining("-D" + InteropSupport.REQUIRED_PROPERTY + "=true")
                .hasMessageNotContaining("sh (");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SKIPPED").contains(NO_SUCH_TOOL);
    }

    @Test
    void missingToolFailsWhenRequired() {
        System.setProperty(InteropSupport.REQUIRED_PROPERTY, "true");

        Throwable outcome = catchThrowable(() -> InteropSupport.requireTools(NO_SUCH_TOOL));

        assertThat(outcome).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(NO_SUCH_TOOL)
                .hasMessageContaining(InteropSupport.INSTALL_COMMAND)
                .hasMessageContaining("Failing instead of skipping");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED").contains(NO_SUCH_TOOL);
    }

    @Test
    void absentPropertyMeansSkip() {
        System.clearProperty(InteropSupport.REQUIRED_PROPERTY);

        assertThat(catchThrowable(() -> InteropSupport.requireTools(NO_SUCH_TOOL)))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void messageNamesDebianPackagesOfKnownTools() {
        String message = InteropSupport.missingToolsMessage(List.of("xfreerdp", "Xvfb", "xwininfo"), false);

        assertThat(message)
                .contains("xfreerdp (Debian package freerdp2-x11)")
                .contains("Xvfb (Debian package xvfb)")
                .contains("xwininfo (Debian package x11-utils)")
                .contains("apt-get install -y --no-install-recommends freerdp2-x11 xvfb x11-utils.");
    }

    @Test
    void pathLookup() {
        assertThat(InteropSupport.isOnPath("sh")).isTrue();
        assertThat(InteropSupport.isOnPath("/bin/sh")).isTrue();
        assertThat(InteropSupport.isOnPath(NO_SUCH_TOOL)).isFalse();
        assertThat(InteropSupport.isOnPath("/nonexistent/" + NO_SUCH_TOOL)).isFalse();
        assertThat(InteropSupport.isOnPath("")).isFalse();
        assertThat(InteropSupport.missingTools("sh", NO_SUCH_TOOL, NO_SUCH_TOOL)).containsExactly(NO_SUCH_TOOL);
    }

    @Test
    void safeFileNames() {
        assertThat(InteropSupport.safeFileName("XvfbTest.shows red/blue [1]")).isEqualTo("XvfbTest.shows_red_blue_1_");
        assertThat(InteropSupport.safeFileName("")).isEqualTo("unnamed");
    }
}
