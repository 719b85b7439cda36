package dev.oriel.rdp.core.pdu.fastpath;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.8.1.2.2 Fast-Path Input Event (TS_FP_INPUT_EVENT): an eventHeader byte (eventFlags in bits 0–4,
 * eventCode in bits 5–7) and a code-specific body.
 */
public sealed interface FastPathInputEvent extends Encodable {
    String NAME = "FastPathInputEvent";

    int FASTPATH_INPUT_EVENT_SCANCODE = 0x0;
    int FASTPATH_INPUT_EVENT_MOUSE = 0x1;
    int FASTPATH_INPUT_EVENT_MOUSEX = 0x2;
    int FASTPATH_INPUT_EVENT_SYNC = 0x3;
    int FASTPATH_INPUT_EVENT_UNICODE = 0x4;
    int FASTPATH_INPUT_EVENT_RELMOUSE = 0x5;
    int FASTPATH_INPUT_EVENT_QOE_TIMESTAMP = 0x6;

    /** Scancode and unicode event flags (fast-path values, not the slow-path KBDFLAGS_*). */
    int FASTPATH_INPUT_KBDFLAGS_RELEASE = 0x01;
    int FASTPATH_INPUT_KBDFLAGS_EXTENDED = 0x02;
    int FASTPATH_INPUT_KBDFLAGS_EXTENDED1 = 0x04;

    int eventCode();

    /** The five eventFlags bits. */
    int eventFlags();

    void encodeBody(ByteBuf dst);

    int bodySize();

    @Override
    default void encode(ByteBuf dst) {
        dst.writeByte(eventCode() << 5 | eventFlags());
        encodeBody(dst);
    }

    @Override
    default int size() {
        return 1 + bodySize();
    }

    static FastPathInputEvent decode(ByteBuf src) {
        Wire.ensureReadable(src, 1, NAME);
        int header = src.readUnsignedByte();
        int flags = header & 0x1F;
        int code = header >> 5;
        return switch (code) {
            case FASTPATH_INPUT_EVENT_SCANCODE -> {
                Wire.ensureReadable(src, 1, NAME);
                yield new Scancode(flags, src.readUnsignedByte());
            }
            case FASTPATH_INPUT_EVENT_MOUSE -> {
                Wire.ensureReadable(src, 6, NAME);
                yield new Mouse(src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedShortLE());
            }
            case FASTPATH_INPUT_EVENT_MOUSEX -> {
                Wire.ensureReadable(src, 6, NAME);
                yield new MouseX(src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedShortLE());
            }
            case FASTPATH_INPUT_EVENT_SYNC -> new Sync(flags);
            case FASTPATH_INPUT_EVENT_UNICODE -> {
                Wire.ensureReadable(src, 2, NAME);
                yield new Unicode(flags, src.readUnsignedShortLE());
            }
            case FASTPATH_INPUT_EVENT_RELMOUSE -> {
                Wire.ensureReadable(src, 6, NAME);
                yield new RelativeMouse(src.readUnsignedShortLE(), src.readShortLE(), src.readShortLE());
            }
            case FASTPATH_INPUT_EVENT_QOE_TIMESTAMP -> {
                Wire.ensureReadable(src, 4, NAME);
                yield new QoeTimestamp(src.readUnsignedIntLE());
            }
            default -> throw DecodeException.invalidField(NAME, "eventCode", "unknown " + code);
        };
    }

    /** TS_FP_KEYBOARD_EVENT: keyCode (1). */
    record Scancode(int eventFlags, int keyCode) implements FastPathInputEvent {
        public Scancode {
            Wire.requireUnsigned(eventFlags, 0x1F, "eventFlags");
            Wire.requireUnsigned(keyCode, 0xFF, "keyCode");
        }

        public boolean released() {
            return (eventFlags & FASTPATH_INPUT_KBDFLAGS_RELEASE) != 0;
        }

        @Override public int eventCode() {
            return FASTPATH_INPUT_EVENT_SCANCODE;
        }

        @Override public void encodeBody(ByteBuf dst) {
            dst.writeByte(keyCode);
        }

        @Override public int bodySize() {
            return 1;
        }

        @Override public String name() {
            return "FastPathScancodeEvent";
        }
    }

