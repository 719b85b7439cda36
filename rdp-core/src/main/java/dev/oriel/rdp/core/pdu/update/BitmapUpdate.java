package dev.oriel.rdp.core.pdu.update;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPBCGR] 2.2.9.1.1.3.1.2.1 Bitmap Update Data (TS_UPDATE_BITMAP_DATA): updateType (UPDATETYPE_BITMAP),
 * numberRectangles, rectangles. The body of a fast-path FASTPATH_UPDATETYPE_BITMAP update.
 */
public record BitmapUpdate(List<BitmapData> rectangles) implements Encodable {
    public static final String NAME = "BitmapUpdate";
    public static final int UPDATETYPE_BITMAP = 0x0001;
    public static final int HEADER_SIZE = 2 /* updateType */ + 2 /* numberRectangles */;

    public BitmapUpdate {
        rectangles = List.copyOf(rectangles);
    }

    public static BitmapUpdate decode(ByteBuf src) {
        Wire.ensureReadable(src, HEADER_SIZE, NAME);
        int type = src.readUnsignedShortLE();
        if (type != UPDATETYPE_BITMAP) {
            throw DecodeException.invalidField(NAME, "updateType", "expected UPDATETYPE_BITMAP, got " + type);
        }
        int n = src.readUnsignedShortLE();
        Wire.ensureReadable(src, (long) n * BitmapData.FIXED_PART_SIZE, NAME);
        List<BitmapData> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(BitmapData.decode(src));
        }
        return new BitmapUpdate(list);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(UPDATETYPE_BITMAP);
        dst.writeShortLE(rectangles.size());
        rectangles.forEach(r -> r.encode(dst));
    }

    @Override
    public int size() {
        return HEADER_SIZE + rectangles.stream().mapToInt(BitmapData::size).sum();
    }

    @Override
    public String name() {
        return NAME;
    }
}
