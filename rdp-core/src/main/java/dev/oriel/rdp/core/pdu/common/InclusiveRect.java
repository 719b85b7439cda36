package dev.oriel.rdp.core.pdu.common;

import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.11.1 Inclusive Rectangle (TS_RECTANGLE16): four unsigned 16-bit values where
 * {@code right} and {@code bottom} are the last column and row <em>inside</em> the rectangle.
 *
 * <p>The API uses exclusive rectangles ({@code dev.oriel.rdp.core.api.Rect}); conversion happens only in the
 * PDU layer.
 */
public record InclusiveRect(int left, int top, int right, int bottom) implements Encodable {
    public static final String NAME = "InclusiveRect";
    public static final int SIZE = 2 /* left */ + 2 /* top */ + 2 /* right */ + 2 /* bottom */;

    public InclusiveRect {
        Wire.requireUnsigned(left, 0xFFFF, "left");
        Wire.requireUnsigned(top, 0xFFFF, "top");
        Wire.requireUnsigned(right, 0xFFFF, "right");
        Wire.requireUnsigned(bottom, 0xFFFF, "bottom");
    }

    public static InclusiveRect decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new InclusiveRect(src.readUnsignedShortLE(), src.readUnsignedShortLE(),
                src.readUnsignedShortLE(), src.readUnsignedShortLE());
    }

    /** Width in pixels; zero or negative when the rectangle is empty or inverted. */
    public int width() {
        return right - left + 1;
    }

    /** Height in pixels; zero or negative when the rectangle is empty or inverted. */
    public int height() {
        return bottom - top + 1;
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(left);
        dst.writeShortLE(top);
        dst.writeShortLE(right);
        dst.writeShortLE(bottom);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
