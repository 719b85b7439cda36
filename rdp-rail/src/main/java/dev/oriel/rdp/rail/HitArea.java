package dev.oriel.rdp.rail;

/**
 * What a point of a window is, for moving and resizing (the WM_NCHITTEST idea). Applications that draw their own
 * title bar answer {@link #CAPTION} there, and the border areas where the window can be resized; the desktop then
 * starts a move or resize (done by the client when it allows local move/size, [MS-RDPERP] 3.2.5.2.5).
 */
public enum HitArea {
    CLIENT(0),
    CAPTION(0x9),
    LEFT(0x1),
    RIGHT(0x2),
    TOP(0x3),
    TOP_LEFT(0x4),
    TOP_RIGHT(0x5),
    BOTTOM(0x6),
    BOTTOM_LEFT(0x7),
    BOTTOM_RIGHT(0x8);

    /** The RAIL_WMSZ_* move/size type of a Local Move/Size PDU ([MS-RDPERP] 2.2.2.7.3); 0 for CLIENT. */
    final int moveSizeType;

    HitArea(int moveSizeType) {
        this.moveSizeType = moveSizeType;
    }
}
