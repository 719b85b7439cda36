package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPERP] 2.2.2.2.2 TS_RAIL_ORDER_CLIENTSTATUS (client → server): what the client supports. Body: flags (4). */
public record ClientStatus(long flags) implements RailPdu {
    public static final String NAME = "ClientStatus";
    static final int BODY_SIZE = 4;
    public static final int TS_RAIL_CLIENTSTATUS_ALLOWLOCALMOVESIZE = 0x0001;
    public static final int TS_RAIL_CLIENTSTATUS_AUTORECONNECT = 0x0002;
    public static final int TS_RAIL_CLIENTSTATUS_ZORDER_SYNC = 0x0004;
    public static final int TS_RAIL_CLIENTSTATUS_WINDOW_RESIZE_MARGIN_SUPPORTED = 0x0010;
    public static final int TS_RAIL_CLIENTSTATUS_HIGH_DPI_ICONS_SUPPORTED = 0x0020;
    public static final int TS_RAIL_CLIENTSTATUS_APPBAR_REMOTING_SUPPORTED = 0x0040;
    public static final int TS_RAIL_CLIENTSTATUS_POWER_DISPLAY_REQUEST_SUPPORTED = 0x0080;
    public static final int TS_RAIL_CLIENTSTATUS_GET_APPID_RESPONSE_EX_SUPPORTED = 0x0100;
    public static final int TS_RAIL_CLIENTSTATUS_BIDIRECTIONAL_CLOAK_SUPPORTED = 0x0200;
    public static final int TS_RAIL_CLIENTSTATUS_SUPPRESS_ICON_ORDERS = 0x0400;

    public ClientStatus {
        Wire.requireUnsigned(flags, 0xFFFF_FFFFL, "flags");
    }

    static ClientStatus decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new ClientStatus(src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_CLIENTSTATUS;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) flags);
    }

    @Override
    public String name() {
        return NAME;
    }
}
