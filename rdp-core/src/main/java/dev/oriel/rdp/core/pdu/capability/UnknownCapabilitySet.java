package dev.oriel.rdp.core.pdu.capability;

import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;

/** A capability set Oriel does not model (or one whose body differs from the typed form), kept raw. */
public record UnknownCapabilitySet(int type, Bytes body) implements CapabilitySet {
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
        return "UnknownCapabilitySet";
    }
}
