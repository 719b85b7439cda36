package dev.oriel.rdp.core.api;

/**
 * Input from the client, decoded from fast-path or slow-path input PDUs. Coordinates are desktop pixels.
 * Dispatch with {@code instanceof}.
 */
public sealed interface InputEvent {

    /**
     * A key by its scancode (set 1, as on a PC keyboard).
     *
     * @param scancode  the 8-bit scancode
     * @param extended  the key has the E0 prefix (right Ctrl/Alt, arrows, keypad Enter, …)
     * @param extended1 the key has the E1 prefix (Pause)
     * @param pressed   true on key down, false on key up
     */
    record KeyScancode(int scancode, boolean extended, boolean extended1, boolean pressed) implements InputEvent {
    }

    /** A UTF-16 code unit typed by the client (clients send this for characters without a scancode). */
    record KeyUnicode(int codeUnit, boolean pressed) implements InputEvent {
    }

    /** The pointer moved to an absolute position. */
    record PointerMove(int x, int y) implements InputEvent {
    }

    /** The pointer moved by a relative amount (relative mouse mode). */
    record PointerRelMove(int dx, int dy) implements InputEvent {
    }

    /** A pointer button changed state at a position. */
    record PointerButton(Button button, boolean pressed, int x, int y) implements InputEvent {
    }

    /**
     * A wheel turned. {@code delta} is in wheel units: 120 per notch; positive is up (vertical) or right
     * (horizontal), following the RDP convention.
     */
    record PointerWheel(Axis axis, int delta, int x, int y) implements InputEvent {
    }

    /** The client's lock-key state (sent on focus changes). */
    record SyncLocks(boolean scrollLock, boolean numLock, boolean capsLock, boolean kanaLock) implements InputEvent {
    }

    /** A quality-of-experience timestamp (milliseconds on the client's clock). */
    record QoeTimestamp(long timestamp) implements InputEvent {
    }

    /** Pointer buttons. */
    enum Button { LEFT, RIGHT, MIDDLE, X1, X2 }

    /** Wheel axes. */
    enum Axis { VERTICAL, HORIZONTAL }
}
