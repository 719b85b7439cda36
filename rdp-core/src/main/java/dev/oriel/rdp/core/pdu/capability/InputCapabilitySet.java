package dev.oriel.rdp.core.pdu.capability;

import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.7.1.6 Input Capability Set (TS_INPUT_CAPABILITYSET). */
public record InputCapabilitySet(int inputFlags, long keyboardLayout, long keyboardType, long keyboardSubType,
        long keyboardFunctionKey, Bytes imeFileName) implements CapabilitySet {

    public static final int BODY_SIZE = 2 /* inputFlags */ + 2 /* pad2octetsA */ + 4 /* keyboardLayout */
            + 4 /* keyboardType */ + 4 /* keyboardSubType */ + 4 /* keyboardFunctionKey */ + 64 /* imeFileName */;

    public static final int INPUT_FLAG_SCANCODES = 0x0001;
    public static final int INPUT_FLAG_MOUSEX = 0x0004;
    public static final int INPUT_FLAG_FASTPATH_INPUT = 0x0008;
    public static final int INPUT_FLAG_UNICODE = 0x0010;
    public static final int INPUT_FLAG_FASTPATH_INPUT2 = 0x0020;
    public static final int INPUT_FLAG_UNUSED1 = 0x0040;
    public static final int INPUT_FLAG_MOUSE_RELATIVE = 0x0080;
    public static final int TS_INPUT_FLAG_MOUSE_HWHEEL = 0x0100;
    public static final int TS_INPUT_FLAG_QOE_TIMESTAMPS = 0x0200;

    public InputCapabilitySet {
        if (imeFileName.length() != 64) {
            throw new IllegalArgumentException("imeFileName must be 64 bytes");
        }
    }

    /**
     * The server's set: scancodes, unicode, extended and horizontal-wheel mouse, QoE timestamps and fast-path
     * input (without it xfreerdp falls back to slow-path input, P-CORE-2).
     */
    public static InputCapabilitySet server() {
        return new InputCapabilitySet(INPUT_FLAG_SCANCODES | INPUT_FLAG_MOUSEX | INPUT_FLAG_FASTPATH_INPUT
                | INPUT_FLAG_UNICODE | INPUT_FLAG_FASTPATH_INPUT2 | TS_INPUT_FLAG_MOUSE_HWHEEL
                | TS_INPUT_FLAG_QOE_TIMESTAMPS, 0, 0, 0, 0, Bytes.of(new byte[64]));
    }

    static InputCapabilitySet decodeBody(ByteBuf src) {
        int flags = src.readUnsignedShortLE();
        src.skipBytes(2);
        return new InputCapabilitySet(flags, src.readUnsignedIntLE(), src.readUnsignedIntLE(), src.readUnsignedIntLE(),
                src.readUnsignedIntLE(), Bytes.read(src, 64));
    }

    @Override
    public int type() {
        return CAPSTYPE_INPUT;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(inputFlags);
        dst.writeShortLE(0);
        dst.writeIntLE((int) keyboardLayout);
        dst.writeIntLE((int) keyboardType);
        dst.writeIntLE((int) keyboardSubType);
        dst.writeIntLE((int) keyboardFunctionKey);
        imeFileName.writeTo(dst);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "InputCapabilitySet";
    }
}
