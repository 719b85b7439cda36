package dev.oriel.rdp.core.pdu.mcs;

import dev.oriel.rdp.core.wire.Per;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.5 MCS Erect Domain Request PDU (T.125 ErectDomainRequest). */
public record ErectDomainRequest(long subHeight, long subInterval) implements McsDomainPdu {
    public static final String NAME = "ErectDomainRequest";

    public static ErectDomainRequest decode(ByteBuf src) {
        McsDomainPdu.readChoice(src, ERECT_DOMAIN_REQUEST, NAME);
        long subHeight = Per.readInteger(src, NAME, "subHeight");
        long subInterval = Per.readInteger(src, NAME, "subInterval");
        return new ErectDomainRequest(subHeight, subInterval);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(ERECT_DOMAIN_REQUEST << 2);
        Per.writeInteger(dst, subHeight);
        Per.writeInteger(dst, subInterval);
    }

    @Override
    public int size() {
        return 1 /* choice */ + Per.integerSize(subHeight) + Per.integerSize(subInterval);
    }

    @Override
    public String name() {
        return NAME;
    }
}
