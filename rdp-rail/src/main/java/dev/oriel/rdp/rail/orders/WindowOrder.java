package dev.oriel.rdp.rail.orders;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.1.3 a window, notification-icon or desktop order: an alternate secondary drawing order of type
 * TS_ALTSEC_WINDOW carried in an Orders update ([MS-RDPBCGR] 2.2.9.1.2.1.2, server → client only).
 *
 * <p>Common header: controlFlags (1) = {@link #CONTROL_FLAGS}, orderSize (2, the whole order including this
 * header), fieldsPresentFlags (4). The fields that follow are written in the spec's fixed order, which is not the
 * order of their flag bits (protocol map P-RAIL-7).
 */
public sealed interface WindowOrder extends Encodable permits WindowStateOrder, DeleteWindowOrder, WindowIconOrder,
        CachedIconOrder, NotifyIconOrder, DeleteNotifyIconOrder, MonitoredDesktopOrder, NonMonitoredDesktopOrder {

    String NAME = "WindowOrder";

    /** TS_SECONDARY (0x02) with orderType TS_ALTSEC_WINDOW (0x0B) in bits 2–7 ([MS-RDPEGDI] 2.2.2.2.1.3.1.1). */
    int CONTROL_FLAGS = 0x02 | 0x0B << 2;
    /** controlFlags (1) + orderSize (2) + fieldsPresentFlags (4). */
    int HEADER_SIZE = 7;

    int TYPE_WINDOW = 0x0100_0000;
    int TYPE_NOTIFY = 0x0200_0000;
    int TYPE_DESKTOP = 0x0400_0000;
    int STATE_NEW = 0x1000_0000;
    int STATE_DELETED = 0x2000_0000;
    int ICON = 0x4000_0000;
    int CACHED_ICON = 0x8000_0000;
    int FIELD_ICON_BIG = 0x0000_2000;

    int FIELD_APPBAR_EDGE = 0x0000_0001;
    int FIELD_OWNER = 0x0000_0002;
    int FIELD_TITLE = 0x0000_0004;
    int FIELD_STYLE = 0x0000_0008;
    int FIELD_SHOW = 0x0000_0010;
    int FIELD_APPBAR_STATE = 0x0000_0040;
    int FIELD_RESIZE_MARGIN_X = 0x0000_0080;
    int FIELD_WND_RECTS = 0x0000_0100;
    int FIELD_VISIBILITY = 0x0000_0200;
    int FIELD_WND_SIZE = 0x0000_0400;
    int FIELD_WND_OFFSET = 0x0000_0800;
    int FIELD_VIS_OFFSET = 0x0000_1000;
    int FIELD_CLIENT_AREA_OFFSET = 0x0000_4000;
    int FIELD_WND_CLIENT_DELTA = 0x0000_8000;
    int FIELD_CLIENT_AREA_SIZE = 0x0001_0000;
    int FIELD_RP_CONTENT = 0x0002_0000;
    int FIELD_ROOT_PARENT = 0x0004_0000;
    int FIELD_ENFORCE_SERVER_ZORDER = 0x0008_0000;
    int FIELD_OVERLAY_DESCRIPTION = 0x0040_0000;
    int FIELD_TASKBAR_BUTTON = 0x0080_0000;
    int FIELD_RESIZE_MARGIN_Y = 0x0800_0000;

    int FIELD_NOTIFY_TIP = 0x0000_0001;
    int FIELD_NOTIFY_INFO_TIP = 0x0000_0002;
    int FIELD_NOTIFY_STATE = 0x0000_0004;
    int FIELD_NOTIFY_VERSION = 0x0000_0008;

    int FIELD_DESKTOP_NONE = 0x0000_0001;
    int FIELD_DESKTOP_HOOKED = 0x0000_0002;
    int FIELD_DESKTOP_ARC_COMPLETED = 0x0000_0004;
    int FIELD_DESKTOP_ARC_BEGAN = 0x0000_0008;
    int FIELD_DESKTOP_ZORDER = 0x0000_0010;
    int FIELD_DESKTOP_ACTIVE_WND = 0x0000_0020;

    /** The fieldsPresentFlags this order is written with. */
    int fieldsPresentFlags();

    /** Bytes after the 7-byte header. */
    int bodySize();

    /** Writes what follows fieldsPresentFlags (the window id first, for window and notify orders). */
    void encodeBody(ByteBuf dst);

    @Override
    default int size() {
        return HEADER_SIZE + bodySize();
    }

    @Override
    default void encode(ByteBuf dst) {
        int size = size();
        if (size > 0xFFFF) {
            throw new dev.oriel.rdp.core.error.EncodeException(name(), "orderSize " + size + " exceeds 65535");
        }
        dst.writeByte(CONTROL_FLAGS);
        dst.writeShortLE(size);
        dst.writeIntLE(fieldsPresentFlags());
        encodeBody(dst);
    }

    /**
     * Decodes one window, notify-icon or desktop order, consuming exactly its orderSize. Used by the test kit's
     * client and by tests; the server only encodes.
     */
    static WindowOrder decode(ByteBuf src) {
        Wire.ensureReadable(src, HEADER_SIZE, NAME);
        int control = src.getUnsignedByte(src.readerIndex());
        if (control != CONTROL_FLAGS) {
            throw DecodeException.invalidField(NAME, "controlFlags", "not an alternate secondary window order: 0x"
                    + Integer.toHexString(control));
        }
        int orderSize = src.getUnsignedShortLE(src.readerIndex() + 1);
        if (orderSize < HEADER_SIZE) {
            throw DecodeException.invalidField(NAME, "orderSize", "smaller than the header: " + orderSize);
        }
        ByteBuf order = Wire.readSlice(src, orderSize, NAME, "orderSize");
        order.skipBytes(3);
        int flags = order.readIntLE();
        WindowOrder decoded;
        if ((flags & TYPE_WINDOW) != 0) {
            decoded = decodeWindow(order, flags);
        } else if ((flags & TYPE_NOTIFY) != 0) {
            decoded = (flags & STATE_DELETED) != 0 ? DeleteNotifyIconOrder.decodeBody(order)
                    : NotifyIconOrder.decodeBody(order, flags);
        } else if ((flags & TYPE_DESKTOP) != 0) {
            decoded = (flags & FIELD_DESKTOP_NONE) != 0 ? NonMonitoredDesktopOrder.INSTANCE
                    : MonitoredDesktopOrder.decodeBody(order, flags);
        } else {
            throw DecodeException.invalidField(NAME, "fieldsPresentFlags", "no order type: 0x" + Integer.toHexString(flags));
        }
        Wire.ensureFullyConsumed(order, decoded.name());
        return decoded;
    }

    private static WindowOrder decodeWindow(ByteBuf order, int flags) {
        if ((flags & ICON) != 0) {
            return WindowIconOrder.decodeBody(order, flags);
        }
        if ((flags & CACHED_ICON) != 0) {
            return CachedIconOrder.decodeBody(order, flags);
        }
        if ((flags & STATE_DELETED) != 0) {
            return DeleteWindowOrder.decodeBody(order);
        }
        return WindowStateOrder.decodeBody(order, flags);
    }
}
