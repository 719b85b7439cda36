package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2 TS_RAIL_ORDER_TEXTSCALEINFO (client → server): the client's text scale factor. Body:
 * textScaleFactor (4).
 */
public record TextScaleInfo(long textScaleFactor) implements RailPdu {
    public static final String NAME = "TextScaleInfo";
    static final int BODY_SIZE = 4;

    public TextScaleInfo {
        Wire.requireUnsigned(textScaleFactor, 0xFFFF_FFFFL, "textScaleFactor");
    }

    static TextScaleInfo decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new TextScaleInfo(src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_TEXTSCALEINFO;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) textScaleFactor);
    }

    @Override
    public String name() {
        return NAME;
    }
}
