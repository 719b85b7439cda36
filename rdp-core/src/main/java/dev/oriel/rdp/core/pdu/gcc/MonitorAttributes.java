package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.3.9.1 Monitor Attributes (TS_MONITOR_ATTRIBUTES). */
public record MonitorAttributes(long physicalWidth, long physicalHeight, long orientation, long desktopScaleFactor,
        long deviceScaleFactor) implements Encodable {
    public static final String NAME = "MonitorAttributes";
    public static final int SIZE = 4 /* physicalWidth */ + 4 /* physicalHeight */ + 4 /* orientation */
            + 4 /* desktopScaleFactor */ + 4 /* deviceScaleFactor */;

    public static MonitorAttributes decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new MonitorAttributes(src.readUnsignedIntLE(), src.readUnsignedIntLE(), src.readUnsignedIntLE(),
                src.readUnsignedIntLE(), src.readUnsignedIntLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeIntLE((int) physicalWidth);
        dst.writeIntLE((int) physicalHeight);
        dst.writeIntLE((int) orientation);
        dst.writeIntLE((int) desktopScaleFactor);
        dst.writeIntLE((int) deviceScaleFactor);
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
