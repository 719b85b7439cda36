package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPBCGR] 2.2.1.4.4 Server Network Data (TS_UD_SC_NET): the I/O channel id and one id per requested static
 * channel, padded to a multiple of four bytes when the count is odd.
 */
public record ServerNetworkData(int mcsChannelId, List<Integer> channelIds) implements ServerDataBlock {
    public static final String NAME = "ServerNetworkData";

    public ServerNetworkData {
        channelIds = List.copyOf(channelIds);
        Wire.requireUnsigned(mcsChannelId, 0xFFFF, "mcsChannelId");
        channelIds.forEach(id -> Wire.requireUnsigned(id, 0xFFFF, "channelId"));
    }

    public static ServerNetworkData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 4, NAME);
        int io = src.readUnsignedShortLE();
        int count = src.readUnsignedShortLE();
        Wire.checkLimit(count, ClientNetworkData.MAX_CHANNELS, NAME, "channelCount");
        Wire.ensureReadable(src, 2L * count, NAME);
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(src.readUnsignedShortLE());
        }
        if (count % 2 == 1 && src.readableBytes() >= 2) {
            src.skipBytes(2); // Pad (2 bytes)
        }
        if (src.isReadable()) {
            throw DecodeException.trailingBytes(NAME, src.readableBytes());
        }
        return new ServerNetworkData(io, ids);
    }

    @Override
    public int type() {
        return SC_NET;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(mcsChannelId);
        dst.writeShortLE(channelIds.size());
        channelIds.forEach(dst::writeShortLE);
        if (channelIds.size() % 2 == 1) {
            dst.writeShortLE(0);
        }
    }

    @Override
    public int bodySize() {
        return 4 + 2 * channelIds.size() + (channelIds.size() % 2 == 1 ? 2 : 0);
    }

    @Override
    public String name() {
        return NAME;
    }
}
