package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.3.8 Client Multitransport Channel Data (TS_UD_CS_MULTITRANSPORT). */
public record ClientMultitransportData(long flags) implements ClientDataBlock {
    public static final String NAME = "ClientMultitransportData";
    public static final int BODY_SIZE = 4 /* flags */;

    public static ClientMultitransportData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new ClientMultitransportData(src.readUnsignedIntLE());
    }

    @Override
    public int type() {
        return CS_MULTITRANSPORT;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) flags);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
