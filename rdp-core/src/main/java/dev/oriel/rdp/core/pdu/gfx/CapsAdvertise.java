package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPEGFX] 2.2.2.18 RDPGFX_CAPS_ADVERTISE_PDU (client → server): capsSetCount (2) then the sets, in the client's
 * order. The server answers with one of them in {@link CapsConfirm} before sending anything else.
 */
public record CapsAdvertise(List<GfxCapabilitySet> sets) implements GfxPdu {
    public static final String NAME = "CapsAdvertise";
    /** More sets than any client sends (FreeRDP 2.11 sends 11); bounds decoding. */
    static final int MAX_SETS = 64;

    public CapsAdvertise {
        sets = List.copyOf(sets);
        if (sets.size() > MAX_SETS) {
            throw new IllegalArgumentException("at most " + MAX_SETS + " capability sets");
        }
    }

    static CapsAdvertise decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 2, NAME);
        int count = src.readUnsignedShortLE();
        Wire.checkLimit(count, MAX_SETS, NAME, "capsSetCount");
        List<GfxCapabilitySet> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sets.add(GfxCapabilitySet.decode(src, NAME));
        }
        return new CapsAdvertise(sets);
    }

    @Override
    public int cmdId() {
        return CAPSADVERTISE;
    }

    @Override
    public int bodySize() {
        return 2 + sets.stream().mapToInt(GfxCapabilitySet::size).sum();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(sets.size());
        sets.forEach(s -> s.encode(dst));
    }

    @Override
    public String name() {
        return NAME;
    }
}
