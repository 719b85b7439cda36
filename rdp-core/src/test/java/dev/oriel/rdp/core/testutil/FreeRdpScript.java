package dev.oriel.rdp.core.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Python script that loads Debian's FreeRDP library through ctypes, so a codec test can have the real client's
 * decoder check Oriel's encoder. The script gets the library path as its first argument. Skips the test with a
 * message naming the missing packages, or fails it when {@code -Doriel.interop.required=true} (CI installs them).
 */
public final class FreeRdpScript {
    /** libfreerdp2 (what xfreerdp 2.11 uses) on the usual multiarch paths. */
    public static final List<String> FREERDP2 = List.of("/usr/lib/x86_64-linux-gnu/libfreerdp2.so.2",
            "/usr/lib/aarch64-linux-gnu/libfreerdp2.so.2", "/usr/lib64/libfreerdp2.so.2");
    /** libfreerdp2 or, failing that, libfreerdp3. */
    public static final List<String> FREERDP2_OR_3 = List.of("/usr/lib/x86_64-linux-gnu/libfreerdp2.so.2",
            "/usr/lib/x86_64-linux-gnu/libfreerdp3.so.3", "/usr/lib/aarch64-linux-gnu/libfreerdp2.so.2",
            "/usr/lib/aarch64-linux-gnu/libfreerdp3.so.3", "/usr/lib64/libfreerdp2.so.2", "/usr/lib64/libfreerdp3.so.3");

    private FreeRdpScript() {
    }

    /**
     * Writes {@code script} into {@code dir} and runs it with the first library of {@code libraries} found and
     * {@code args}; returns its output. The script must exit 0.
     *
     * @param what names the test in skip and failure messages, e.g. "FreeRDP planar interop test"
     */
    public static String run(String what, List<String> libraries, Path dir, String script, String... args)
            throws Exception {
        Optional<String> library = libraries.stream().filter(l -> Files.isReadable(Path.of(l))).findFirst();
        Optional<Path> python = Stream.of("/usr/bin/python3", "/usr/local/bin/python3").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        String missing = (library.isEmpty() ? (libraries.equals(FREERDP2) ? "libfreerdp2-2 "
                : "libfreerdp2-2 (or libfreerdp3-3) ") : "") + (python.isEmpty() ? "python3" : "");
        if (Boolean.getBoolean("oriel.interop.required")) {
            assertThat(missing).as("packages needed for the " + what).isEmpty();
        }
        Assumptions.assumeTrue(missing.isEmpty(), what + " skipped: install " + missing.strip());
        Path file = dir.resolve("script.py");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of(python.get().toString(), file.toString(), library.get()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
