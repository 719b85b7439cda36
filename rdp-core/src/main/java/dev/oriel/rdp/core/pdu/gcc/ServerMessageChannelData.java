package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.4.5 Server Message Channel Data (TS_UD_SC_MCS_MSGCHANNEL). */
public record ServerMessageChannelData(int mcsChannelId) implements ServerDataBlock {
    public static final String NAME = "ServerMessageChannelData";

    public static ServerMessageChannelData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 2, NAME);
        return new ServerMessageChannelData(src.readUnsignedShortLE());
    }

    @Override
    public int type() {
        return SC_MCS_MSGCHANNEL;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(mcsChannelId);
    }

    @Override
    public int bodySize() {
        return 2;
    }

    @Override
    public String name() {
        return NAME;
    }
}
