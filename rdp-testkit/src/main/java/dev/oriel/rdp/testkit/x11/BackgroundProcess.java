package dev.oriel.rdp.testkit.x11;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A helper program that runs alongside a test (an X client such as {@code xlogo} or {@code xev}, {@code xclip -i},
 * {@code parec}, …) and is stopped when the test is done.
 *
 * <p>Standard input is {@code /dev/null}; standard output and error are collected in memory (bounded) and can be
 * polled with {@link #output()}. {@link #close()} sends SIGTERM, then SIGKILL after a grace period.
 */
public final class BackgroundProcess implements AutoCloseable {
    /** Grace period between SIGTERM and SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final List<String> command;
    private final StreamCollector stdout;
    private final StreamCollector stderr;

    private BackgroundProcess(Process process, List<String> command) {
        this.process = process;
        this.command = command;
        String name = command.get(0) + "-" + process.pid();
        this.stdout = StreamCollector.start(process.getInputStream(), name + "-stdout");
        this.stderr = StreamCollector.start(process.getErrorStream(), name + "-stderr");
    }

    /**
     * Starts {@code command} with {@code environment} added to this JVM's environment.
     *
     * @throws CommandException when it cannot be started
     */
    public static BackgroundProcess start(Map<String, String> environment, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Processes.DEV_NULL));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Processes.track(process);
            return new BackgroundProcess(process, List.copyOf(command));
        } catch (IOException e) {
            throw new CommandException(command, CommandException.NO_EXIT_CODE, "", "", false,
                    "could not be started (" + e.getMessage() + ")", e);
        }
    }

    /** The command and its arguments. */
    public List<String> command() {
        return command;
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the program is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, or empty while it runs. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Standard output collected so far (UTF-8). */
    public String output() {
        return stdout.text();
    }

    /** Standard error collected so far (UTF-8). */
    public String errorOutput() {
        return stderr.text();
    }

    /** Stops the program: SIGTERM, then SIGKILL after {@link #STOP_GRACE}. Idempotent. */
    @Override
    public void close() {
        Processes.terminate(process, STOP_GRACE);
    }

    @Override
    public String toString() {
        return "BackgroundProcess[" + CommandException.quote(command) + ", pid " + process.pid() + "]";
    }
}
