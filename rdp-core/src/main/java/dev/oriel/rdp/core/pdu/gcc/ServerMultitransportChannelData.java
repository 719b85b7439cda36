package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.4.6 Server Multitransport Channel Data (TS_UD_SC_MULTITRANSPORT). */
public record ServerMultitransportChannelData(long flags) implements ServerDataBlock {
    public static final String NAME = "ServerMultitransportChannelData";
    public static final int BODY_SIZE = 4 /* flags */;

    public static ServerMultitransportChannelData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new ServerMultitransportChannelData(src.readUnsignedIntLE());
    }

    @Override
    public int type() {
        return SC_MULTITRANSPORT;
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
