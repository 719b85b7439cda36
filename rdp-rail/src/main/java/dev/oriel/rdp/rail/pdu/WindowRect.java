package dev.oriel.rdp.rail.pdu;

import io.netty.buffer.ByteBuf;

/**
 * A window rectangle in desktop coordinates as {@link WindowMove} and {@link SnapArrange} carry it: left, top,
 * right, bottom (signed 16-bit each; right and bottom exclusive, [MS-RDPERP] 2.2.2.7.4).
 */
public record WindowRect(int left, int top, int right, int bottom) {
    static final int SIZE = 8;

    public WindowRect {
        RailWire.s16(left, "left");
        RailWire.s16(top, "top");
        RailWire.s16(right, "right");
        RailWire.s16(bottom, "bottom");
    }

    /** Reads the four fields; the caller has checked that {@link #SIZE} bytes are there. */
    static WindowRect read(ByteBuf src) {
        return new WindowRect(src.readShortLE(), src.readShortLE(), src.readShortLE(), src.readShortLE());
    }

    void write(ByteBuf dst) {
        dst.writeShortLE(left);
        dst.writeShortLE(top);
        dst.writeShortLE(right);
        dst.writeShortLE(bottom);
    }

    public int width() {
        return right - left;
    }

    public int height() {
        return bottom - top;
    }
}
