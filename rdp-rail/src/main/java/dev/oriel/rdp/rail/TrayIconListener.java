package dev.oriel.rdp.rail;

/** Clicks on a notification-area (tray) icon, as the client reports them ([MS-RDPERP] 2.2.2.6.2 Notify Event). */
@FunctionalInterface
public interface TrayIconListener {

    /**
     * {@code message} is the Windows message the client reports: WM_LBUTTONDOWN 0x201, WM_LBUTTONUP 0x202,
     * WM_RBUTTONUP 0x205, WM_CONTEXTMENU 0x7B, NIN_SELECT 0x400, NIN_BALLOONUSERCLICK 0x405, … Runs on the
     * connection's event loop.
     */
    void onEvent(TrayIcon icon, int message);
}
