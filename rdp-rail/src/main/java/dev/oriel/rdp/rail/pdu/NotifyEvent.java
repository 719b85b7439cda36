package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.6.4 TS_RAIL_ORDER_NOTIFY_EVENT (client → server): a mouse or keyboard event on a notification
 * (tray) icon. Body: windowId (4), notifyIconId (4), message (4).
 */
public record NotifyEvent(long windowId, long notifyIconId, long message) implements RailPdu {
    public static final String NAME = "NotifyEvent";
    static final int BODY_SIZE = 12;
    public static final int WM_LBUTTONDOWN = 0x0201;
    public static final int WM_LBUTTONUP = 0x0202;
    public static final int WM_RBUTTONDOWN = 0x0204;
    public static final int WM_RBUTTONUP = 0x0205;
    public static final int WM_CONTEXTMENU = 0x007B;
    public static final int WM_LBUTTONDBLCLK = 0x0203;
    public static final int WM_RBUTTONDBLCLK = 0x0206;
    public static final int NIN_SELECT = 0x0400;
    public static final int NIN_KEYSELECT = 0x0401;
    public static final int NIN_BALLOONSHOW = 0x0402;
    public static final int NIN_BALLOONHIDE = 0x0403;
    public static final int NIN_BALLOONTIMEOUT = 0x0404;
    public static final int NIN_BALLOONUSERCLICK = 0x0405;

    public NotifyEvent {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        Wire.requireUnsigned(notifyIconId, 0xFFFF_FFFFL, "notifyIconId");
        Wire.requireUnsigned(message, 0xFFFF_FFFFL, "message");
    }

    static NotifyEvent decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new NotifyEvent(src.readUnsignedIntLE(),
                src.readUnsignedIntLE(),
                src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_NOTIFY_EVENT;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        dst.writeIntLE((int) notifyIconId);
        dst.writeIntLE((int) message);
    }

    @Override
    public String name() {
        return NAME;
    }
}
