package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.3.5 Client Cluster Data (TS_UD_CS_CLUSTER). */
public record ClientClusterData(long flags, long redirectedSessionId) implements ClientDataBlock {
    public static final String NAME = "ClientClusterData";
    public static final int BODY_SIZE = 4 /* flags */ + 4 /* redirectedSessionId */;

    public static ClientClusterData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new ClientClusterData(src.readUnsignedIntLE(), src.readUnsignedIntLE());
    }

    @Override
    public int type() {
        return CS_CLUSTER;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) flags);
        dst.writeIntLE((int) redirectedSessionId);
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
