package dev.oriel.rdp.testkit.x11;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Drains one output stream of a child process on a daemon thread, so that a chatty command can never block on a
 * full pipe while we wait for it to exit.
 */
final class StreamCollector {
    /** Output beyond this many bytes is read and dropped; a test never needs more from one short command. */
    private static final int MAX_BYTES = 32 * 1024 * 1024;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Thread thread;

    private StreamCollector(InputStream in, String name) {
        this.thread = new Thread(() -> drain(in), name);
        this.thread.setDaemon(true);
    }

    static StreamCollector start(InputStream in, String name) {
        StreamCollector collector = new StreamCollector(in, name);
        collector.thread.start();
        return collector;
    }

    private void drain(InputStream in) {
        byte[] chunk = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                synchronized (buffer) {
                    int room = MAX_BYTES - buffer.size();
                    if (room > 0) {
                        buffer.write(chunk, 0, Math.min(n, room));
                    }
                }
            }
        } catch (IOException e) {
            // The stream closes under us when the process is killed; what we have is what there is.
        }
    }

    /**
     * Waits up to {@code timeout} for end of stream and returns what was collected. A grandchild that inherited the
     * pipe can keep it open after the command exited, so this never waits unboundedly.
     */
    String await(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text();
    }

    /** What was collected so far. */
    String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