    /** TS_FP_POINTER_EVENT: pointerFlags (2), xPos (2), yPos (2). */
    record Mouse(int pointerFlags, int xPos, int yPos) implements FastPathInputEvent {
        @Override public int eventCode() {
            return FASTPATH_INPUT_EVENT_MOUSE;
        }

        @Override public int eventFlags() {
            return 0;
        }

        @Override public void encodeBody(ByteBuf dst) {
            dst.writeShortLE(pointerFlags);
            dst.writeShortLE(xPos);
            dst.writeShortLE(yPos);
        }

        @Override public int bodySize() {
            return 6;
        }

        @Override public String name() {
            return "FastPathMouseEvent";
        }
    }

    /** TS_FP_POINTERX_EVENT: pointerFlags (2), xPos (2), yPos (2). */
    record MouseX(int pointerFlags, int xPos, int yPos) implements FastPathInputEvent {
        @Override public int eventCode() {
            return FASTPATH_INPUT_EVENT_MOUSEX;
        }

        @Override public int eventFlags() {
            return 0;
        }

        @Override public void encodeBody(ByteBuf dst) {
            dst.writeShortLE(pointerFlags);
            dst.writeShortLE(xPos);
            dst.writeShortLE(yPos);
        }

        @Override public int bodySize() {
            return 6;
        }

        @Override public String name() {
            return "FastPathMouseXEvent";
        }
    }

    /** TS_FP_SYNC_EVENT: the toggle flags are the eventFlags. */
    record Sync(int toggleFlags) implements FastPathInputEvent {
        public Sync {
            Wire.requireUnsigned(toggleFlags, 0x1F, "toggleFlags");
        }

        @Override public int eventCode() {
            return FASTPATH_INPUT_EVENT_SYNC;
        }

        @Override public int eventFlags() {
            return toggleFlags;
        }

        @Override public void encodeBody(ByteBuf dst) {
        }

        @Override public int bodySize() {
            return 0;
        }

        @Override public String name() {
            return "FastPathSyncEvent";
        }
    }

    /** TS_FP_UNICODE_KEYBOARD_EVENT: unicodeCode (2). */
    record Unicode(int eventFlags, int unicodeCode) implements FastPathInputEvent {
        public Unicode {
            Wire.requireUnsigned(eventFlags, 0x1F, "eventFlags");
        }

        public boolean released() {
            return (eventFlags & FASTPATH_INPUT_KBDFLAGS_RELEASE) != 0;
        }

        @Override public int eventCode() {
            return FASTPATH_INPUT_EVENT_UNICODE;
        }

        @Override public void encodeBody(ByteBuf dst) {
            dst.writeShortLE(unicodeCode);
        }

        @Override public int bodySize() {
            return 2;
        }

        @Override public String name() {
            return "FastPathUnicodeEvent";
        }
    }

    /** TS_FP_RELPOINTER_EVENT: pointerFlags (2), xDelta (2, signed), yDelta (2, signed). */
    record RelativeMouse(int pointerFlags, int xDelta, int yDelta) implements FastPathInputEvent {
        @Override public int eventCode() {
            return FASTPATH_INPUT_EVENT_RELMOUSE;
        }

        @Override public int eventFlags() {
            return 0;
        }

        @Override public void encodeBody(ByteBuf dst) {
            dst.writeShortLE(pointerFlags);
            dst.writeShortLE(xDelta);
            dst.writeShortLE(yDelta);
        }

        @Override public int bodySize() {
            return 6;
        }

        @Override public String name() {
            return "FastPathRelativeMouseEvent";
        }
    }

    /** TS_FP_QOETIMESTAMP_EVENT: timestamp (4). */
    record QoeTimestamp(long timestamp) implements FastPathInputEvent {
        @Override public int eventCode() {
            return FASTPATH_INPUT_EVENT_QOE_TIMESTAMP;
        }

        @Override public int eventFlags() {
            return 0;
        }

        @Override public void encodeBody(ByteBuf dst) {
            dst.writeIntLE((int) timestamp);
        }

        @Override public int bodySize() {
            return 4;
        }

        @Override public String name() {
            return "FastPathQoeTimestampEvent";
        }
    }
}
