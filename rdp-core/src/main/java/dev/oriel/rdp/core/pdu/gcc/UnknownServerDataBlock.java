package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;

/** A server data block of a type Oriel does not model, kept raw so decode → encode is lossless. */
public record UnknownServerDataBlock(int type, Bytes body) implements ServerDataBlock {
    public static final String NAME = "UnknownServerDataBlock";

    @Override
    public void encodeBody(ByteBuf dst) {
        body.writeTo(dst);
    }

    @Override
    public int bodySize() {
        return body.length();
    }

    @Override
    public String name() {
        return NAME;
    }
}
