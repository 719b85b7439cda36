package dev.oriel.rdp.rail;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An application a RemoteApp client may start. Only published applications run: a Client Execute naming anything
 * else is refused with RAIL_EXEC_E_NOT_IN_ALLOWLIST ([MS-RDPERP] 2.2.2.3.2) and logged.
 *
 * @param alias       what clients ask for: {@code xfreerdp /app:||alias} (FreeRDP 2) or the RemoteApp program name
 * @param displayName a human name, for logs and app lists
 * @param launcher    starts the application in a session
 */
public record PublishedApp(String alias, String displayName, AppLauncher launcher) {
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public PublishedApp {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(launcher, "launcher");
        if (!ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("alias must be 1-64 letters, digits, '.', '_' or '-': " + alias);
        }
    }

    /**
     * Whether a Client Execute program string names this application: {@code ||alias} (the RemoteApp alias form
     * FreeRDP 2 sends for {@code /app:||alias}) or exactly {@code alias}, ignoring ASCII case as Windows does.
     */
    boolean matches(String program) {
        String p = program.startsWith("||") ? program.substring(2) : program;
        return p.equalsIgnoreCase(alias);
    }
}
