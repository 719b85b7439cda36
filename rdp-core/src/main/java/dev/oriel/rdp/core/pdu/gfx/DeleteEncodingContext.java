package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.2.3 RDPGFX_DELETE_ENCODING_CONTEXT_PDU: surfaceId (2), codecContextId (4) — the client drops the
 * codec state (RemoteFX Progressive tiles) of that context.
 */
public record DeleteEncodingContext(int surfaceId, long codecContextId) implements GfxPdu {
    public static final String NAME = "DeleteEncodingContext";
    static final int BODY_SIZE = 6;

    public DeleteEncodingContext {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        Wire.requireUnsigned(codecContextId, 0xFFFF_FFFFL, "codecContextId");
    }

    static DeleteEncodingContext decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new DeleteEncodingContext(src.readUnsignedShortLE(), src.readUnsignedIntLE());
    }

    @Override
    public int cmdId() {
        return DELETEENCODINGCONTEXT;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(surfaceId);
        dst.writeIntLE((int) codecContextId);
    }

    @Override
    public String name() {
        return NAME;
    }
}
