package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.12 RDPGFX_END_FRAME_PDU.
 */
public record EndFrame(long frameId) implements GfxPdu {
    public static final String NAME = "EndFrame";
    static final int BODY_SIZE = 4;

    public EndFrame {
        Wire.requireUnsigned(frameId, 0xFFFF_FFFFL, "frameId");
    }

    static EndFrame decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        long frameId = src.readUnsignedIntLE();
        return new EndFrame(frameId);
    }

    @Override
    public int cmdId() {
        return ENDFRAME;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) frameId);
    }

    @Override
    public String name() {
        return NAME;
    }
}
