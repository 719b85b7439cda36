package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.6.2 TS_RAIL_ORDER_SYSMENU (client → server): show a window's system menu at a desktop position.
 * Body: windowId (4), left (2), top (2).
 */
public record SysMenu(long windowId, int left, int top) implements RailPdu {
    public static final String NAME = "SysMenu";
    static final int BODY_SIZE = 8;

    public SysMenu {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        RailWire.s16(left, "left");
        RailWire.s16(top, "top");
    }

    static SysMenu decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new SysMenu(src.readUnsignedIntLE(),
                src.readShortLE(),
                src.readShortLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_SYSMENU;
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
    }

    @Override
    public String name() {
        return NAME;
    }
}
