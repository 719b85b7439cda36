package dev.oriel.rdp.core.api;

import java.util.Objects;

/**
 * Why a session or connection ended.
 *
 * @param kind   the category
 * @param detail a human-readable detail for logs (never credentials)
 */
public record CloseReason(Kind kind, String detail) {
    public CloseReason {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(detail);
    }

    public enum Kind {
        /** The client disconnected (Disconnect Provider Ultimatum or a clean TCP close after a shutdown request). */
        CLIENT_DISCONNECTED,
        /** The TCP connection was lost without a protocol-level goodbye. */
        CONNECTION_LOST,
        /** The embedding application closed the session. */
        SERVER_CLOSED,
        /** The server is shutting down. */
        SERVER_SHUTDOWN,
        /** The client sent something malformed or out of sequence. */
        PROTOCOL_ERROR,
        /** The client stalled during the connection sequence. */
        HANDSHAKE_TIMEOUT,
        /** The embedding application rejected the connection. */
        REJECTED,
        /** An unexpected internal failure. */
        INTERNAL_ERROR
    }

    public static CloseReason of(Kind kind, String detail) {
        return new CloseReason(kind, detail);
    }
}
