package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;

/** [MS-RDPRFX] 2.2.1.3 Frame Acknowledge Capability Set (TS_FRAME_ACKNOWLEDGE_CAPABILITYSET). */
public record FrameAcknowledgeCapabilitySet(long maxUnacknowledgedFrameCount) implements CapabilitySet {
    public static final int BODY_SIZE = 4 /* maxUnacknowledgedFrameCount */;

    static FrameAcknowledgeCapabilitySet decodeBody(ByteBuf src) {
        FrameAcknowledgeCapabilitySet set = new FrameAcknowledgeCapabilitySet(src.readUnsignedIntLE());
        src.skipBytes(src.readableBytes());
        return set;
    }

    @Override
    public int type() {
        return CAPSSETTYPE_FRAME_ACKNOWLEDGE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) maxUnacknowledgedFrameCount);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "FrameAcknowledgeCapabilitySet";
    }
}
