package dev.oriel.rdp.core.pdu.input;

/**
 * pointerFlags of mouse events, shared by slow-path and fast-path input ([MS-RDPBCGR] 2.2.8.1.1.3.1.1.3,
 * 2.2.8.1.1.3.1.1.4).
 */
public final class PointerFlags {
    public static final int PTRFLAGS_HWHEEL = 0x0400;
    public static final int PTRFLAGS_WHEEL = 0x0200;
    public static final int PTRFLAGS_WHEEL_NEGATIVE = 0x0100;
    public static final int WHEEL_ROTATION_MASK = 0x01FF;
    public static final int PTRFLAGS_MOVE = 0x0800;
    public static final int PTRFLAGS_DOWN = 0x8000;
    public static final int PTRFLAGS_BUTTON1 = 0x1000;
    public static final int PTRFLAGS_BUTTON2 = 0x2000;
    public static final int PTRFLAGS_BUTTON3 = 0x4000;

    // Extended mouse events.
    public static final int PTRXFLAGS_DOWN = 0x8000;
    public static final int PTRXFLAGS_BUTTON1 = 0x0001;
    public static final int PTRXFLAGS_BUTTON2 = 0x0002;

    private PointerFlags() {
    }

    /** The signed wheel rotation of a wheel event: 9 bits, sign-extended when WHEEL_NEGATIVE is set. */
    public static int wheelRotation(int pointerFlags) {
        int v = pointerFlags & WHEEL_ROTATION_MASK;
        return (pointerFlags & PTRFLAGS_WHEEL_NEGATIVE) != 0 ? v - 0x200 : v;
    }
}
