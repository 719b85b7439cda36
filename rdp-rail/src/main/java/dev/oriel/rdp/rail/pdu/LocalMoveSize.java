package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.7.2 and 2.2.2.7.3 TS_RAIL_ORDER_LOCALMOVESIZE (server → client): starts or ends a client-side move or resize.
 * Body: windowId (4), isMoveSizeStart (2), moveSizeType (2), posX (2), posY (2).
 */
public record LocalMoveSize(long windowId, boolean isMoveSizeStart, int moveSizeType, int posX, int posY) implements RailPdu {
    public static final String NAME = "LocalMoveSize";
    static final int BODY_SIZE = 12;
    public static final int RAIL_WMSZ_LEFT = 0x0001;
    public static final int RAIL_WMSZ_RIGHT = 0x0002;
    public static final int RAIL_WMSZ_TOP = 0x0003;
    public static final int RAIL_WMSZ_TOPLEFT = 0x0004;
    public static final int RAIL_WMSZ_TOPRIGHT = 0x0005;
    public static final int RAIL_WMSZ_BOTTOM = 0x0006;
    public static final int RAIL_WMSZ_BOTTOMLEFT = 0x0007;
    public static final int RAIL_WMSZ_BOTTOMRIGHT = 0x0008;
    public static final int RAIL_WMSZ_MOVE = 0x0009;
    public static final int RAIL_WMSZ_KEYMOVE = 0x000A;
    public static final int RAIL_WMSZ_KEYSIZE = 0x000B;

    public LocalMoveSize {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        Wire.requireUnsigned(moveSizeType, 0xFFFF, "moveSizeType");
        RailWire.s16(posX, "posX");
        RailWire.s16(posY, "posY");
    }

    static LocalMoveSize decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new LocalMoveSize(src.readUnsignedIntLE(),
                src.readUnsignedShortLE() != 0,
                src.readUnsignedShortLE(),
                src.readShortLE(),
                src.readShortLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_LOCALMOVESIZE;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        dst.writeShortLE(isMoveSizeStart ? 1 : 0);
        dst.writeShortLE(moveSizeType);
        dst.writeShortLE(posX);
        dst.writeShortLE(posY);
    }

    @Override
    public String name() {
        return NAME;
    }
}
