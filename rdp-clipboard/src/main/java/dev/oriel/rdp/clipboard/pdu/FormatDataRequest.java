package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPECLIP] 2.2.5.1 Format Data Request: requestedFormatId (4), an id from the peer's last format list (named
 * formats have per-side ids, P-CLIP-3).
 */
public record FormatDataRequest(long formatId) implements CliprdrPdu {
    public static final String NAME = "FormatDataRequest";

    public FormatDataRequest {
        Wire.requireUnsigned(formatId, 0xFFFF_FFFFL, "formatId");
    }

    static FormatDataRequest decodeBody(ByteBuf body) {
        Wire.ensureReadable(body, 4, NAME);
        return new FormatDataRequest(body.readUnsignedIntLE());
    }

    @Override
    public int msgType() {
        return CB_FORMAT_DATA_REQUEST;
    }

    @Override
    public int msgFlags() {
        return 0;
    }

    @Override
    public int bodySize() {
        return 4;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) formatId);
    }

    @Override
    public String name() {
        return NAME;
    }
}
