package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.3.6.1 Monitor Definition (TS_MONITOR_DEF): signed coordinates on the virtual desktop with
 * <em>inclusive</em> right and bottom edges.
 */
public record MonitorDef(int left, int top, int right, int bottom, int flags) implements Encodable {
    public static final String NAME = "MonitorDef";
    public static final int SIZE = 4 /* left */ + 4 /* top */ + 4 /* right */ + 4 /* bottom */ + 4 /* flags */;
    public static final int MONITOR_PRIMARY = 0x0000_0001;

    public static MonitorDef decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new MonitorDef(src.readIntLE(), src.readIntLE(), src.readIntLE(), src.readIntLE(), src.readIntLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeIntLE(left);
        dst.writeIntLE(top);
        dst.writeIntLE(right);
        dst.writeIntLE(bottom);
        dst.writeIntLE(flags);
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
