package dev.oriel.rdp.rail;

/** The show state of a visible window ([MS-RDPERP] 2.2.1.3.1.2.1 ShowState). */
public enum WindowState {
    NORMAL,
    MINIMIZED,
    MAXIMIZED
}
