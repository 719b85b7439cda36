package dev.oriel.rdp.core.api;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a client may have a session, once its Client Info PDU (credentials, size) is known.
 *
 * <p>Called on the connection's event loop: return quickly; do slow work (authentication against a directory)
 * asynchronously and complete the stage later. The connection waits; the handshake deadline still applies.
 */
@FunctionalInterface
public interface SessionAdmission {

    CompletionStage<SessionDecision> admit(SessionInfo info);
}
