package dev.oriel.rdp.core.pdu.mcs;

import dev.oriel.rdp.core.pdu.gcc.ConferenceCreateRequest;
import dev.oriel.rdp.core.wire.Ber;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.3 Client MCS Connect Initial PDU with GCC Conference Create Request (T.125 Connect-Initial,
 * BER application tag 101). The bytes that follow the TPKT and X.224 Data headers.
 */
public record McsConnectInitial(
        Bytes callingDomainSelector,
        Bytes calledDomainSelector,
        boolean upwardFlag,
        DomainParameters targetParameters,
        DomainParameters minimumParameters,
        DomainParameters maximumParameters,
        ConferenceCreateRequest conferenceCreateRequest) implements Encodable {

    public static final String NAME = "McsConnectInitial";
    static final int TAG = 101;

    public static McsConnectInitial decode(ByteBuf src) {
        int length = Ber.readApplicationTag(src, TAG, NAME);
        ByteBuf body = src.readSlice(length);
        Bytes calling = Ber.readOctetString(body, NAME, "callingDomainSelector");
        Bytes called = Ber.readOctetString(body, NAME, "calledDomainSelector");
        boolean upward = Ber.readBoolean(body, NAME, "upwardFlag");
        DomainParameters target = DomainParameters.decode(body);
        DomainParameters min = DomainParameters.decode(body);
        DomainParameters max = DomainParameters.decode(body);
        int userDataLength = Ber.readTag(body, Ber.TAG_OCTET_STRING, NAME, "userData");
        ByteBuf userData = body.readSlice(userDataLength);
        ConferenceCreateRequest ccr = ConferenceCreateRequest.decode(userData);
        Wire.ensureFullyConsumed(userData, ConferenceCreateRequest.NAME);
        Wire.ensureFullyConsumed(body, NAME);
        return new McsConnectInitial(calling, called, upward, target, min, max, ccr);
    }

    private int contentSize() {
        return Ber.octetStringSize(callingDomainSelector.length()) + Ber.octetStringSize(calledDomainSelector.length())
                + 3 /* upwardFlag */ + targetParameters.size() + minimumParameters.size() + maximumParameters.size()
                + Ber.octetStringSize(conferenceCreateRequest.size());
    }

    @Override
    public void encode(ByteBuf dst) {
        Ber.writeApplicationTag(dst, TAG, contentSize());
        Ber.writeOctetStringHeader(dst, callingDomainSelector.length());
        callingDomainSelector.writeTo(dst);
        Ber.writeOctetStringHeader(dst, calledDomainSelector.length());
        calledDomainSelector.writeTo(dst);
        Ber.writeBoolean(dst, upwardFlag);
        targetParameters.encode(dst);
        minimumParameters.encode(dst);
        maximumParameters.encode(dst);
        Ber.writeOctetStringHeader(dst, conferenceCreateRequest.size());
        conferenceCreateRequest.encode(dst);
    }

    @Override
    public int size() {
        int c = contentSize();
        return Ber.applicationTagSize(c) + c;
    }

    @Override
    public String name() {
        return NAME;
    }
}
