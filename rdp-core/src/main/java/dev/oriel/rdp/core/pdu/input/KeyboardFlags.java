package dev.oriel.rdp.core.pdu.input;

/** keyboardFlags of slow-path keyboard and unicode events ([MS-RDPBCGR] 2.2.8.1.1.3.1.1.1). */
public final class KeyboardFlags {
    public static final int KBDFLAGS_EXTENDED = 0x0100;
    public static final int KBDFLAGS_EXTENDED1 = 0x0200;
    public static final int KBDFLAGS_DOWN = 0x4000;
    public static final int KBDFLAGS_RELEASE = 0x8000;

    private KeyboardFlags() {
    }
}
