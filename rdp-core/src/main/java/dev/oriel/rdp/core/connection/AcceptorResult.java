package dev.oriel.rdp.core.connection;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.api.SessionListener;
import java.util.List;
import java.util.Optional;

/**
 * Everything the active session needs once the connection sequence is done.
 *
 * @param info           what is known about the client
 * @param listener       the embedder's listener for this session
 * @param desktopSize    the desktop size the client confirmed
 * @param userChannelId  the client's MCS user channel
 * @param ioChannelId    the MCS I/O channel (1003)
 * @param shareId        the share id of Demand Active
 * @param channels       the client's static channels with their ids
 * @param capabilities   the client's capabilities, reduced
 */
public record AcceptorResult(
        SessionInfo info,
        SessionListener listener,
        DesktopSize desktopSize,
        int userChannelId,
        int ioChannelId,
        long shareId,
        List<StaticChannel> channels,
        ClientCapabilities capabilities) {

    public AcceptorResult {
        channels = List.copyOf(channels);
    }

    public Optional<StaticChannel> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<StaticChannel> channel(int id) {
        return channels.stream().filter(c -> c.id() == id).findFirst();
    }
}
