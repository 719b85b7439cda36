package dev.oriel.rdp.core.pdu.x224;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * The negotiation structure of an X.224 Connection Confirm: either RDP_NEG_RSP or RDP_NEG_FAILURE
 * ([MS-RDPBCGR] 2.2.1.2.1, 2.2.1.2.2). Both are 8 bytes: type, flags, length (= 8), a 4-byte value.
 */
public sealed interface NegotiationOutcome extends Encodable permits NegotiationResponse, NegotiationFailure {
    String NAME = "NegotiationOutcome";
    int SIZE = 1 /* type */ + 1 /* flags */ + 2 /* length */ + 4 /* selectedProtocol or failureCode */;

    /** Decodes RDP_NEG_RSP or RDP_NEG_FAILURE by its type byte. */
    static NegotiationOutcome decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        int type = src.readUnsignedByte();
        int flags = src.readUnsignedByte();
        int length = src.readUnsignedShortLE();
        if (length != SIZE) {
            throw DecodeException.invalidField(NAME, "length", "must be 8, was " + length);
        }
        int value = src.readIntLE();
        return switch (type) {
            case NegotiationResponse.TYPE -> new NegotiationResponse(flags, value);
            case NegotiationFailure.TYPE -> {
                if (flags != 0) {
                    throw DecodeException.invalidField(NegotiationFailure.NAME, "flags", "must be 0, was " + flags);
                }
                yield new NegotiationFailure(value);
            }
            default -> throw DecodeException.unexpectedMessageType(NAME, type);
        };
    }
}
