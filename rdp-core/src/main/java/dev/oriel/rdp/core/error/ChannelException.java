package dev.oriel.rdp.core.error;

/**
 * A failure scoped to one static or dynamic virtual channel. The connection survives: the channel is
 * closed or its processor disabled.
 */
public final class ChannelException extends RdpException {
    private static final long serialVersionUID = 1L;

    private final String channelName;
    private final long channelId;

    public ChannelException(String channelName, long channelId, String message, Throwable cause) {
        super("channel " + channelName + " (id " + channelId + ")", message, cause, STACK_TRACES);
        this.channelName = channelName;
        this.channelId = channelId;
    }

    public String channelName() {
        return channelName;
    }

    public long channelId() {
        return channelId;
    }
}
