package dev.oriel.rdp.rail.orders;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import dev.oriel.rdp.rail.pdu.RailWire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.1.3.2.2.1 New or Existing Notification Icon (a tray icon): header, windowId, notifyIconId, then in
 * this order, each only when present: version (4), toolTip (TS_UNICODE_STRING), infoTip (timeout (4), infoFlags (4),
 * text, title), state (4), then an icon (TS_ICON_INFO) or a cached icon (cacheEntry (2), cacheId (1)).
 * Absent fields are null.
 *
 * @param version  NOTIFYICON_VERSION (3 or 4); FreeRDP will not show an info tip or state without it
 * @param icon     a new icon, or null
 * @param cachedIcon an icon sent before, or null (never both)
 */
public record NotifyIconOrder(long windowId, long notifyIconId, boolean newIcon, Long version, String toolTip,
        InfoTip infoTip, Long state, IconInfo icon, CachedIcon cachedIcon) implements WindowOrder {
    public static final String NAME = "NotifyIconOrder";
    /** Tool tips and info-tip texts are limited by Windows' NOTIFYICONDATA buffers (128 and 256 WCHARs). */
    public static final int MAX_TIP_BYTES = 512;

    /**
     * TS_NOTIFY_ICON_INFOTIP: a balloon. {@code flags}: NIIF_NONE 0, INFO 1, WARNING 2, ERROR 3, NOSOUND 0x10,
     * LARGE_ICON 0x20.
     */
    public record InfoTip(long timeoutMillis, long flags, String text, String title) {
        public static final int NIIF_NONE = 0;
        public static final int NIIF_INFO = 1;
        public static final int NIIF_WARNING = 2;
        public static final int NIIF_ERROR = 3;

        public InfoTip {
            Wire.requireUnsigned(timeoutMillis, 0xFFFF_FFFFL, "infoTip.timeout");
            Wire.requireUnsigned(flags, 0xFFFF_FFFFL, "infoTip.flags");
        }
    }

    /** TS_CACHED_ICON_INFO. */
    public record CachedIcon(int cacheEntry, int cacheId) {
        public CachedIcon {
            Wire.requireUnsigned(cacheEntry, 0xFFFF, "cacheEntry");
            Wire.requireUnsigned(cacheId, 0xFF, "cacheId");
        }
    }

    public NotifyIconOrder {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        Wire.requireUnsigned(notifyIconId, 0xFFFF_FFFFL, "notifyIconId");
        if (version != null) {
            Wire.requireUnsigned(version, 0xFFFF_FFFFL, "version");
        }
        if (state != null) {
            Wire.requireUnsigned(state, 0xFFFF_FFFFL, "state");
        }
        if (icon != null && cachedIcon != null) {
            throw new IllegalArgumentException("an icon or a cached icon, not both");
        }
        if (toolTip != null) {
            RailWire.requireFits(toolTip, MAX_TIP_BYTES, NAME, "toolTip");
        }
        if (infoTip != null) {
            RailWire.requireFits(infoTip.text(), MAX_TIP_BYTES, NAME, "infoTip.text");
            RailWire.requireFits(infoTip.title(), MAX_TIP_BYTES, NAME, "infoTip.title");
        }
    }

    static NotifyIconOrder decodeBody(ByteBuf src, int flags) {
        Wire.ensureReadable(src, 8, NAME);
        long windowId = src.readUnsignedIntLE();
        long iconId = src.readUnsignedIntLE();
        Long version = null;
        if ((flags & FIELD_NOTIFY_VERSION) != 0) {
            Wire.ensureReadable(src, 4, NAME);
            version = src.readUnsignedIntLE();
        }
        String tip = (flags & FIELD_NOTIFY_TIP) != 0 ? RailWire.readUnicodeString(src, MAX_TIP_BYTES, NAME, "toolTip")
                : null;
        InfoTip info = null;
        if ((flags & FIELD_NOTIFY_INFO_TIP) != 0) {
            Wire.ensureReadable(src, 8, NAME);
            long timeout = src.readUnsignedIntLE();
            long infoFlags = src.readUnsignedIntLE();
            String text = RailWire.readUnicodeString(src, MAX_TIP_BYTES, NAME, "infoTip.text");
            String title = RailWire.readUnicodeString(src, MAX_TIP_BYTES, NAME, "infoTip.title");
            info = new InfoTip(timeout, infoFlags, text, title);
        }
        Long state = null;
        if ((flags & FIELD_NOTIFY_STATE) != 0) {
            Wire.ensureReadable(src, 4, NAME);
            state = src.readUnsignedIntLE();
        }
        if ((flags & ICON) != 0 && (flags & CACHED_ICON) != 0) {
            throw DecodeException.invalidField(NAME, "fieldsPresentFlags", "both ICON and CACHED_ICON");
        }
        IconInfo icon = (flags & ICON) != 0 ? IconInfo.decode(src, NAME) : null;
        CachedIcon cached = null;
        if ((flags & CACHED_ICON) != 0) {
            Wire.ensureReadable(src, 3, NAME);
            cached = new CachedIcon(src.readUnsignedShortLE(), src.readUnsignedByte());
        }
        return new NotifyIconOrder(windowId, iconId, (flags & STATE_NEW) != 0, version, tip, info, state, icon, cached);
    }

    @Override
    public int fieldsPresentFlags() {
        return TYPE_NOTIFY
                | (newIcon ? STATE_NEW : 0)
                | (version != null ? FIELD_NOTIFY_VERSION : 0)
                | (toolTip != null ? FIELD_NOTIFY_TIP : 0)
                | (infoTip != null ? FIELD_NOTIFY_INFO_TIP : 0)
                | (state != null ? FIELD_NOTIFY_STATE : 0)
                | (icon != null ? ICON : 0)
                | (cachedIcon != null ? CACHED_ICON : 0);
    }

    @Override
    public int bodySize() {
        int n = 8;
        n += version != null ? 4 : 0;
        n += toolTip != null ? 2 + Wire.utf16Size(toolTip) : 0;
        n += infoTip != null ? 8 + 2 + Wire.utf16Size(infoTip.text()) + 2 + Wire.utf16Size(infoTip.title()) : 0;
        n += state != null ? 4 : 0;
        n += icon != null ? icon.size() : 0;
        n += cachedIcon != null ? 3 : 0;
        return n;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        dst.writeIntLE((int) notifyIconId);
        if (version != null) {
            dst.writeIntLE(version.intValue());
        }
        if (toolTip != null) {
            RailWire.writeUnicodeString(dst, toolTip);
        }
        if (infoTip != null) {
            dst.writeIntLE((int) infoTip.timeoutMillis());
            dst.writeIntLE((int) infoTip.flags());
            RailWire.writeUnicodeString(dst, infoTip.text());
            RailWire.writeUnicodeString(dst, infoTip.title());
        }
        if (state != null) {
            dst.writeIntLE(state.intValue());
        }
        if (icon != null) {
            icon.encode(dst);
        }
        if (cachedIcon != null) {
            dst.writeShortLE(cachedIcon.cacheEntry());
            dst.writeByte(cachedIcon.cacheId());
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
