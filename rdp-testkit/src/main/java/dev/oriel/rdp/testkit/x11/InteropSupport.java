package dev.oriel.rdp.testkit.x11;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInfo;

/**
 * Entry checks and shared settings for interop tests.
 *
 * <p>Interop tests belong to the normal test command, so they must not break a developer machine that lacks the X11
 * tools: {@link #requireTools(String...)} skips the test there with a message naming the missing tools and the
 * Debian packages to install. CI installs the packages and sets the system property {@value #REQUIRED_PROPERTY} to
 * {@code true}, which turns the skip into a failure, so a broken CI image cannot silently skip every interop test.
 */
public final class InteropSupport {
    /** System property that turns a missing tool from a skip into a test failure. */
    public static final String REQUIRED_PROPERTY = "oriel.interop.required";

    /** System property naming the directory for logs and screenshots; default {@code target/interop-logs}. */
    public static final String ARTIFACT_DIRECTORY_PROPERTY = "oriel.interop.artifacts";

    /** The Debian packages that provide everything the harness and the recipe use. */
    public static final List<String> DEBIAN_PACKAGES =
            List.of("xvfb", "freerdp2-x11", "x11-utils", "x11-apps", "xdotool", "xclip", "imagemagick");

    /** The command that installs {@link #DEBIAN_PACKAGES}. */
    public static final String INSTALL_COMMAND =
            "apt-get install -y --no-install-recommends " + String.join(" ", DEBIAN_PACKAGES);

    /** Which Debian 12 package ships each tool a test is likely to ask for. */
    private static final Map<String, String> PACKAGE_OF_TOOL = Map.ofEntries(
            Map.entry("Xvfb", "xvfb"),
            Map.entry("xfreerdp", "freerdp2-x11"),
            Map.entry("xdotool", "xdotool"),
            Map.entry("xdpyinfo", "x11-utils"),
            Map.entry("xprop", "x11-utils"),
            Map.entry("xwininfo", "x11-utils"),
            Map.entry("xev", "x11-utils"),
            Map.entry("xmessage", "x11-utils"),
            Map.entry("xwd", "x11-apps"),
            Map.entry("xlogo", "x11-apps"),
            Map.entry("xeyes", "x11-apps"),
            Map.entry("xclock", "x11-apps"),
            Map.entry("xsetroot", "x11-xserver-utils"),
            Map.entry("xclip", "xclip"),
            Map.entry("import", "imagemagick"),
            Map.entry("convert", "imagemagick"),
            Map.entry("compare", "imagemagick"),
            Map.entry("pulseaudio", "pulseaudio"),
            Map.entry("pactl", "pulseaudio-utils"),
            Map.entry("parec", "pulseaudio-utils"),
            Map.entry("paplay", "pulseaudio-utils"));

    private static final Pattern UNSAFE_NAME_CHARS = Pattern.compile("[^A-Za-z0-9._-]+");

    private InteropSupport() {
    }

    /**
     * Checks that every tool is an executable on the {@code PATH} (or, for a name containing {@code /}, at that
     * path). When one is missing the test is skipped through {@code Assumptions.assumeTrue(false, message)}, or
     * failed through {@code Assertions.fail(message)} when {@value #REQUIRED_PROPERTY} is {@code true}. The message
     * is also printed to standard error, because Maven shows a skipped test only as a count.
     */
    public static void requireTools(String... tools) {
        List<String> missing = missingTools(tools);
        if (missing.isEmpty()) {
            return;
        }
        unavailable(missingToolsMessage(missing, interopRequired()));
    }

