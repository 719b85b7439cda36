package dev.oriel.rdp.core.api;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One active client session: push pixels and pointers, read what the client is, close it.
 *
 * <p>Thread-safe and non-blocking: call from any thread. Work is handed to the connection's event loop.
 */
public interface Session {

    /** Same as {@link SessionInfo#connectionId()}. */
    long id();

    SessionInfo info();

    /** The desktop size the client displays; frames should match it. */
    DesktopSize desktopSize();

    /**
     * Copies the damaged rectangles of {@code frame} into the session's desktop and schedules them for sending.
     * The pixel buffer may be reused as soon as this method returns.
     *
     * <p>Backpressure: when the client or network is slower than the application, damage is coalesced, never
     * queued without bound. The returned stage completes when this frame's damage has been written to the
     * connection (possibly merged with later frames), or exceptionally if the session closes first.
     */
    CompletionStage<Void> submitFrame(Frame frame);

    /** Shows a colour pointer image (cached on the client, so repeating an image is cheap). */
    void setPointer(PointerImage image);

    /** Shows a system pointer: the client's default arrow or none. */
    void setSystemPointer(SystemPointer pointer);

    /** Moves the client's pointer to a desktop position (e.g. for pointer warping). */
    void movePointer(int x, int y);

    /**
     * The per-connection channel processor of type {@code type} (a static or dynamic channel server that a
     * {@code StaticChannelFactory} or {@code DynamicChannelFactory} created for this session), if any.
     */
    <T> Optional<T> channel(Class<T> type);

    /** Whether the session is still connected. */
    boolean isOpen();

    /**
     * Ends the session: tells the client why (Set Error Info), disconnects (Disconnect Provider Ultimatum) and closes.
     * Completes when the connection is closed.
     */
    CompletionStage<Void> close(String reason);

    /** Completes when the session ends, whoever ends it. */
    CompletionStage<CloseReason> closeFuture();
}
