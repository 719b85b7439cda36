package dev.oriel.rdp.core.channel.svc;

import dev.oriel.rdp.core.api.SessionInfo;
import java.util.Optional;

/**
 * Creates the server side of one static channel for each admitted connection. Registered on the server builder;
 * called on the connection's event loop once the session is admitted, only when the client declared a channel of
 * the processor's name.
 */
@FunctionalInterface
public interface StaticChannelFactory {

    /** A processor for this connection, or empty when the feature is off for it. */
    Optional<StaticChannelProcessor> create(SessionInfo session);
}
