package dev.oriel.rdp.testkit.x11;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/**
 * Polling with a deadline: the harness never sleeps for a fixed time, it re-checks an observable condition with a
 * short, growing interval until the condition holds or the deadline passes.
 */
public final class Poll {
    private static final long FIRST_INTERVAL_NANOS = Duration.ofMillis(5).toNanos();
    private static final long MAX_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

    private Poll() {
    }

    /**
     * Evaluates {@code condition} until it returns {@code true} or {@code timeout} has passed; the condition is
     * always evaluated at least once, and once more after the deadline.
     *
     * @return whether the condition held before the deadline
     */
    public static boolean pollUntil(Duration timeout, BooleanSupplier condition) {
        return pollFor(timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty())
                .isPresent();
    }

    /**
     * Evaluates {@code probe} until it returns a value or {@code timeout} has passed.
     *
     * @return the first value, or empty when the deadline passed first
     */
    public static <T> Optional<T> pollFor(Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = FIRST_INTERVAL_NANOS;
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Optional.empty();
            }
            sleepNanos(Math.min(interval, remaining));
            interval = Math.min(interval * 2, MAX_INTERVAL_NANOS);
        }
    }

    /**
     * Like {@link #pollUntil} but fails the test (JUnit {@code AssertionFailedError}) when the deadline passes.
     *
     * @param description what was awaited, for the failure message
     */
    public static void awaitCondition(Duration timeout, String description, BooleanSupplier condition) {
        if (!pollUntil(timeout, condition)) {
            Assertions.fail("Timed out after " + timeout + " waiting for " + description);
        }
    }

    /**
     * Like {@link #pollFor} but fails the test when the deadline passes.
     *
     * @param description what was awaited, for the failure message
     */
    public static <T> T awaitValue(Duration timeout, String description, Supplier<Optional<T>> probe) {
        return pollFor(timeout, probe).orElseGet(
                () -> Assertions.fail("Timed out after " + timeout + " waiting for " + description));
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while polling", e);
        }
    }
}
