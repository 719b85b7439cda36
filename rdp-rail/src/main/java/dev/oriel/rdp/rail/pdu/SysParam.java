package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPERP] 2.2.2.4.1 (client → server) and 2.2.2.5.1 (server → client) TS_RAIL_ORDER_SYSPARAM: one system
 * parameter per PDU. Body: systemParam (4), then a value whose layout depends on the parameter.
 *
 * <p>A parameter this code does not know is kept as {@link Value.Unknown} bytes rather than rejected: clients add
 * parameters over time, and an unknown one must not cost the user the RemoteApp session.
 */
public record SysParam(long systemParam, Value value) implements RailPdu {
    public static final String NAME = "SysParam";

    // Client → server.
    public static final int SPI_SET_DRAG_FULL_WINDOWS = 0x0025;
    public static final int SPI_SET_KEYBOARD_CUES = 0x100B;
    public static final int SPI_SET_KEYBOARD_PREF = 0x0045;
    public static final int SPI_SET_MOUSE_BUTTON_SWAP = 0x0021;
    public static final int SPI_SET_WORK_AREA = 0x002F;
    public static final int RAIL_SPI_DISPLAYCHANGE = 0xF001;
    public static final int RAIL_SPI_TASKBARPOS = 0xF000;
    public static final int SPI_SET_HIGH_CONTRAST = 0x0043;
    /** Extended parameters: only after the EXTENDED_SPI_SUPPORTED HandshakeEx flag. */
    public static final int SPI_SETCARETWIDTH = 0x2007;
    public static final int SPI_SETSTICKYKEYS = 0x003B;
    public static final int SPI_SETTOGGLEKEYS = 0x0035;
    public static final int SPI_SETFILTERKEYS = 0x0033;
    // Server → client.
    public static final int SPI_SET_SCREEN_SAVE_ACTIVE = 0x0011;
    public static final int SPI_SET_SCREEN_SAVE_SECURE = 0x0077;

    public SysParam {
        Wire.requireUnsigned(systemParam, 0xFFFF_FFFFL, "systemParam");
        Objects.requireNonNull(value, "value");
    }

    /** The value of a system parameter. */
    public sealed interface Value {
        int size();

        void encode(ByteBuf dst);

        /** One byte, zero or not: drag full windows, keyboard cues and preference, button swap, screen saver. */
        record Flag(boolean on) implements Value {
            @Override
            public int size() {
                return 1;
            }

            @Override
            public void encode(ByteBuf dst) {
                dst.writeByte(on ? 1 : 0);
            }
        }

        /** TS_RECTANGLE_16 ([MS-RDPERP] 2.2.2.4.1): work area, display change, taskbar position; right, bottom exclusive. */
        record Rectangle(int left, int top, int right, int bottom) implements Value {
            public Rectangle {
                Wire.requireUnsigned(left, 0xFFFF, "left");
                Wire.requireUnsigned(top, 0xFFFF, "top");
                Wire.requireUnsigned(right, 0xFFFF, "right");
                Wire.requireUnsigned(bottom, 0xFFFF, "bottom");
            }

            @Override
            public int size() {
                return 8;
            }

            @Override
            public void encode(ByteBuf dst) {
                dst.writeShortLE(left);
                dst.writeShortLE(top);
                dst.writeShortLE(right);
                dst.writeShortLE(bottom);
            }
        }

        /**
         * TS_HIGHCONTRAST: flags (4), colorSchemeLength (4, the TS_UNICODE_STRING's size including its cbString),
         * colorScheme (TS_UNICODE_STRING).
         */
        record HighContrast(long flags, String colorScheme) implements Value {
            public HighContrast {
                Wire.requireUnsigned(flags, 0xFFFF_FFFFL, "flags");
                RailWire.requireFits(Objects.requireNonNull(colorScheme), Exec.MAX_PATH_BYTES, NAME, "colorScheme");
            }

            @Override
            public int size() {
                return 8 + 2 + Wire.utf16Size(colorScheme);
            }

