package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.10 RDPGFX_DELETE_SURFACE_PDU.
 */
public record DeleteSurface(int surfaceId) implements GfxPdu {
    public static final String NAME = "DeleteSurface";
    static final int BODY_SIZE = 2;

    public DeleteSurface {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
    }

    static DeleteSurface decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        int surfaceId = src.readUnsignedShortLE();
        return new DeleteSurface(surfaceId);
    }

    @Override
    public int cmdId() {
        return DELETESURFACE;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(surfaceId);
    }

    @Override
    public String name() {
        return NAME;
    }
}
