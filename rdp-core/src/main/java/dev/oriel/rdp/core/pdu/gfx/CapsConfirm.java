package dev.oriel.rdp.core.pdu.gfx;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/** [MS-RDPEGFX] 2.2.2.19 RDPGFX_CAPS_CONFIRM_PDU: the one capability set the server chose. */
public record CapsConfirm(GfxCapabilitySet set) implements GfxPdu {
    public static final String NAME = "CapsConfirm";

    public CapsConfirm {
        Objects.requireNonNull(set, "set");
    }

    static CapsConfirm decodeBody(ByteBuf src) {
        return new CapsConfirm(GfxCapabilitySet.decode(src, NAME));
    }

    @Override
    public int cmdId() {
        return CAPSCONFIRM;
    }

    @Override
    public int bodySize() {
        return set.size();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        set.encode(dst);
    }

    @Override
    public String name() {
        return NAME;
    }
}
