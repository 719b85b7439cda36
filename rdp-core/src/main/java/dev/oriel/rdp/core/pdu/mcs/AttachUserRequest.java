package dev.oriel.rdp.core.pdu.mcs;

import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.6 MCS Attach User Request PDU: the choice byte alone. */
public record AttachUserRequest() implements McsDomainPdu {
    public static final String NAME = "AttachUserRequest";

    public static AttachUserRequest decode(ByteBuf src) {
        McsDomainPdu.readChoice(src, ATTACH_USER_REQUEST, NAME);
        return new AttachUserRequest();
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(ATTACH_USER_REQUEST << 2);
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public String name() {
        return NAME;
    }
}
