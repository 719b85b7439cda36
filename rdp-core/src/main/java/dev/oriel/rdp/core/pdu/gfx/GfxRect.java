package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPEGFX] 2.2.1.2 RECT16: left, top, right, bottom (2 each); right and bottom are exclusive. */
public record GfxRect(int left, int top, int right, int bottom) {
    public static final int SIZE = 8;

    public GfxRect {
        Wire.requireUnsigned(left, 0xFFFF, "left");
        Wire.requireUnsigned(top, 0xFFFF, "top");
        Wire.requireUnsigned(right, 0xFFFF, "right");
        Wire.requireUnsigned(bottom, 0xFFFF, "bottom");
        if (right < left || bottom < top) {
            throw new IllegalArgumentException("inverted rectangle " + left + "," + top + "," + right + "," + bottom);
        }
    }

    static GfxRect decode(ByteBuf src, String pdu, String field) {
        Wire.ensureReadable(src, SIZE, pdu);
        int l = src.readUnsignedShortLE();
        int t = src.readUnsignedShortLE();
        int r = src.readUnsignedShortLE();
        int b = src.readUnsignedShortLE();
        if (r < l || b < t) {
            throw DecodeException.invalidField(pdu, field, "inverted rectangle " + l + "," + t + "," + r + "," + b);
        }
        return new GfxRect(l, t, r, b);
    }

    void encode(ByteBuf dst) {
        dst.writeShortLE(left);
        dst.writeShortLE(top);
        dst.writeShortLE(right);
        dst.writeShortLE(bottom);
    }
}
