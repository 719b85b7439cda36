package dev.oriel.rdp.testkit.x11;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An external command that could not be started, timed out, or exited with a non-zero status.
 * The message names the command line, the exit status and the command's standard error, so a failing test says
 * what was run and what the tool complained about without further digging.
 */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The {@link #exitCode()} of a command that never exited on its own (not started, timed out, interrupted). */
    public static final int NO_EXIT_CODE = -1;

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final transient List<String> command;
    private final int exitCode;
    private final String stdout;
    private final String stderr;
    private final boolean timedOut;

    CommandException(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut,
                     String problem, Throwable cause) {
        super(message(command, exitCode, stderr, problem), cause);
        this.command = List.copyOf(command);
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.timedOut = timedOut;
    }

    static CommandException failed(CommandResult result) {
        return new CommandException(result.command(), result.exitCode(), result.stdout(), result.stderr(), false,
                "exited with status " + result.exitCode(), null);
    }

    /** The command and its arguments. */
    public List<String> command() {
        return command;
    }

    /** The command line quoted for a shell. */
    public String commandLine() {
        return quote(command);
    }

    /** The exit status, or {@link #NO_EXIT_CODE} when the command did not exit on its own. */
    public int exitCode() {
        return exitCode;
    }

    /** What the command wrote to its standard output (possibly partial after a timeout). */
    public String stdout() {
        return stdout;
    }

    /** What the command wrote to its standard error (possibly partial after a timeout). */
    public String stderr() {
        return stderr;
    }

    /** Whether the command was stopped because it exceeded its timeout. */
    public boolean timedOut() {
        return timedOut;
    }

    private static String message(List<String> command, int exitCode, String stderr, String problem) {
        StringBuilder sb = new StringBuilder("Command ").append(problem).append(": ").append(quote(command));
        sb.append(" (exit code ").append(exitCode == NO_EXIT_CODE ? "none" : Integer.toString(exitCode)).append(')');
        String trimmed = stderr == null ? "" : stderr.strip();
        sb.append(trimmed.isEmpty() ? "; stderr empty" : "; stderr:\n" + trimmed);
        return sb.toString();
    }

    /** Quotes each argument that a POSIX shell would otherwise split or expand. */
    static String quote(List<String> command) {
        return command.stream()
                .map(arg -> SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }
}
