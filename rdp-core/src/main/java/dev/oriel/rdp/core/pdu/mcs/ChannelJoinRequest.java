package dev.oriel.rdp.core.pdu.mcs;

import dev.oriel.rdp.core.wire.Per;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.8 MCS Channel Join Request PDU. */
public record ChannelJoinRequest(int initiator, int channelId) implements McsDomainPdu {
    public static final String NAME = "ChannelJoinRequest";
    public static final int SIZE = 1 /* choice */ + 2 /* initiator */ + 2 /* channelId */;

    public static ChannelJoinRequest decode(ByteBuf src) {
        McsDomainPdu.readChoice(src, CHANNEL_JOIN_REQUEST, NAME);
        int initiator = Per.readInteger16(src, MCS_BASE_CHANNEL_ID, NAME);
        int channelId = Per.readInteger16(src, 0, NAME);
        return new ChannelJoinRequest(initiator, channelId);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(CHANNEL_JOIN_REQUEST << 2);
        Per.writeInteger16(dst, initiator, MCS_BASE_CHANNEL_ID);
        Per.writeInteger16(dst, channelId, 0);
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
