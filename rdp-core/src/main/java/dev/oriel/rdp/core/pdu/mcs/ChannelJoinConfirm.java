package dev.oriel.rdp.core.pdu.mcs;

import dev.oriel.rdp.core.wire.Per;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.OptionalInt;

/**
 * [MS-RDPBCGR] 2.2.1.9 MCS Channel Join Confirm PDU.
 *
 * @param result    T.125 Result (0 = rt-successful)
 * @param initiator the user channel id
 * @param requested the channel id the client asked to join
 * @param channelId the joined channel id, present on success (option bit 0x02)
 */
public record ChannelJoinConfirm(int result, int initiator, int requested, OptionalInt channelId) implements McsDomainPdu {
    public static final String NAME = "ChannelJoinConfirm";
    static final int CHANNEL_ID_PRESENT = 0x02;

    public ChannelJoinConfirm {
        Wire.requireUnsigned(result, 15, "result");
    }

    public static ChannelJoinConfirm decode(ByteBuf src) {
        int options = McsDomainPdu.readChoice(src, CHANNEL_JOIN_CONFIRM, NAME);
        int result = Per.readUnsignedByte(src, NAME);
        int initiator = Per.readInteger16(src, MCS_BASE_CHANNEL_ID, NAME);
        int requested = Per.readInteger16(src, 0, NAME);
        OptionalInt channelId = (options & CHANNEL_ID_PRESENT) != 0
                ? OptionalInt.of(Per.readInteger16(src, 0, NAME)) : OptionalInt.empty();
        return new ChannelJoinConfirm(result, initiator, requested, channelId);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(CHANNEL_JOIN_CONFIRM << 2 | (channelId.isPresent() ? CHANNEL_ID_PRESENT : 0));
        dst.writeByte(result);
        Per.writeInteger16(dst, initiator, MCS_BASE_CHANNEL_ID);
        Per.writeInteger16(dst, requested, 0);
        channelId.ifPresent(id -> Per.writeInteger16(dst, id, 0));
    }

    @Override
    public int size() {
        return 1 /* choice */ + 1 /* result */ + 2 /* initiator */ + 2 /* requested */ + (channelId.isPresent() ? 2 : 0);
    }

    @Override
    public String name() {
        return NAME;
    }
}
