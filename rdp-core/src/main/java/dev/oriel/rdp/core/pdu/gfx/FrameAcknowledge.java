package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.13 RDPGFX_FRAME_ACKNOWLEDGE_PDU (client → server): queueDepth (4;
 * {@link #QUEUE_DEPTH_UNAVAILABLE} or {@link #SUSPEND_FRAME_ACKNOWLEDGEMENT}), frameId (4), totalFramesDecoded (4).
 */
public record FrameAcknowledge(long queueDepth, long frameId, long totalFramesDecoded) implements GfxPdu {
    public static final String NAME = "FrameAcknowledge";
    static final int BODY_SIZE = 12;
    /** The client does not report its queue depth. */
    public static final long QUEUE_DEPTH_UNAVAILABLE = 0;
    /** The client stops acknowledging frames: the server sends frames without waiting ([MS-RDPEGFX] 3.3.5.12). */
    public static final long SUSPEND_FRAME_ACKNOWLEDGEMENT = 0xFFFF_FFFFL;

    public FrameAcknowledge {
        Wire.requireUnsigned(queueDepth, 0xFFFF_FFFFL, "queueDepth");
        Wire.requireUnsigned(frameId, 0xFFFF_FFFFL, "frameId");
        Wire.requireUnsigned(totalFramesDecoded, 0xFFFF_FFFFL, "totalFramesDecoded");
    }

    static FrameAcknowledge decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        long queueDepth = src.readUnsignedIntLE();
        long frameId = src.readUnsignedIntLE();
        long totalFramesDecoded = src.readUnsignedIntLE();
        return new FrameAcknowledge(queueDepth, frameId, totalFramesDecoded);
    }

    @Override
    public int cmdId() {
        return FRAMEACKNOWLEDGE;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) queueDepth);
        dst.writeIntLE((int) frameId);
        dst.writeIntLE((int) totalFramesDecoded);
    }

    @Override
    public String name() {
        return NAME;
    }
}
