package dev.oriel.rdp.testkit.x11;

import java.util.List;

/**
 * The outcome of one finished external command.
 *
 * @param command the command and its arguments, as started
 * @param exitCode the process exit status
 * @param stdout everything the command wrote to its standard output, decoded as UTF-8
 * @param stderr everything the command wrote to its standard error, decoded as UTF-8
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
    }

    /** Whether the command exited with status 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The command line quoted for a shell, for messages. */
    public String commandLine() {
        return CommandException.quote(command);
    }
}
