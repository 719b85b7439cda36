package dev.oriel.rdp.rail.orders;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * [MS-RDPERP] 2.2.1.3.3.2.1 Actively Monitored Desktop: no windowId; then activeWindowId (4) if ACTIVE_WND, then
 * numWindowIds (1) and windowIds (4 each, topmost first) if ZORDER. HOOKED, ARC_BEGAN and ARC_COMPLETED carry no
 * data: they bracket the initial burst of window orders after the desktop is hooked ([MS-RDPERP] 3.3.5.1.5).
 *
 * @param activeWindowId the window with focus; 0xFFFFFFFF for the desktop (no window)
 * @param zOrder         every visible window, topmost first; at most 255 (the count is one byte)
 */
public record MonitoredDesktopOrder(boolean hooked, boolean arcBegan, boolean arcCompleted,
        OptionalLong activeWindowId, Optional<List<Long>> zOrder) implements WindowOrder {
    public static final String NAME = "MonitoredDesktopOrder";
    public static final long NO_WINDOW = 0xFFFF_FFFFL;
    public static final int MAX_ZORDER = 255;

    public MonitoredDesktopOrder {
        activeWindowId.ifPresent(id -> Wire.requireUnsigned(id, 0xFFFF_FFFFL, "activeWindowId"));
        zOrder = zOrder.map(List::copyOf);
        zOrder.ifPresent(ids -> {
            if (ids.size() > MAX_ZORDER) {
                throw new IllegalArgumentException("at most " + MAX_ZORDER + " window ids: " + ids.size());
            }
            ids.forEach(id -> Wire.requireUnsigned(id, 0xFFFF_FFFFL, "windowIds"));
        });
    }

    /** The z-order and active window of a repaint (P-RAIL-9: sent before the window updates). */
    public static MonitoredDesktopOrder state(long activeWindowId, List<Long> zOrder) {
        return new MonitoredDesktopOrder(false, false, false, OptionalLong.of(activeWindowId), Optional.of(zOrder));
    }

    static MonitoredDesktopOrder decodeBody(ByteBuf src, int flags) {
        OptionalLong active = OptionalLong.empty();
        if ((flags & FIELD_DESKTOP_ACTIVE_WND) != 0) {
            Wire.ensureReadable(src, 4, NAME);
            active = OptionalLong.of(src.readUnsignedIntLE());
        }
        Optional<List<Long>> zOrder = Optional.empty();
        if ((flags & FIELD_DESKTOP_ZORDER) != 0) {
            Wire.ensureReadable(src, 1, NAME);
            int n = src.readUnsignedByte();
            if (src.readableBytes() < 4L * n) {
                throw DecodeException.invalidField(NAME, "numWindowIds", n + " ids need " + 4 * n + " bytes, "
                        + src.readableBytes() + " left");
            }
            List<Long> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ids.add(src.readUnsignedIntLE());
            }
            zOrder = Optional.of(ids);
        }
        return new MonitoredDesktopOrder((flags & FIELD_DESKTOP_HOOKED) != 0, (flags & FIELD_DESKTOP_ARC_BEGAN) != 0,
                (flags & FIELD_DESKTOP_ARC_COMPLETED) != 0, active, zOrder);
    }

    @Override
    public int fieldsPresentFlags() {
        return TYPE_DESKTOP
                | (hooked ? FIELD_DESKTOP_HOOKED : 0)
                | (arcBegan ? FIELD_DESKTOP_ARC_BEGAN : 0)
                | (arcCompleted ? FIELD_DESKTOP_ARC_COMPLETED : 0)
                | (activeWindowId.isPresent() ? FIELD_DESKTOP_ACTIVE_WND : 0)
                | (zOrder.isPresent() ? FIELD_DESKTOP_ZORDER : 0);
    }

    @Override
    public int bodySize() {
        return (activeWindowId.isPresent() ? 4 : 0) + zOrder.map(ids -> 1 + 4 * ids.size()).orElse(0);
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        activeWindowId.ifPresent(id -> dst.writeIntLE((int) id));
        zOrder.ifPresent(ids -> {
            dst.writeByte(ids.size());
            ids.forEach(id -> dst.writeIntLE((int) id.longValue()));
        });
    }

    @Override
    public String name() {
        return NAME;
    }
}
