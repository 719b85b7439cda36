package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.6.3 TS_RAIL_ORDER_SYSCOMMAND (client → server): a system command on a window. Body: windowId
 * (4), command (2).
 */
public record SysCommand(long windowId, int command) implements RailPdu {
    public static final String NAME = "SysCommand";
    static final int BODY_SIZE = 6;
    public static final int SC_SIZE = 0xF000;
    public static final int SC_MOVE = 0xF010;
    public static final int SC_MINIMIZE = 0xF020;
    public static final int SC_MAXIMIZE = 0xF030;
    public static final int SC_CLOSE = 0xF060;
    public static final int SC_KEYMENU = 0xF100;
    public static final int SC_RESTORE = 0xF120;
    public static final int SC_DEFAULT = 0xF160;

    public SysCommand {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        Wire.requireUnsigned(command, 0xFFFF, "command");
    }

    static SysCommand decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new SysCommand(src.readUnsignedIntLE(),
                src.readUnsignedShortLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_SYSCOMMAND;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        dst.writeShortLE(command);
    }

    @Override
    public String name() {
        return NAME;
    }
}