    /**
     * Checks that the system Python ({@code /usr/bin/python3}) can import {@code module}, which Debian ships as
     * {@code debianPackage}; skips or fails like {@link #requireTools}.
     */
    public static void requirePythonModule(String module, String debianPackage) {
        boolean available = false;
        if (isOnPath(SYSTEM_PYTHON)) {
            try {
                Process p = new ProcessBuilder(SYSTEM_PYTHON, "-c", "import " + module).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                available = p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (java.io.IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!available) {
            unavailable("the Python module " + module + " is not available to " + SYSTEM_PYTHON + ": install the Debian"
                    + " package " + debianPackage + " (apt-get install -y " + debianPackage + ")"
                    + (interopRequired() ? "" : "; set -D" + REQUIRED_PROPERTY + "=true to make this a failure"));
        }
    }

    /** The Python that Debian's python3-* packages install modules for. */
    public static final String SYSTEM_PYTHON = "/usr/bin/python3";

    private static void unavailable(String message) {
        boolean required = interopRequired();
        System.err.println("[oriel-interop] " + (required ? "FAILED: " : "SKIPPED: ") + message);
        if (required) {
            Assertions.fail(message);
        }
        Assumptions.assumeTrue(false, message);
    }

    /** The tools among {@code tools} that are not executable on the {@code PATH}, in the given order. */
    public static List<String> missingTools(String... tools) {
        Set<String> missing = new LinkedHashSet<>();
        for (String tool : tools) {
            if (!isOnPath(tool)) {
                missing.add(tool);
            }
        }
        return List.copyOf(missing);
    }

    /** Whether {@code tool} is an executable file on the {@code PATH} (or at that path, if it contains a slash). */
    public static boolean isOnPath(String tool) {
        if (tool.isEmpty()) {
            return false;
        }
        if (tool.indexOf('/') >= 0) {
            return isExecutableFile(Path.of(tool));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && isExecutableFile(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@value #REQUIRED_PROPERTY} is set to {@code true} (case-insensitive). */
    public static boolean interopRequired() {
        return Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY, "false").strip());
    }

    /** The Debian package that provides {@code tool}, or {@code null} when the harness does not know it. */
    public static String debianPackage(String tool) {
        String name = tool.substring(tool.lastIndexOf('/') + 1);
        return PACKAGE_OF_TOOL.get(name);
    }

    /**
     * The directory for test artifacts (client logs, screenshots): the value of
     * {@value #ARTIFACT_DIRECTORY_PROPERTY}, else {@code target/interop-logs} under the module's base directory
     * (Surefire's {@code basedir} property, falling back to the working directory). Created on demand.
     */
    public static Path artifactDirectory() {
        String configured = System.getProperty(ARTIFACT_DIRECTORY_PROPERTY);
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "interop-logs");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create artifact directory " + dir, e);
        }
    }

    /** A file-name-safe name for the current test, {@code ClassName.methodName}, for logs and screenshots. */
    public static String testName(TestInfo testInfo) {
        String className = testInfo.getTestClass().map(Class::getSimpleName).orElse("test");
        String method = testInfo.getTestMethod().map(Method::getName).orElse(testInfo.getDisplayName());
        return safeFileName(className + "." + method);
    }

    /** Replaces every run of characters outside {@code [A-Za-z0-9._-]} with {@code _}. */
    static String safeFileName(String name) {
        String safe = UNSAFE_NAME_CHARS.matcher(name).replaceAll("_");
        return safe.isEmpty() ? "unnamed" : safe;
    }

    static String missingToolsMessage(List<String> missing, boolean required) {
        List<String> described = new ArrayList<>();
        Set<String> packages = new LinkedHashSet<>();
        for (String tool : missing) {
            String pkg = debianPackage(tool);
            described.add(tool + " (Debian package " + (pkg == null ? "unknown" : pkg) + ")");
            if (pkg != null) {
                packages.add(pkg);
            }
        }
        StringBuilder sb = new StringBuilder("Interop test needs tools that are not on the PATH: ")
                .append(String.join(", ", described)).append(". ");
        if (!packages.isEmpty()) {
            sb.append("Install them with: apt-get install -y --no-install-recommends ")
                    .append(String.join(" ", packages)).append(". ");
        }
        sb.append("All interop tools: apt-get update && ").append(INSTALL_COMMAND).append(". ");
        sb.append(required
                ? "Failing instead of skipping because -D" + REQUIRED_PROPERTY + "=true."
                : "Skipped; set -D" + REQUIRED_PROPERTY + "=true to make this a failure.");
        return sb.toString();
    }

    private static boolean isExecutableFile(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
