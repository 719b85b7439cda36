package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.3.1.1 Deactivate All PDU Data (TS_DEACTIVATE_ALL_PDU). */
public record DeactivateAllPdu(int pduSource, long shareId, Bytes sourceDescriptor) implements ShareControlPdu {
    public static final String NAME = "DeactivateAllPdu";

    static DeactivateAllPdu decodeBody(ByteBuf src, int pduSource) {
        Wire.ensureReadable(src, 6, NAME);
        long shareId = src.readUnsignedIntLE();
        int length = src.readUnsignedShortLE();
        if (length > src.readableBytes()) {
            throw DecodeException.invalidField(NAME, "lengthSourceDescriptor", length + " exceeds the body");
        }
        return new DeactivateAllPdu(pduSource, shareId, Bytes.read(src, length));
    }

    @Override
    public int pduType() {
        return PDUTYPE_DEACTIVATEALLPDU;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) shareId);
        dst.writeShortLE(sourceDescriptor.length());
        sourceDescriptor.writeTo(dst);
    }

    @Override
    public int bodySize() {
        return 4 + 2 + sourceDescriptor.length();
    }

    @Override
    public String name() {
        return NAME;
    }
}
