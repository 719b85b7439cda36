package dev.oriel.rdp.rail;

/**
 * How a window behaves on the client. The kind picks the Windows styles sent in window orders, which is what RAIL
 * clients act on ([MS-RDPERP] 2.2.1.3.1.2.1; xfreerdp's xf_SetWindowStyle maps WS_EX_TOOLWINDOW to an unmanaged
 * menu window and WS_POPUP to a transient dialog).
 */
public enum WindowKind {
    /** A top-level application window with a taskbar button. */
    NORMAL,
    /** An owned window (message box, confirmation): no taskbar button, stays above its owner. */
    DIALOG,
    /** A menu or tooltip: unmanaged by the client's window manager, no taskbar button, above everything. */
    POPUP
}
