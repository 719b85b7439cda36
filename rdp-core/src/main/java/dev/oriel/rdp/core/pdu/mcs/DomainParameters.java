package dev.oriel.rdp.core.pdu.mcs;

import dev.oriel.rdp.core.wire.Ber;
import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;

/** T.125 DomainParameters, a BER SEQUENCE of eight INTEGERs ([MS-RDPBCGR] 2.2.1.3 targetParameters etc.). */
public record DomainParameters(long maxChannelIds, long maxUserIds, long maxTokenIds, long numPriorities,
        long minThroughput, long maxHeight, long maxMcsPduSize, long protocolVersion) implements Encodable {

    public static final String NAME = "DomainParameters";

    public static DomainParameters decode(ByteBuf src) {
        int length = Ber.readTag(src, Ber.TAG_SEQUENCE, NAME, "DomainParameters");
        ByteBuf body = src.readSlice(length);
        DomainParameters p = new DomainParameters(
                Ber.readInteger(body, NAME, "maxChannelIds"),
                Ber.readInteger(body, NAME, "maxUserIds"),
                Ber.readInteger(body, NAME, "maxTokenIds"),
                Ber.readInteger(body, NAME, "numPriorities"),
                Ber.readInteger(body, NAME, "minThroughput"),
                Ber.readInteger(body, NAME, "maxHeight"),
                Ber.readInteger(body, NAME, "maxMCSPDUsize"),
                Ber.readInteger(body, NAME, "protocolVersion"));
        dev.oriel.rdp.core.wire.Wire.ensureFullyConsumed(body, NAME);
        return p;
    }

    private int contentSize() {
        return Ber.integerSize(maxChannelIds) + Ber.integerSize(maxUserIds) + Ber.integerSize(maxTokenIds)
                + Ber.integerSize(numPriorities) + Ber.integerSize(minThroughput) + Ber.integerSize(maxHeight)
                + Ber.integerSize(maxMcsPduSize) + Ber.integerSize(protocolVersion);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(Ber.TAG_SEQUENCE);
        Ber.writeLength(dst, contentSize());
        Ber.writeInteger(dst, maxChannelIds);
        Ber.writeInteger(dst, maxUserIds);
        Ber.writeInteger(dst, maxTokenIds);
        Ber.writeInteger(dst, numPriorities);
        Ber.writeInteger(dst, minThroughput);
        Ber.writeInteger(dst, maxHeight);
        Ber.writeInteger(dst, maxMcsPduSize);
        Ber.writeInteger(dst, protocolVersion);
    }

    @Override
    public int size() {
        int c = contentSize();
        return 1 + Ber.lengthSize(c) + c;
    }

    @Override
    public String name() {
        return NAME;
    }
}
