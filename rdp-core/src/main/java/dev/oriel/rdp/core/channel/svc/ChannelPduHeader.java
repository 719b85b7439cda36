package dev.oriel.rdp.core.channel.svc;

import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.6.1.1 Channel PDU Header (CHANNEL_PDU_HEADER), in front of every static channel chunk.
 *
 * @param length the total length of the whole channel message (repeated in every chunk), not of this chunk
 * @param flags  CHANNEL_FLAG_* bits
 */
public record ChannelPduHeader(long length, int flags) implements Encodable {
    public static final String NAME = "ChannelPduHeader";
    public static final int SIZE = 4 /* length */ + 4 /* flags */;

    public static final int CHANNEL_FLAG_FIRST = 0x0000_0001;
    public static final int CHANNEL_FLAG_LAST = 0x0000_0002;
    public static final int CHANNEL_FLAG_SHOW_PROTOCOL = 0x0000_0010;
    public static final int CHANNEL_FLAG_SUSPEND = 0x0000_0020;
    public static final int CHANNEL_FLAG_RESUME = 0x0000_0040;
    public static final int CHANNEL_FLAG_SHADOW_PERSISTENT = 0x0000_0080;
    public static final int CHANNEL_PACKET_COMPRESSED = 0x0020_0000;
    public static final int CHANNEL_PACKET_AT_FRONT = 0x0040_0000;
    public static final int CHANNEL_PACKET_FLUSHED = 0x0080_0000;

    public ChannelPduHeader {
        Wire.requireUnsigned(length, 0xFFFF_FFFFL, "length");
    }

    public static ChannelPduHeader decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new ChannelPduHeader(src.readUnsignedIntLE(), src.readIntLE());
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeIntLE((int) length);
        dst.writeIntLE(flags);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
