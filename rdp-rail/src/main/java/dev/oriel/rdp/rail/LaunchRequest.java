package dev.oriel.rdp.rail;

/**
 * A client's request to start a published application ([MS-RDPERP] 2.2.2.3.1 Client Execute), after the server
 * matched it to a {@link PublishedApp}. The strings are the client's and are data only: never run them.
 *
 * @param program          what the client asked for, e.g. {@code ||notepad}
 * @param arguments        the client's argument string (xfreerdp {@code /app-cmd:}), possibly empty
 * @param workingDirectory the client's working directory (xfreerdp {@code /app-workdir:}), possibly empty
 */
public record LaunchRequest(String program, String arguments, String workingDirectory) {
}
