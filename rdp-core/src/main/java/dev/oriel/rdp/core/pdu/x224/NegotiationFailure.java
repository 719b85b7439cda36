package dev.oriel.rdp.core.pdu.x224;

import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.2.2 RDP Negotiation Failure (RDP_NEG_FAILURE).
 *
 * @param failureCode one of the {@code *_REQUIRED_BY_SERVER} / {@code *_NOT_ALLOWED_*} codes below
 */
public record NegotiationFailure(int failureCode) implements NegotiationOutcome {
    public static final String NAME = "NegotiationFailure";
    public static final int TYPE = 0x03;

    public static final int SSL_REQUIRED_BY_SERVER = 0x0000_0001;
    public static final int SSL_NOT_ALLOWED_BY_SERVER = 0x0000_0002;
    public static final int SSL_CERT_NOT_ON_SERVER = 0x0000_0003;
    public static final int INCONSISTENT_FLAGS = 0x0000_0004;
    public static final int HYBRID_REQUIRED_BY_SERVER = 0x0000_0005;
    public static final int SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER = 0x0000_0006;

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(TYPE);
        dst.writeByte(0);
        dst.writeShortLE(SIZE);
        dst.writeIntLE(failureCode);
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
