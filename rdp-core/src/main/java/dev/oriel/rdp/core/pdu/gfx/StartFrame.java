package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.11 RDPGFX_START_FRAME_PDU: timestamp (4, hours/minutes/seconds/milliseconds bit fields)
 * and frameId (4).
 */
public record StartFrame(long timestamp, long frameId) implements GfxPdu {
    public static final String NAME = "StartFrame";
    static final int BODY_SIZE = 8;

    public StartFrame {
        Wire.requireUnsigned(timestamp, 0xFFFF_FFFFL, "timestamp");
        Wire.requireUnsigned(frameId, 0xFFFF_FFFFL, "frameId");
    }

    static StartFrame decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        long timestamp = src.readUnsignedIntLE();
        long frameId = src.readUnsignedIntLE();
        return new StartFrame(timestamp, frameId);
    }

    @Override
    public int cmdId() {
        return STARTFRAME;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) timestamp);
        dst.writeIntLE((int) frameId);
    }

    @Override
    public String name() {
        return NAME;
    }
}
