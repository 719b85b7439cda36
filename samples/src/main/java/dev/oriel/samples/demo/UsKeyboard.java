package dev.oriel.samples.demo;

import dev.oriel.rdp.core.api.InputEvent;
import java.util.OptionalInt;

/**
 * Turns scancode key events into characters for a US layout, tracking Shift and Caps Lock. Enough for a demo
 * that echoes typed text; a real application would use the client's keyboard layout (SessionInfo.keyboardLayout).
 */
public final class UsKeyboard {
    /** Backspace, as a control character. */
    public static final char BACKSPACE = '\b';

    // Scancode set 1, index = scancode; '\0' = no character.
    private static final String PLAIN =
            "\0\0" + "1234567890-=" + "\0\0" + "qwertyuiop[]" + "\0\0" + "asdfghjkl;'`" + "\0\\" + "zxcvbnm,./";
    private static final String SHIFTED =
            "\0\0" + "!@#$%^&*()_+" + "\0\0" + "QWERTYUIOP{}" + "\0\0" + "ASDFGHJKL:\"~" + "\0|" + "ZXCVBNM<>?";

    static final int SC_BACKSPACE = 0x0E;
    static final int SC_TAB = 0x0F;
    static final int SC_ENTER = 0x1C;
    static final int SC_LSHIFT = 0x2A;
    static final int SC_RSHIFT = 0x36;
    static final int SC_SPACE = 0x39;
    static final int SC_CAPS = 0x3A;

    private boolean leftShift;
    private boolean rightShift;
    private boolean capsLock;

    /** Feeds one event; returns the character it types, if any. */
    public OptionalInt accept(InputEvent event) {
        if (event instanceof InputEvent.SyncLocks sync) {
            capsLock = sync.capsLock();
            return OptionalInt.empty();
        }
        if (event instanceof InputEvent.KeyUnicode u) {
            return u.pressed() ? OptionalInt.of(u.codeUnit()) : OptionalInt.empty();
        }
        if (!(event instanceof InputEvent.KeyScancode key)) {
            return OptionalInt.empty();
        }
        int sc = key.scancode();
        if (sc == SC_LSHIFT) {
            leftShift = key.pressed();
            return OptionalInt.empty();
        }
        if (sc == SC_RSHIFT) {
            rightShift = key.pressed();
            return OptionalInt.empty();
        }
        if (!key.pressed()) {
            return OptionalInt.empty();
        }
        if (sc == SC_CAPS) {
            capsLock = !capsLock;
            return OptionalInt.empty();
        }
        if (key.extended()) {
            // Keypad Enter is the only extended key that types something here.
            return sc == SC_ENTER ? OptionalInt.of('\n') : OptionalInt.empty();
        }
        switch (sc) {
            case SC_BACKSPACE:
                return OptionalInt.of(BACKSPACE);
            case SC_ENTER:
                return OptionalInt.of('\n');
            case SC_SPACE:
                return OptionalInt.of(' ');
            case SC_TAB:
                return OptionalInt.of('\t');
            default:
                break;
        }
        if (sc >= PLAIN.length() || PLAIN.charAt(sc) == '\0') {
            return OptionalInt.empty();
        }
        char plain = PLAIN.charAt(sc);
        boolean shift = leftShift || rightShift;
        if (Character.isLetter(plain)) {
            shift ^= capsLock;
        }
        return OptionalInt.of(shift ? SHIFTED.charAt(sc) : plain);
    }
}
