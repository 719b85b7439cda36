package dev.oriel.rdp.rail.orders;

import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.1.3.3.2.2 Non-Monitored Desktop: the server stopped monitoring the desktop. xfreerdp leaves
 * RemoteApp mode on it (P-RAIL-9), so Oriel only sends it when it means to.
 */
public record NonMonitoredDesktopOrder() implements WindowOrder {
    public static final String NAME = "NonMonitoredDesktopOrder";
    public static final NonMonitoredDesktopOrder INSTANCE = new NonMonitoredDesktopOrder();

    @Override
    public int fieldsPresentFlags() {
        return TYPE_DESKTOP | FIELD_DESKTOP_NONE;
    }

    @Override
    public int bodySize() {
        return 0;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
    }

    @Override
    public String name() {
        return NAME;
    }
}
