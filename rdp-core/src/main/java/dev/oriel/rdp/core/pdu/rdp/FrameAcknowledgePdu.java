package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.14.1 Frame Acknowledge PDU (TS_FRAME_ACKNOWLEDGE_PDU). */
public record FrameAcknowledgePdu(long frameId) implements ShareDataBody {
    public static final String NAME = "FrameAcknowledgePdu";
    public static final int SIZE = 4;

    public static FrameAcknowledgePdu decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new FrameAcknowledgePdu(src.readUnsignedIntLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeIntLE((int) frameId);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
