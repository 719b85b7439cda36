package dev.oriel.rdp.core.graphics.gfx;

import dev.oriel.rdp.core.pdu.gfx.FrameAcknowledge;

/**
 * Frame acknowledgement flow control for one graphics session ([MS-RDPEGFX] 3.3.5.12): at most {@code maxInFlight}
 * frames are sent and not yet acknowledged; while the window is full the session keeps coalescing damage instead of
 * queueing frames. A client that sends SUSPEND_FRAME_ACKNOWLEDGEMENT lifts the limit until it acknowledges again. The
 * client's reported queue depth (frames decoded but not yet shown) narrows the window, so a slow client is not
 * flooded. Not thread-safe: confined to the connection's event loop.
 */
public final class GfxFrameFlow {
    private final int maxInFlight;
    private long nextFrameId = 1;
    private long lastAcked;
    private long sent;
    private long acked;
    private boolean suspended;
    private long queueDepth;

    public GfxFrameFlow(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive: " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    /** Frames sent but not yet acknowledged. */
    public long inFlight() {
        return sent - acked;
    }

    /** Whether another frame may be sent now. */
    public boolean canSend() {
        if (suspended) {
            return true;
        }
        long window = Math.max(1, maxInFlight - Math.min(queueDepth, maxInFlight - 1L));
        return inFlight() < window;
    }

    /** Takes the id for the next frame and counts it as in flight. */
    public long startFrame() {
        sent++;
        long id = nextFrameId;
        nextFrameId = (nextFrameId + 1) & 0xFFFF_FFFFL;
        return id;
    }

    /**
     * The client acknowledged frames up to {@code ack.frameId()} (acknowledgements come in frame order, so one
     * acknowledges every earlier frame too). One for a frame not in flight, never sent or already acknowledged, releases
     * nothing.
     */
    public void onAcknowledge(FrameAcknowledge ack) {
        suspended = ack.queueDepth() == FrameAcknowledge.SUSPEND_FRAME_ACKNOWLEDGEMENT;
        queueDepth = suspended ? 0 : ack.queueDepth();
        long newest = (nextFrameId - 1) & 0xFFFF_FFFFL;
        long stillInFlight = (newest - ack.frameId()) & 0xFFFF_FFFFL; // frames sent after the acknowledged one
        if (stillInFlight < inFlight()) {
            acked = sent - stillInFlight;
            lastAcked = ack.frameId();
        }
    }

    public boolean suspended() {
        return suspended;
    }

    public long lastAcknowledged() {
        return lastAcked;
    }
}
