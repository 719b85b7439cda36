package dev.oriel.rdp.core.pdu.mcs;

import dev.oriel.rdp.core.wire.Per;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.OptionalInt;

/**
 * [MS-RDPBCGR] 2.2.1.7 MCS Attach User Confirm PDU.
 *
 * @param result    T.125 Result (0 = rt-successful)
 * @param initiator the user channel id, present on success (option bit 0x02 of the choice byte)
 */
public record AttachUserConfirm(int result, OptionalInt initiator) implements McsDomainPdu {
    public static final String NAME = "AttachUserConfirm";
    static final int INITIATOR_PRESENT = 0x02;

    public AttachUserConfirm {
        Wire.requireUnsigned(result, 15, "result");
    }

    public static AttachUserConfirm decode(ByteBuf src) {
        int options = McsDomainPdu.readChoice(src, ATTACH_USER_CONFIRM, NAME);
        int result = Per.readUnsignedByte(src, NAME);
        OptionalInt initiator = (options & INITIATOR_PRESENT) != 0
                ? OptionalInt.of(Per.readInteger16(src, MCS_BASE_CHANNEL_ID, NAME)) : OptionalInt.empty();
        return new AttachUserConfirm(result, initiator);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(ATTACH_USER_CONFIRM << 2 | (initiator.isPresent() ? INITIATOR_PRESENT : 0));
        dst.writeByte(result);
        initiator.ifPresent(i -> Per.writeInteger16(dst, i, MCS_BASE_CHANNEL_ID));
    }

    @Override
    public int size() {
        return 1 /* choice */ + 1 /* result */ + (initiator.isPresent() ? 2 : 0);
    }

    @Override
    public String name() {
        return NAME;
    }
}
