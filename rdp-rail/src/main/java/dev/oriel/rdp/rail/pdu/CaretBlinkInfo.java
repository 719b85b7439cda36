package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2 TS_RAIL_ORDER_CARETBLINKINFO (client → server): the client's caret blink rate. Body:
 * caretBlinkRate (4).
 */
public record CaretBlinkInfo(long caretBlinkRate) implements RailPdu {
    public static final String NAME = "CaretBlinkInfo";
    static final int BODY_SIZE = 4;

    public CaretBlinkInfo {
        Wire.requireUnsigned(caretBlinkRate, 0xFFFF_FFFFL, "caretBlinkRate");
    }

    static CaretBlinkInfo decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new CaretBlinkInfo(src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_CARETBLINKINFO;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) caretBlinkRate);
    }

    @Override
    public String name() {
        return NAME;
    }
}
