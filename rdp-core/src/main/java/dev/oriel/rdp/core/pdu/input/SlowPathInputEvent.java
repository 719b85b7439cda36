package dev.oriel.rdp.core.pdu.input;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.8.1.1.3.1.1 Slow-Path Input Event (TS_INPUT_EVENT): eventTime (4), messageType (2) and six
 * bytes of event data. Every variant carries the client's eventTime (ignored by servers).
 */
public sealed interface SlowPathInputEvent extends Encodable {
    String NAME = "SlowPathInputEvent";
    int SIZE = 4 /* eventTime */ + 2 /* messageType */ + 6 /* slowPathInputData */;

    int INPUT_EVENT_SYNC = 0x0000;
    int INPUT_EVENT_UNUSED = 0x0002;
    int INPUT_EVENT_SCANCODE = 0x0004;
    int INPUT_EVENT_UNICODE = 0x0005;
    int INPUT_EVENT_MOUSE = 0x8001;
    int INPUT_EVENT_MOUSEX = 0x8002;
    int INPUT_EVENT_MOUSEREL = 0x8004;

    long eventTime();

    int messageType();

    /** Writes the six data bytes. */
    void encodeData(ByteBuf dst);

    @Override
    default void encode(ByteBuf dst) {
        dst.writeIntLE((int) eventTime());
        dst.writeShortLE(messageType());
        encodeData(dst);
    }

    @Override
    default int size() {
        return SIZE;
    }

    static SlowPathInputEvent decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        long time = src.readUnsignedIntLE();
        int type = src.readUnsignedShortLE();
        int a = src.readUnsignedShortLE();
        int b = src.readUnsignedShortLE();
        int c = src.readUnsignedShortLE();
        return switch (type) {
            case INPUT_EVENT_SYNC -> new SyncEvent(time, b | (c << 16));
            case INPUT_EVENT_SCANCODE -> new KeyboardEvent(time, a, b);
            case INPUT_EVENT_UNICODE -> new UnicodeKeyboardEvent(time, a, b);
            case INPUT_EVENT_MOUSE -> new MouseEvent(time, a, b, c);
            case INPUT_EVENT_MOUSEX -> new ExtendedMouseEvent(time, a, b, c);
            case INPUT_EVENT_MOUSEREL -> new RelativeMouseEvent(time, a, (short) b, (short) c);
            default -> throw DecodeException.invalidField(NAME, "messageType", "unknown 0x" + Integer.toHexString(type));
        };
    }

    /** INPUT_EVENT_SYNC: pad (2), toggleFlags (4). */
    record SyncEvent(long eventTime, int toggleFlags) implements SlowPathInputEvent {
        @Override public int messageType() {
            return INPUT_EVENT_SYNC;
        }

        @Override public void encodeData(ByteBuf dst) {
            dst.writeShortLE(0);
            dst.writeIntLE(toggleFlags);
        }

        @Override public String name() {
            return "SyncEvent";
        }
    }

    /** INPUT_EVENT_SCANCODE: keyboardFlags (2), keyCode (2), pad (2). */
    record KeyboardEvent(long eventTime, int keyboardFlags, int keyCode) implements SlowPathInputEvent {
        @Override public int messageType() {
            return INPUT_EVENT_SCANCODE;
        }

        @Override public void encodeData(ByteBuf dst) {
            dst.writeShortLE(keyboardFlags);
            dst.writeShortLE(keyCode);
            dst.writeShortLE(0);
        }

        @Override public String name() {
            return "KeyboardEvent";
        }
    }

    /** INPUT_EVENT_UNICODE: keyboardFlags (2), unicodeCode (2), pad (2). */
    record UnicodeKeyboardEvent(long eventTime, int keyboardFlags, int unicodeCode) implements SlowPathInputEvent {
        @Override public int messageType() {
            return INPUT_EVENT_UNICODE;
        }

        @Override public void encodeData(ByteBuf dst) {
            dst.writeShortLE(keyboardFlags);
            dst.writeShortLE(unicodeCode);
            dst.writeShortLE(0);
        }

        @Override public String name() {
            return "UnicodeKeyboardEvent";
        }
    }

    /** INPUT_EVENT_MOUSE: pointerFlags (2), xPos (2), yPos (2). */
    record MouseEvent(long eventTime, int pointerFlags, int xPos, int yPos) implements SlowPathInputEvent {
        @Override public int messageType() {
            return INPUT_EVENT_MOUSE;
        }

        @Override public void encodeData(ByteBuf dst) {
            dst.writeShortLE(pointerFlags);
            dst.writeShortLE(xPos);
            dst.writeShortLE(yPos);
        }

        @Override public String name() {
            return "MouseEvent";
        }
    }

    /** INPUT_EVENT_MOUSEX: pointerFlags (2), xPos (2), yPos (2). */
    record ExtendedMouseEvent(long eventTime, int pointerFlags, int xPos, int yPos) implements SlowPathInputEvent {
        @Override public int messageType() {
            return INPUT_EVENT_MOUSEX;
        }

        @Override public void encodeData(ByteBuf dst) {
            dst.writeShortLE(pointerFlags);
            dst.writeShortLE(xPos);
            dst.writeShortLE(yPos);
        }

        @Override public String name() {
            return "ExtendedMouseEvent";
        }
    }

    /** INPUT_EVENT_MOUSEREL: pointerFlags (2), xDelta (2, signed), yDelta (2, signed). */
    record RelativeMouseEvent(long eventTime, int pointerFlags, int xDelta, int yDelta) implements SlowPathInputEvent {
        @Override public int messageType() {
            return INPUT_EVENT_MOUSEREL;
        }

        @Override public void encodeData(ByteBuf dst) {
            dst.writeShortLE(pointerFlags);
            dst.writeShortLE(xDelta);
            dst.writeShortLE(yDelta);
        }

        @Override public String name() {
            return "RelativeMouseEvent";
        }
    }
}
