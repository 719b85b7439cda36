package dev.oriel.rdp.testkit.x11;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Process life-cycle helpers shared by the harness: orderly termination and a last-resort reaper.
 *
 * <p>Every long-running process the harness starts is {@linkplain #track tracked} until it is stopped. A JVM
 * shutdown hook kills whatever is still tracked, so a test that forgot a {@code close()} (or a JVM that is told to
 * exit mid-test) does not leave an Xvfb or xfreerdp behind on a machine shared with other builds.
 */
final class Processes {
    /** Standard input for every child: a client must never block on a prompt. */
    static final File DEV_NULL = new File("/dev/null");

    /** How long a process gets after SIGKILL to disappear before we stop waiting for it. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private static final Set<Process> TRACKED = ConcurrentHashMap.newKeySet();
    private static final Set<Path> TEMP_DIRECTORIES = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(Processes::reapAll, "oriel-testkit-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private Processes() {
    }

    /** Registers a running process so that the shutdown hook kills it if nobody else does. */
    static void track(Process process) {
        TRACKED.add(process);
    }

    /** Forgets a process that has exited on its own. */
    static void untrack(Process process) {
        TRACKED.remove(process);
    }

    /** Registers a temporary directory that the shutdown hook deletes if nobody else does. */
    static void trackDirectory(Path directory) {
        TEMP_DIRECTORIES.add(directory);
    }

    /**
     * Stops {@code process} and its descendants: SIGTERM first, SIGKILL when it is still alive after
     * {@code grace}. Returns once the process has exited (or did not die even after SIGKILL within a few seconds,
     * which only happens for a process stuck in the kernel). Safe to call on a process that already exited.
     */
    static void terminate(Process process, Duration grace) {
        try {
            // Taken before the parent dies: afterwards its children are re-parented and no longer listed.
            List<ProcessHandle> descendants = process.descendants().toList();
            if (process.isAlive()) {
                // Signal through the ProcessHandle: Process.destroy() would also close our ends of the pipes, and
                // whatever the program writes while it shuts down (xfreerdp prints its last words on SIGTERM) would
                // be lost. The readers see end of stream once the program has exited.
                ProcessHandle handle = process.toHandle();
                handle.destroy(); // SIGTERM: lets the program clean up (X connections, temp files).
                if (!waitFor(process, grace)) {
                    handle.destroyForcibly(); // SIGKILL
                    waitFor(process, KILL_WAIT);
                }
            }
            for (ProcessHandle child : descendants) {
                if (child.isAlive()) {
                    child.destroy();
                    if (!waitFor(child, grace)) {
                        child.destroyForcibly();
                    }
                }
            }
        } finally {
            TRACKED.remove(process);
        }
    }

    /** Waits up to {@code timeout} for {@code process} to exit; keeps the interrupt flag if interrupted. */
    static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (Exception e) {
            return !handle.isAlive();
        }
    }

    /** The exit status of a process known to have exited, or {@code -1} if it is (unexpectedly) still running. */
    static int exitValueAfterExit(Process process) {
        return waitFor(process, Duration.ofSeconds(1)) ? process.exitValue() : -1;
    }

    /** Deletes a directory tree; used for Xvfb's framebuffer directory. */
    static void deleteRecursively(Path directory) {
        TEMP_DIRECTORIES.remove(directory);
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }

    private static void reapAll() {
        // In a shutdown hook there is no time for grace periods: kill outright.
        for (Process process : TRACKED) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Path directory : TEMP_DIRECTORIES) {
            try {
                deleteRecursively(directory);
            } catch (RuntimeException e) {
                // Best effort while the JVM exits; a leftover temp directory is harmless.
            }
        }
    }
}
