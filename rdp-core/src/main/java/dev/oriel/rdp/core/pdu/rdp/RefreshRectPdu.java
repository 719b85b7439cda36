package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.pdu.common.InclusiveRect;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** [MS-RDPBCGR] 2.2.11.2.1 Refresh Rect PDU Data (TS_REFRESH_RECT_PDU): areas the client wants redrawn. */
public record RefreshRectPdu(List<InclusiveRect> areas) implements ShareDataBody {
    public static final String NAME = "RefreshRectPdu";
    static final int FIXED_PART_SIZE = 1 /* numberOfAreas */ + 3 /* pad3Octects */;

    public RefreshRectPdu {
        areas = List.copyOf(areas);
        if (areas.size() > 255) {
            throw new IllegalArgumentException("at most 255 areas");
        }
    }

    public static RefreshRectPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, FIXED_PART_SIZE, NAME);
        int n = src.readUnsignedByte();
        src.skipBytes(3);
        Wire.ensureReadable(src, (long) n * InclusiveRect.SIZE, NAME);
        List<InclusiveRect> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(InclusiveRect.decode(src));
        }
        return new RefreshRectPdu(list);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(areas.size());
        dst.writeZero(3);
        areas.forEach(a -> a.encode(dst));
    }

    @Override
    public int size() {
        return FIXED_PART_SIZE + areas.size() * InclusiveRect.SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
