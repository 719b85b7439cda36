package dev.oriel.rdp.core.api;

/**
 * Events of one session, given to the server with {@link SessionDecision#accept}. Every method has a no-op
 * default.
 *
 * <p>Callbacks run on the connection's event loop, one at a time and in order; they must not block. Calls back
 * into {@link Session} from a callback are fine.
 */
public interface SessionListener {

    /** The connection sequence finished: the client shows the desktop and takes frames. Send the first frame now. */
    default void onStart(Session session) {
    }

    /** Keyboard, mouse or synchronisation input from the client. */
    default void onInput(InputEvent event) {
    }

    /**
     * The client stopped ({@code true}) or resumed ({@code false}) displaying output, e.g. it was minimised. Frames
     * submitted while suppressed are coalesced and sent on resume; an application may also stop rendering.
     */
    default void onOutputSuppressed(boolean suppressed) {
    }

    /** The session ended; no further callbacks follow. */
    default void onClose(CloseReason reason) {
    }
}
