package dev.oriel.rdp.core.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pure packages do no I/O: they import no Netty channel/handler code, no sockets or files, start no threads
 * and read no clocks (ARCHITECTURE.md). Checked on the sources so that a violation names the file and line.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/oriel/rdp/core");

    private static final List<String> PURE = List.of("wire", "error", "pdu", "graphics", "channel", "connection",
            "session");

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("^import io\\.netty\\.channel\\."),
            Pattern.compile("^import io\\.netty\\.handler\\."),
            Pattern.compile("^import java\\.net\\.(?!InetSocketAddress;)"),
            Pattern.compile("^import java\\.nio\\.file\\."),
            Pattern.compile("\\bnew Thread\\("),
            Pattern.compile("System\\.(currentTimeMillis|nanoTime)\\("),
            Pattern.compile("Instant\\.now\\(|LocalDateTime\\.now\\("),
            Pattern.compile("^import dev\\.oriel\\.rdp\\.core\\.(netty|security)\\."));

    /** The API may name these as plain values but must not import Netty's transport either. */
    private static final List<Pattern> API_FORBIDDEN = List.of(
            Pattern.compile("^import io\\.netty\\.(channel|handler)\\."),
            Pattern.compile("\\bnew Thread\\("),
            Pattern.compile("System\\.(currentTimeMillis|nanoTime)\\("));

    @Test
    void purePackagesDoNoIo() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : PURE) {
            scan(MAIN.resolve(pkg), FORBIDDEN, violations);
        }
        assertThat(violations).as("forbidden constructs in pure packages").isEmpty();
    }

    @Test
    void apiDoesNotDependOnTheTransport() throws IOException {
        List<String> violations = new ArrayList<>();
        scan(MAIN.resolve("api"), API_FORBIDDEN, violations);
        assertThat(violations).as("forbidden constructs in the API").isEmpty();
    }

    @Test
    void theScanSeesTheSources() throws IOException {
        // Guards against a wrong working directory making the other tests vacuous.
        try (Stream<Path> files = Files.walk(MAIN.resolve("pdu"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(20);
        }
    }

    private static void scan(Path dir, List<Pattern> forbidden, List<String> violations) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("//") || line.startsWith("*")) {
                        continue;
                    }
                    for (Pattern p : forbidden) {
                        if (p.matcher(line).find()) {
                            violations.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
    }
}
