package dev.oriel.rdp.core.channel.svc;

import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import java.util.List;
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

    /**
     * Capability sets this feature adds to the server's Demand Active for {@code session} ([MS-RDPBCGR] 2.2.1.13.1),
     * e.g. RAIL's Remote Programs and Window List sets ([MS-RDPERP] 2.2.1.1). Called before {@link #create}, during
     * capability exchange; by default none.
     */
    default List<CapabilitySet> capabilitySets(SessionInfo session) {
        return List.of();
    }
}
