package dev.oriel.rdp.core.session;

import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.pdu.fastpath.FastPathInputEvent;
import dev.oriel.rdp.core.pdu.input.KeyboardFlags;
import dev.oriel.rdp.core.pdu.input.PointerFlags;
import dev.oriel.rdp.core.pdu.input.SlowPathInputEvent;
import dev.oriel.rdp.core.pdu.input.SyncToggleFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns fast-path and slow-path input events into the API's {@link InputEvent}s ([MS-RDPBCGR] 2.2.8.1.1.3.1.1,
 * 2.2.8.1.2.2). Pointer coordinates are clamped to the desktop.
 */
final class InputMapper {
    /** One wheel notch, as clients send it. */
    static final int WHEEL_DELTA = 120;

    private final int width;
    private final int height;

    InputMapper(int width, int height) {
        this.width = width;
        this.height = height;
    }

    List<InputEvent> map(FastPathInputEvent e) {
        List<InputEvent> out = new ArrayList<>(2);
        if (e instanceof FastPathInputEvent.Scancode s) {
            int f = s.eventFlags();
            out.add(new InputEvent.KeyScancode(s.keyCode(), (f & FastPathInputEvent.FASTPATH_INPUT_KBDFLAGS_EXTENDED) != 0,
                    (f & FastPathInputEvent.FASTPATH_INPUT_KBDFLAGS_EXTENDED1) != 0, !s.released()));
        } else if (e instanceof FastPathInputEvent.Unicode u) {
            out.add(new InputEvent.KeyUnicode(u.unicodeCode(), !u.released()));
        } else if (e instanceof FastPathInputEvent.Mouse m) {
            mouse(m.pointerFlags(), m.xPos(), m.yPos(), out);
        } else if (e instanceof FastPathInputEvent.MouseX m) {
            mouseX(m.pointerFlags(), m.xPos(), m.yPos(), out);
        } else if (e instanceof FastPathInputEvent.Sync s) {
            out.add(sync(s.toggleFlags()));
        } else if (e instanceof FastPathInputEvent.RelativeMouse r) {
            out.add(new InputEvent.PointerRelMove(r.xDelta(), r.yDelta()));
        } else if (e instanceof FastPathInputEvent.QoeTimestamp q) {
            out.add(new InputEvent.QoeTimestamp(q.timestamp()));
        }
        return out;
    }

    List<InputEvent> map(SlowPathInputEvent e) {
        List<InputEvent> out = new ArrayList<>(2);
        if (e instanceof SlowPathInputEvent.KeyboardEvent k) {
            int f = k.keyboardFlags();
            out.add(new InputEvent.KeyScancode(k.keyCode() & 0xFF, (f & KeyboardFlags.KBDFLAGS_EXTENDED) != 0,
                    (f & KeyboardFlags.KBDFLAGS_EXTENDED1) != 0, (f & KeyboardFlags.KBDFLAGS_RELEASE) == 0));
        } else if (e instanceof SlowPathInputEvent.UnicodeKeyboardEvent u) {
            out.add(new InputEvent.KeyUnicode(u.unicodeCode(), (u.keyboardFlags() & KeyboardFlags.KBDFLAGS_RELEASE) == 0));
        } else if (e instanceof SlowPathInputEvent.MouseEvent m) {
            mouse(m.pointerFlags(), m.xPos(), m.yPos(), out);
        } else if (e instanceof SlowPathInputEvent.ExtendedMouseEvent m) {
            mouseX(m.pointerFlags(), m.xPos(), m.yPos(), out);
        } else if (e instanceof SlowPathInputEvent.SyncEvent s) {
            out.add(sync(s.toggleFlags()));
        } else if (e instanceof SlowPathInputEvent.RelativeMouseEvent r) {
            out.add(new InputEvent.PointerRelMove(r.xDelta(), r.yDelta()));
        }
        return out;
    }

    private void mouse(int flags, int rawX, int rawY, List<InputEvent> out) {
        int x = clampX(rawX);
        int y = clampY(rawY);
        if ((flags & (PointerFlags.PTRFLAGS_WHEEL | PointerFlags.PTRFLAGS_HWHEEL)) != 0) {
            InputEvent.Axis axis = (flags & PointerFlags.PTRFLAGS_HWHEEL) != 0 ? InputEvent.Axis.HORIZONTAL : InputEvent.Axis.VERTICAL;
            out.add(new InputEvent.PointerWheel(axis, PointerFlags.wheelRotation(flags), x, y));
            return;
        }
        if ((flags & PointerFlags.PTRFLAGS_MOVE) != 0) {
            out.add(new InputEvent.PointerMove(x, y));
        }
        boolean down = (flags & PointerFlags.PTRFLAGS_DOWN) != 0;
        if ((flags & PointerFlags.PTRFLAGS_BUTTON1) != 0) {
            out.add(new InputEvent.PointerButton(InputEvent.Button.LEFT, down, x, y));
        }
        if ((flags & PointerFlags.PTRFLAGS_BUTTON2) != 0) {
            out.add(new InputEvent.PointerButton(InputEvent.Button.RIGHT, down, x, y));
        }
        if ((flags & PointerFlags.PTRFLAGS_BUTTON3) != 0) {
            out.add(new InputEvent.PointerButton(InputEvent.Button.MIDDLE, down, x, y));
        }
    }

    private void mouseX(int flags, int rawX, int rawY, List<InputEvent> out) {
        int x = clampX(rawX);
        int y = clampY(rawY);
        boolean down = (flags & PointerFlags.PTRXFLAGS_DOWN) != 0;
        if ((flags & PointerFlags.PTRXFLAGS_BUTTON1) != 0) {
            out.add(new InputEvent.PointerButton(InputEvent.Button.X1, down, x, y));
        }
        if ((flags & PointerFlags.PTRXFLAGS_BUTTON2) != 0) {
            out.add(new InputEvent.PointerButton(InputEvent.Button.X2, down, x, y));
        }
    }

    private static InputEvent sync(int f) {
        return new InputEvent.SyncLocks((f & SyncToggleFlags.TS_SYNC_SCROLL_LOCK) != 0,
                (f & SyncToggleFlags.TS_SYNC_NUM_LOCK) != 0, (f & SyncToggleFlags.TS_SYNC_CAPS_LOCK) != 0,
                (f & SyncToggleFlags.TS_SYNC_KANA_LOCK) != 0);
    }

    private int clampX(int x) {
        return Math.max(0, Math.min(x, width - 1));
    }

    private int clampY(int y) {
        return Math.max(0, Math.min(y, height - 1));
    }
}
