package dev.oriel.rdp.core.pdu.x224;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.1.1 RDP Negotiation Request (RDP_NEG_REQ).
 *
 * @param flags              {@code RESTRICTED_ADMIN_MODE_REQUIRED 0x1}, {@code REDIRECTED_AUTHENTICATION_MODE_REQUIRED 0x2},
 *                           {@code CORRELATION_INFO_PRESENT 0x8}
 * @param requestedProtocols {@link SecurityProtocol} flags
 */
public record NegotiationRequest(int flags, int requestedProtocols) implements Encodable {
    public static final String NAME = "NegotiationRequest";
    public static final int TYPE = 0x01;
    public static final int SIZE = 1 /* type */ + 1 /* flags */ + 2 /* length */ + 4 /* requestedProtocols */;

    public static final int RESTRICTED_ADMIN_MODE_REQUIRED = 0x01;
    public static final int REDIRECTED_AUTHENTICATION_MODE_REQUIRED = 0x02;
    public static final int CORRELATION_INFO_PRESENT = 0x08;

    public NegotiationRequest {
        Wire.requireUnsigned(flags, 0xFF, "flags");
    }

    /** Decodes the structure; the type byte must be {@link #TYPE}. */
    public static NegotiationRequest decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        int type = src.readUnsignedByte();
        if (type != TYPE) {
            throw DecodeException.unexpectedMessageType(NAME, type);
        }
        int flags = src.readUnsignedByte();
        int length = src.readUnsignedShortLE();
        if (length != SIZE) {
            throw DecodeException.invalidField(NAME, "length", "must be 8, was " + length);
        }
        int requested = src.readIntLE();
        return new NegotiationRequest(flags, requested);
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(TYPE);
        dst.writeByte(flags);
        dst.writeShortLE(SIZE);
        dst.writeIntLE(requestedProtocols);
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
