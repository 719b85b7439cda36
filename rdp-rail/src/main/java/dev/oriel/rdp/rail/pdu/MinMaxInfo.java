package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.7.1 TS_RAIL_ORDER_MINMAXINFO (server → client): the size and position limits of a window for
 * client-side move and resize. Body: windowId (4), maxWidth (2), maxHeight (2), maxPosX (2), maxPosY (2),
 * minTrackWidth (2), minTrackHeight (2), maxTrackWidth (2), maxTrackHeight (2).
 */
public record MinMaxInfo(long windowId, int maxWidth, int maxHeight, int maxPosX, int maxPosY, int minTrackWidth, int minTrackHeight, int maxTrackWidth, int maxTrackHeight) implements RailPdu {
    public static final String NAME = "MinMaxInfo";
    static final int BODY_SIZE = 20;

    public MinMaxInfo {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        RailWire.s16(maxWidth, "maxWidth");
        RailWire.s16(maxHeight, "maxHeight");
        RailWire.s16(maxPosX, "maxPosX");
        RailWire.s16(maxPosY, "maxPosY");
        RailWire.s16(minTrackWidth, "minTrackWidth");
        RailWire.s16(minTrackHeight, "minTrackHeight");
        RailWire.s16(maxTrackWidth, "maxTrackWidth");
        RailWire.s16(maxTrackHeight, "maxTrackHeight");
    }

    static MinMaxInfo decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new MinMaxInfo(src.readUnsignedIntLE(),
                src.readShortLE(),
                src.readShortLE(),
                src.readShortLE(),
                src.readShortLE(),
                src.readShortLE(),
                src.readShortLE(),
                src.readShortLE(),
                src.readShortLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_MINMAXINFO;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        dst.writeShortLE(maxWidth);
        dst.writeShortLE(maxHeight);
        dst.writeShortLE(maxPosX);
        dst.writeShortLE(maxPosY);
        dst.writeShortLE(minTrackWidth);
        dst.writeShortLE(minTrackHeight);
        dst.writeShortLE(maxTrackWidth);
        dst.writeShortLE(maxTrackHeight);
    }

    @Override
    public String name() {
        return NAME;
    }
}
