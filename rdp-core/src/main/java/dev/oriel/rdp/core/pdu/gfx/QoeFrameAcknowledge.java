package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.21 RDPGFX_QOE_FRAME_ACKNOWLEDGE_PDU (client → server): frameId (4), timestamp (4),
 * timeDiffSE (2), timeDiffEDR (2).
 */
public record QoeFrameAcknowledge(long frameId, long timestamp, int timeDiffSE, int timeDiffEDR) implements GfxPdu {
    public static final String NAME = "QoeFrameAcknowledge";
    static final int BODY_SIZE = 12;

    public QoeFrameAcknowledge {
        Wire.requireUnsigned(frameId, 0xFFFF_FFFFL, "frameId");
        Wire.requireUnsigned(timestamp, 0xFFFF_FFFFL, "timestamp");
        Wire.requireUnsigned(timeDiffSE, 0xFFFF, "timeDiffSE");
        Wire.requireUnsigned(timeDiffEDR, 0xFFFF, "timeDiffEDR");
    }

    static QoeFrameAcknowledge decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        long frameId = src.readUnsignedIntLE();
        long timestamp = src.readUnsignedIntLE();
        int timeDiffSE = src.readUnsignedShortLE();
        int timeDiffEDR = src.readUnsignedShortLE();
        return new QoeFrameAcknowledge(frameId, timestamp, timeDiffSE, timeDiffEDR);
    }

    @Override
    public int cmdId() {
        return QOEFRAMEACKNOWLEDGE;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) frameId);
        dst.writeIntLE((int) timestamp);
        dst.writeShortLE(timeDiffSE);
        dst.writeShortLE(timeDiffEDR);
    }

    @Override
    public String name() {
        return NAME;
    }
}
