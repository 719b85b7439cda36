package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2 TS_RAIL_ORDER_COMPARTMENTINFO (both directions): IME state. Body: imeState (4), imeConvMode
 * (4), imeSentenceMode (4), kanaMode (4).
 */
public record CompartmentInfo(long imeState, long imeConvMode, long imeSentenceMode, long kanaMode) implements RailPdu {
    public static final String NAME = "CompartmentInfo";
    static final int BODY_SIZE = 16;

    public CompartmentInfo {
        Wire.requireUnsigned(imeState, 0xFFFF_FFFFL, "imeState");
        Wire.requireUnsigned(imeConvMode, 0xFFFF_FFFFL, "imeConvMode");
        Wire.requireUnsigned(imeSentenceMode, 0xFFFF_FFFFL, "imeSentenceMode");
        Wire.requireUnsigned(kanaMode, 0xFFFF_FFFFL, "kanaMode");
    }

    static CompartmentInfo decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new CompartmentInfo(src.readUnsignedIntLE(),
                src.readUnsignedIntLE(),
                src.readUnsignedIntLE(),
                src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_COMPARTMENTINFO;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) imeState);
        dst.writeIntLE((int) imeConvMode);
        dst.writeIntLE((int) imeSentenceMode);
        dst.writeIntLE((int) kanaMode);
    }

    @Override
    public String name() {
        return NAME;
    }
}
