package dev.oriel.rdp.core.pdu.x224;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.2.1 RDP Negotiation Response (RDP_NEG_RSP).
 *
 * @param flags            {@link #EXTENDED_CLIENT_DATA_SUPPORTED}, {@link #DYNVC_GFX_PROTOCOL_SUPPORTED},
 *                         {@link #RESTRICTED_ADMIN_MODE_SUPPORTED}, {@link #REDIRECTED_AUTHENTICATION_MODE_SUPPORTED}
 * @param selectedProtocol one {@link SecurityProtocol} value
 */
public record NegotiationResponse(int flags, int selectedProtocol) implements NegotiationOutcome {
    public static final String NAME = "NegotiationResponse";
    public static final int TYPE = 0x02;

    /** Lets the client send CS_MONITOR, CS_MONITOR_EX, CS_MCS_MSGCHANNEL and CS_MULTITRANSPORT (P-CORE-3). */
    public static final int EXTENDED_CLIENT_DATA_SUPPORTED = 0x01;
    public static final int DYNVC_GFX_PROTOCOL_SUPPORTED = 0x02;
    public static final int RESTRICTED_ADMIN_MODE_SUPPORTED = 0x08;
    public static final int REDIRECTED_AUTHENTICATION_MODE_SUPPORTED = 0x10;

    public NegotiationResponse {
        Wire.requireUnsigned(flags, 0xFF, "flags");
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(TYPE);
        dst.writeByte(flags);
        dst.writeShortLE(SIZE);
        dst.writeIntLE(selectedProtocol);
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
