package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * A PDU behind a Share Control Header ([MS-RDPBCGR] 2.2.8.1.1.1.1 TS_SHARECONTROLHEADER): totalLength (2, the whole
 * PDU), pduType (2: type in the low 4 bits, protocol version 1 in bits 4–7), pduSource (2, the sender's MCS channel).
 */
public sealed interface ShareControlPdu extends Encodable permits DemandActivePdu, ConfirmActivePdu, DeactivateAllPdu,
        ShareDataPdu {

    String NAME = "ShareControlPdu";
    int HEADER_SIZE = 2 /* totalLength */ + 2 /* pduType */ + 2 /* pduSource */;
    int TS_PROTOCOL_VERSION = 0x10;

    int PDUTYPE_DEMANDACTIVEPDU = 0x1;
    int PDUTYPE_CONFIRMACTIVEPDU = 0x3;
    int PDUTYPE_DEACTIVATEALLPDU = 0x6;
    int PDUTYPE_DATAPDU = 0x7;
    int PDUTYPE_SERVER_REDIR_PKT = 0xA;

    /** The MCS channel of the sender. */
    int pduSource();

    int pduType();

    void encodeBody(ByteBuf dst);

    int bodySize();

    @Override
    default void encode(ByteBuf dst) {
        dst.writeShortLE(size());
        dst.writeShortLE(pduType() | TS_PROTOCOL_VERSION);
        dst.writeShortLE(pduSource());
        encodeBody(dst);
    }

    @Override
    default int size() {
        return HEADER_SIZE + bodySize();
    }

    /** Decodes one PDU; the body is bounded by totalLength and must be consumed exactly. */
    static ShareControlPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, HEADER_SIZE, NAME);
        int totalLength = src.readUnsignedShortLE();
        if (totalLength == 0x8000) {
            // [MS-RDPBCGR] 2.2.8.1.1.1.1: a legacy flow-control PDU; no current client sends them.
            throw DecodeException.unsupportedValue(NAME, "totalLength", "0x8000 (flow control PDU)");
        }
        int pduType = src.readUnsignedShortLE();
        int pduSource = src.readUnsignedShortLE();
        if (totalLength < HEADER_SIZE) {
            throw DecodeException.invalidField(NAME, "totalLength", "smaller than the header: " + totalLength);
        }
        ByteBuf body = Wire.readSlice(src, totalLength - HEADER_SIZE, NAME, "totalLength");
        ShareControlPdu pdu = switch (pduType & 0x0F) {
            case PDUTYPE_DEMANDACTIVEPDU -> DemandActivePdu.decodeBody(body, pduSource);
            case PDUTYPE_CONFIRMACTIVEPDU -> ConfirmActivePdu.decodeBody(body, pduSource);
            case PDUTYPE_DEACTIVATEALLPDU -> DeactivateAllPdu.decodeBody(body, pduSource);
            case PDUTYPE_DATAPDU -> ShareDataPdu.decodeBody(body, pduSource);
            default -> throw DecodeException.invalidField(NAME, "pduType", "unknown 0x" + Integer.toHexString(pduType));
        };
        Wire.ensureFullyConsumed(body, pdu.name());
        return pdu;
    }
}
