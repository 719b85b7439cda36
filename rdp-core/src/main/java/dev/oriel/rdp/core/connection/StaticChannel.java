package dev.oriel.rdp.core.connection;

/**
 * A static virtual channel the client declared in CS_NET, with the MCS channel id the server assigned.
 *
 * @param name    the channel name (at most 7 ASCII characters)
 * @param options CHANNEL_DEF options the client declared
 * @param id      the MCS channel id
 * @param joined  whether the client joined it during the channel-join phase
 */
public record StaticChannel(String name, int options, int id, boolean joined) {

    /** CHANNEL_OPTION_SHOW_PROTOCOL: chunks on this channel carry CHANNEL_FLAG_SHOW_PROTOCOL. */
    public static final int CHANNEL_OPTION_SHOW_PROTOCOL = 0x0020_0000;

    public boolean showProtocol() {
        return (options & CHANNEL_OPTION_SHOW_PROTOCOL) != 0;
    }
}
