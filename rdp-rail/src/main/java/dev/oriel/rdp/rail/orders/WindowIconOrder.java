package dev.oriel.rdp.rail.orders;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPERP] 2.2.1.3.1.2.2 Window Icon: header, windowId, TS_ICON_INFO. {@code big} sets ICON_BIG (the Alt-Tab
 * and taskbar icon; otherwise the small title-bar icon).
 */
public record WindowIconOrder(long windowId, boolean big, IconInfo icon) implements WindowOrder {
    public static final String NAME = "WindowIconOrder";

    public WindowIconOrder {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        Objects.requireNonNull(icon, "icon");
    }

    static WindowIconOrder decodeBody(ByteBuf src, int flags) {
        Wire.ensureReadable(src, 4, NAME);
        long id = src.readUnsignedIntLE();
        return new WindowIconOrder(id, (flags & FIELD_ICON_BIG) != 0, IconInfo.decode(src, NAME));
    }

    @Override
    public int fieldsPresentFlags() {
        return TYPE_WINDOW | ICON | (big ? FIELD_ICON_BIG : 0);
    }

    @Override
    public int bodySize() {
        return 4 + icon.size();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        icon.encode(dst);
    }

    @Override
    public String name() {
        return NAME;
    }
}
