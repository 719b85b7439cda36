package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** [MS-RDPEGFX] 2.2.1.1 POINT16: x, y (2 each, unsigned). */
public record GfxPoint(int x, int y) {
    public static final int SIZE = 4;

    public GfxPoint {
        Wire.requireUnsigned(x, 0xFFFF, "x");
        Wire.requireUnsigned(y, 0xFFFF, "y");
    }

    /** A count (2) then that many points, the count bounded by what the body still holds. */
    static List<GfxPoint> decodeList(ByteBuf src, String pdu, String countField) {
        Wire.ensureReadable(src, 2, pdu);
        int count = src.readUnsignedShortLE();
        Wire.checkLimit(count, src.readableBytes() / SIZE, pdu, countField);
        List<GfxPoint> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new GfxPoint(src.readUnsignedShortLE(), src.readUnsignedShortLE()));
        }
        return out;
    }

    static void encodeList(List<GfxPoint> points, ByteBuf dst) {
        dst.writeShortLE(points.size());
        for (GfxPoint p : points) {
            dst.writeShortLE(p.x).writeShortLE(p.y);
        }
    }

    static List<GfxPoint> checkedCopy(List<GfxPoint> points) {
        List<GfxPoint> copy = List.copyOf(points);
        if (copy.size() > 0xFFFF) {
            throw new IllegalArgumentException("at most 65535 points");
        }
        return copy;
    }
}
