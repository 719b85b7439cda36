package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** [MS-RDPBCGR] 2.2.1.3.4 Client Network Data (TS_UD_CS_NET): the static channels the client wants. */
public record ClientNetworkData(List<ChannelDef> channels) implements ClientDataBlock {
    public static final String NAME = "ClientNetworkData";
    /** CHANNEL_MAX_COUNT: the protocol allows at most 31 static channels ([MS-RDPBCGR] 2.2.1.3.4). */
    public static final int MAX_CHANNELS = 31;

    public ClientNetworkData {
        channels = List.copyOf(channels);
        if (channels.size() > MAX_CHANNELS) {
            throw new IllegalArgumentException("at most 31 channels");
        }
    }

    public static ClientNetworkData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 4, NAME);
        long count = src.readUnsignedIntLE();
        Wire.checkLimit(count, MAX_CHANNELS, NAME, "channelCount");
        Wire.ensureReadable(src, count * ChannelDef.SIZE, NAME);
        List<ChannelDef> list = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            list.add(ChannelDef.decode(src));
        }
        return new ClientNetworkData(list);
    }

    @Override
    public int type() {
        return CS_NET;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE(channels.size());
        channels.forEach(c -> c.encode(dst));
    }

    @Override
    public int bodySize() {
        return 4 /* channelCount */ + channels.size() * ChannelDef.SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
