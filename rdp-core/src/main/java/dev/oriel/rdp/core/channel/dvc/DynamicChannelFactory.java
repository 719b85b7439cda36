package dev.oriel.rdp.core.channel.dvc;

import dev.oriel.rdp.core.api.SessionInfo;
import java.util.Optional;

/**
 * Creates the server side of one dynamic channel for each admitted connection. Registered on the server builder;
 * the channel is opened once the client's {@code drdynvc} channel is up.
 */
@FunctionalInterface
public interface DynamicChannelFactory {

    /** A processor for this connection, or empty when the feature is off for it. */
    Optional<DynamicChannelProcessor> create(SessionInfo session);
}
