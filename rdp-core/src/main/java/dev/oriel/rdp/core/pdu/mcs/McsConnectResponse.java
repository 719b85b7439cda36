package dev.oriel.rdp.core.pdu.mcs;

import dev.oriel.rdp.core.pdu.gcc.ConferenceCreateResponse;
import dev.oriel.rdp.core.wire.Ber;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.4 Server MCS Connect Response PDU with GCC Conference Create Response (T.125
 * Connect-Response, BER application tag 102).
 *
 * @param result          T.125 Result, 0 = rt-successful
 * @param calledConnectId 0 for RDP
 */
public record McsConnectResponse(int result, long calledConnectId, DomainParameters domainParameters,
        ConferenceCreateResponse conferenceCreateResponse) implements Encodable {

    public static final String NAME = "McsConnectResponse";
    static final int TAG = 102;

    public static McsConnectResponse decode(ByteBuf src) {
        int length = Ber.readApplicationTag(src, TAG, NAME);
        ByteBuf body = src.readSlice(length);
        int result = Ber.readEnumerated(body, NAME, "result");
        long calledConnectId = Ber.readInteger(body, NAME, "calledConnectId");
        DomainParameters params = DomainParameters.decode(body);
        int userDataLength = Ber.readTag(body, Ber.TAG_OCTET_STRING, NAME, "userData");
        ByteBuf userData = body.readSlice(userDataLength);
        ConferenceCreateResponse ccr = ConferenceCreateResponse.decode(userData);
        Wire.ensureFullyConsumed(userData, ConferenceCreateResponse.NAME);
        Wire.ensureFullyConsumed(body, NAME);
        return new McsConnectResponse(result, calledConnectId, params, ccr);
    }

    private int contentSize() {
        return 3 /* result */ + Ber.integerSize(calledConnectId) + domainParameters.size()
                + Ber.octetStringSize(conferenceCreateResponse.size());
    }

    @Override
    public void encode(ByteBuf dst) {
        Ber.writeApplicationTag(dst, TAG, contentSize());
        Ber.writeEnumerated(dst, result);
        Ber.writeInteger(dst, calledConnectId);
        domainParameters.encode(dst);
        Ber.writeOctetStringHeader(dst, conferenceCreateResponse.size());
        conferenceCreateResponse.encode(dst);
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
