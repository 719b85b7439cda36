package dev.oriel.rdp.rail;

/** Starts one published application in a RemoteApp session, typically by creating its first window. */
@FunctionalInterface
public interface AppLauncher {

    /**
     * Called on the connection's event loop when the client asked for this application; must not block. Create
     * windows with {@link RemoteAppDesktop#createWindow}.
     */
    void launch(RemoteAppDesktop desktop, LaunchRequest request);
}
