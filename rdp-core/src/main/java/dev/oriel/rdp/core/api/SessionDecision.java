package dev.oriel.rdp.core.api;

import java.util.Objects;

/** The outcome of {@link SessionAdmission#admit}. */
public sealed interface SessionDecision {

    /**
     * Admit the client with a desktop of {@code size} (clamped to the configured limits); {@code listener} receives
     * the session's events.
     */
    static SessionDecision accept(DesktopSize size, SessionListener listener) {
        return new Accept(size, listener);
    }

    /** Refuse the client; {@code reason} is logged (the client is told only that it was denied). */
    static SessionDecision reject(String reason) {
        return new Reject(reason);
    }

    record Accept(DesktopSize size, SessionListener listener) implements SessionDecision {
        public Accept {
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(listener, "listener");
        }
    }

    record Reject(String reason) implements SessionDecision {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
