package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.7.5 TS_RAIL_ORDER_SNAP_ARRANGE (client → server): the client snapped a window to this
 * rectangle. Body: windowId (4), left (2), top (2), right (2), bottom (2).
 */
public record SnapArrange(long windowId, int left, int top, int right, int bottom) implements RailPdu {
    public static final String NAME = "SnapArrange";
    static final int BODY_SIZE = 12;

    public SnapArrange {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        RailWire.s16(left, "left");
        RailWire.s16(top, "top");
        RailWire.s16(right, "right");
        RailWire.s16(bottom, "bottom");
    }

    static SnapArrange decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new SnapArrange(src.readUnsignedIntLE(),
                src.readShortLE(),
                src.readShortLE(),
                src.readShortLE(),
                src.readShortLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_SNAP_ARRANGE;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        dst.writeShortLE(left);
        dst.writeShortLE(top);
        dst.writeShortLE(right);
        dst.writeShortLE(bottom);
    }

    @Override
    public String name() {
        return NAME;
    }
}
