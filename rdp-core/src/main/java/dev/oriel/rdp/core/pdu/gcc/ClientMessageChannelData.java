package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.3.7 Client Message Channel Data (TS_UD_CS_MCS_MSGCHANNEL). */
public record ClientMessageChannelData(long flags) implements ClientDataBlock {
    public static final String NAME = "ClientMessageChannelData";
    public static final int BODY_SIZE = 4 /* flags */;

    public static ClientMessageChannelData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new ClientMessageChannelData(src.readUnsignedIntLE());
    }

    @Override
    public int type() {
        return CS_MCS_MSGCHANNEL;
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
