package dev.oriel.rdp.testkit.x11;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs short-lived external commands (xdotool, xprop, xwininfo, xdpyinfo, …) with a timeout.
 *
 * <p>Standard input is {@code /dev/null}; standard output and error are collected concurrently. A command that
 * outlives its timeout is stopped (SIGTERM, then SIGKILL) and reported as a {@link CommandException}.
 */
public final class Commands {
    /** Timeout used by callers that do not choose one. Generous: the build machines are small and shared. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    /** Grace period between SIGTERM and SIGKILL for a command that timed out. */
    private static final Duration TERMINATE_GRACE = Duration.ofSeconds(2);

    /** How long to keep reading output after the command exited (a forked child may hold the pipe open). */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(2);

    private Commands() {
    }

    /**
     * Runs {@code command} with {@code environment} added to this JVM's environment and returns its result,
     * whatever the exit status.
     *
     * @throws CommandException when the command cannot be started or does not finish within {@code timeout}
     */
    public static CommandResult run(Map<String, String> environment, Duration timeout, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(Processes.DEV_NULL));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CommandException(command, CommandException.NO_EXIT_CODE, "", "", false,
                    "could not be started (" + e.getMessage() + ")", e);
        }
        Processes.track(process);
        String name = command.get(0) + "-" + process.pid();
        StreamCollector out = StreamCollector.start(process.getInputStream(), name + "-stdout");
        StreamCollector err = StreamCollector.start(process.getErrorStream(), name + "-stderr");
        boolean exited = Processes.waitFor(process, timeout);
        if (!exited) {
            Processes.terminate(process, TERMINATE_GRACE);
            boolean interrupted = Thread.currentThread().isInterrupted();
            throw new CommandException(command, CommandException.NO_EXIT_CODE, out.text(), err.text(), !interrupted,
                    interrupted ? "was interrupted" : "timed out after " + timeout, null);
        }
        Processes.untrack(process);
        return new CommandResult(command, process.exitValue(), out.await(DRAIN_TIMEOUT), err.await(DRAIN_TIMEOUT));
    }

    /**
     * Runs {@code command} like {@link #run} and requires exit status 0.
     *
     * @throws CommandException when the command fails to start, times out or exits with a non-zero status
     */
    public static CommandResult runChecked(Map<String, String> environment, Duration timeout, List<String> command) {
        CommandResult result = run(environment, timeout, command);
        if (!result.succeeded()) {
            throw CommandException.failed(result);
        }
        return result;
    }
}
