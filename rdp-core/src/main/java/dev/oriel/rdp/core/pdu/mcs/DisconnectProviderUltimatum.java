package dev.oriel.rdp.core.pdu.mcs;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.2.3 MCS Disconnect Provider Ultimatum PDU. The 3-bit reason straddles the two bytes:
 * {@code 001000rr r0000000}.
 */
public record DisconnectProviderUltimatum(int reason) implements McsDomainPdu {
    public static final String NAME = "DisconnectProviderUltimatum";
    public static final int SIZE = 2;

    public static final int RN_DOMAIN_DISCONNECTED = 0;
    public static final int RN_PROVIDER_INITIATED = 1;
    public static final int RN_TOKEN_PURGED = 2;
    public static final int RN_USER_REQUESTED = 3;
    public static final int RN_CHANNEL_PURGED = 4;

    public DisconnectProviderUltimatum {
        Wire.requireUnsigned(reason, RN_CHANNEL_PURGED, "reason");
    }

    public static DisconnectProviderUltimatum decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        int b0 = src.readUnsignedByte();
        int b1 = src.readUnsignedByte();
        if (b0 >> 2 != DISCONNECT_PROVIDER_ULTIMATUM) {
            throw DecodeException.unexpectedMessageType(NAME, b0 >> 2);
        }
        int reason = ((b0 & 0x03) << 1) | (b1 >> 7);
        if (reason > RN_CHANNEL_PURGED) {
            throw DecodeException.invalidField(NAME, "reason", "not a T.125 Reason: " + reason);
        }
        return new DisconnectProviderUltimatum(reason);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(DISCONNECT_PROVIDER_ULTIMATUM << 2 | reason >> 1);
        dst.writeByte((reason & 1) << 7);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
