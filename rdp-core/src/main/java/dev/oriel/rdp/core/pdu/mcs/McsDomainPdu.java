package dev.oriel.rdp.core.pdu.mcs;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * An MCS domain PDU (T.125 DomainMCSPDU, PER-encoded, [MS-RDPBCGR] 2.2.1.5–2.2.1.9 and 2.2.8.1.1.1.1): the first
 * byte holds the choice index in bits 2–7 and option bits below.
 *
 * <p>Channel ids and initiators in these records are the real MCS ids; the 1001 offset of user ids on the wire is
 * handled by the codecs.
 */
public sealed interface McsDomainPdu extends Encodable
        permits ErectDomainRequest, AttachUserRequest, AttachUserConfirm, ChannelJoinRequest, ChannelJoinConfirm,
        DisconnectProviderUltimatum, SendDataHeader {

    String NAME = "McsDomainPdu";

    /** Lowest user id; initiators are PER integer16 values with this lower bound. */
    int MCS_BASE_CHANNEL_ID = 1001;

    int ERECT_DOMAIN_REQUEST = 1;
    int DISCONNECT_PROVIDER_ULTIMATUM = 8;
    int ATTACH_USER_REQUEST = 10;
    int ATTACH_USER_CONFIRM = 11;
    int CHANNEL_JOIN_REQUEST = 14;
    int CHANNEL_JOIN_CONFIRM = 15;
    int SEND_DATA_REQUEST = 25;
    int SEND_DATA_INDICATION = 26;

    /** The choice index at the reader index, without consuming it. */
    static int peekChoice(ByteBuf src) {
        Wire.ensureReadable(src, 1, NAME);
        return src.getUnsignedByte(src.readerIndex()) >> 2;
    }

    /**
     * Decodes one domain PDU. For {@link SendDataHeader} only the header is consumed; its user data follows.
     */
    static McsDomainPdu decode(ByteBuf src) {
        int choice = peekChoice(src);
        return switch (choice) {
            case ERECT_DOMAIN_REQUEST -> ErectDomainRequest.decode(src);
            case DISCONNECT_PROVIDER_ULTIMATUM -> DisconnectProviderUltimatum.decode(src);
            case ATTACH_USER_REQUEST -> AttachUserRequest.decode(src);
            case ATTACH_USER_CONFIRM -> AttachUserConfirm.decode(src);
            case CHANNEL_JOIN_REQUEST -> ChannelJoinRequest.decode(src);
            case CHANNEL_JOIN_CONFIRM -> ChannelJoinConfirm.decode(src);
            case SEND_DATA_REQUEST, SEND_DATA_INDICATION -> SendDataHeader.decode(src);
            default -> throw DecodeException.unexpectedMessageType(NAME, choice);
        };
    }

    /** Reads the first byte and checks the choice. Returns the option bits (low two bits). */
    static int readChoice(ByteBuf src, int expected, String pdu) {
        Wire.ensureReadable(src, 1, pdu);
        int b = src.readUnsignedByte();
        if (b >> 2 != expected) {
            throw DecodeException.unexpectedMessageType(pdu, b >> 2);
        }
        return b & 0x03;
    }
}