            @Override
            public void encode(ByteBuf dst) {
                dst.writeIntLE((int) flags);
                dst.writeIntLE(2 + Wire.utf16Size(colorScheme));
                RailWire.writeUnicodeString(dst, colorScheme);
            }
        }

        /** A 32-bit value: caret width, sticky keys and toggle keys flags. */
        record Number(long value) implements Value {
            public Number {
                Wire.requireUnsigned(value, 0xFFFF_FFFFL, "value");
            }

            @Override
            public int size() {
                return 4;
            }

            @Override
            public void encode(ByteBuf dst) {
                dst.writeIntLE((int) value);
            }
        }

        /** TS_FILTERKEYS: flags, waitTime, delayTime, repeatTime, bounceTime (4 each). */
        record FilterKeys(long flags, long waitTime, long delayTime, long repeatTime, long bounceTime) implements Value {
            public FilterKeys {
                for (long v : new long[] {flags, waitTime, delayTime, repeatTime, bounceTime}) {
                    Wire.requireUnsigned(v, 0xFFFF_FFFFL, "FilterKeys field");
                }
            }

            @Override
            public int size() {
                return 20;
            }

            @Override
            public void encode(ByteBuf dst) {
                dst.writeIntLE((int) flags);
                dst.writeIntLE((int) waitTime);
                dst.writeIntLE((int) delayTime);
                dst.writeIntLE((int) repeatTime);
                dst.writeIntLE((int) bounceTime);
            }
        }

        /** A parameter this code does not interpret: the rest of the body. */
        record Unknown(Bytes data) implements Value {
            public Unknown {
                Objects.requireNonNull(data, "data");
            }

            @Override
            public int size() {
                return data.length();
            }

            @Override
            public void encode(ByteBuf dst) {
                data.writeTo(dst);
            }
        }
    }

    static SysParam decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 4, NAME);
        long param = src.readUnsignedIntLE();
        Value value;
        if (param == SPI_SET_DRAG_FULL_WINDOWS || param == SPI_SET_KEYBOARD_CUES || param == SPI_SET_KEYBOARD_PREF
                || param == SPI_SET_MOUSE_BUTTON_SWAP || param == SPI_SET_SCREEN_SAVE_ACTIVE
                || param == SPI_SET_SCREEN_SAVE_SECURE) {
            Wire.ensureReadable(src, 1, NAME);
            value = new Value.Flag(src.readUnsignedByte() != 0);
        } else if (param == SPI_SET_WORK_AREA || param == RAIL_SPI_DISPLAYCHANGE || param == RAIL_SPI_TASKBARPOS) {
            Wire.ensureReadable(src, 8, NAME);
            value = new Value.Rectangle(src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedShortLE(),
                    src.readUnsignedShortLE());
        } else if (param == SPI_SET_HIGH_CONTRAST) {
            Wire.ensureReadable(src, 8, NAME);
            long flags = src.readUnsignedIntLE();
            src.skipBytes(4); // colorSchemeLength: implied by the string's own cbString
            value = new Value.HighContrast(flags, RailWire.readUnicodeString(src, Exec.MAX_PATH_BYTES, NAME, "colorScheme"));
        } else if (param == SPI_SETCARETWIDTH || param == SPI_SETSTICKYKEYS || param == SPI_SETTOGGLEKEYS) {
            Wire.ensureReadable(src, 4, NAME);
            value = new Value.Number(src.readUnsignedIntLE());
        } else if (param == SPI_SETFILTERKEYS) {
            Wire.ensureReadable(src, 20, NAME);
            value = new Value.FilterKeys(src.readUnsignedIntLE(), src.readUnsignedIntLE(), src.readUnsignedIntLE(),
                    src.readUnsignedIntLE(), src.readUnsignedIntLE());
        } else {
            value = new Value.Unknown(Bytes.read(src, src.readableBytes()));
        }
        return new SysParam(param, value);
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_SYSPARAM;
    }

    @Override
    public int bodySize() {
        return 4 + value.size();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) systemParam);
        value.encode(dst);
    }

    @Override
    public String name() {
        return NAME;
    }
}
