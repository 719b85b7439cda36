package dev.oriel.rdp.rail;

import dev.oriel.rdp.rail.orders.NotifyIconOrder;

/**
 * An icon in the client's notification area ([MS-RDPERP] 2.2.1.3.2 notification icon orders). Created with
 * {@link RemoteAppDesktop#addTrayIcon}. Thread-safe.
 */
public final class TrayIcon {
    static final long BALLOON_TIMEOUT_MILLIS = 10_000;
    final RemoteAppDesktop desktop;
    final long id;
    final TrayIconListener listener;
    // Guarded by desktop.lock.
    String toolTip;
    AppIcon icon;
    boolean removed;

    TrayIcon(RemoteAppDesktop desktop, long id, String toolTip, AppIcon icon, TrayIconListener listener) {
        this.desktop = desktop;
        this.id = id;
        this.toolTip = toolTip;
        this.icon = icon;
        this.listener = listener;
    }

    public long id() {
        return id;
    }

    public void setToolTip(String toolTip) {
        desktop.updateTrayIcon(this, toolTip, null, null);
    }

    public void setIcon(AppIcon icon) {
        desktop.updateTrayIcon(this, null, icon, null);
    }

    /** Shows a balloon notification ({@code severity}: NIIF_NONE 0, INFO 1, WARNING 2, ERROR 3). */
    public void showBalloon(String title, String text, int severity) {
        desktop.updateTrayIcon(this, null, null, new NotifyIconOrder.InfoTip(BALLOON_TIMEOUT_MILLIS, severity,
                text == null ? "" : text, title == null ? "" : title));
    }

    public void remove() {
        desktop.removeTrayIcon(this);
    }
}
