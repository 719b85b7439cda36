package dev.oriel.rdp.core.channel.displaycontrol;

import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPEDISP] 2.2.2.2.1 DISPLAYCONTROL_MONITOR_LAYOUT: one monitor of a requested layout. */
public record DisplayMonitorLayout(int flags, int left, int top, long width, long height, long physicalWidth,
        long physicalHeight, long orientation, long desktopScaleFactor, long deviceScaleFactor) implements Encodable {
    public static final int SIZE = 40;
    public static final int DISPLAYCONTROL_MONITOR_PRIMARY = 0x0000_0001;

    public boolean primary() {
        return (flags & DISPLAYCONTROL_MONITOR_PRIMARY) != 0;
    }

    static DisplayMonitorLayout decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, "DisplayMonitorLayout");
        return new DisplayMonitorLayout(src.readIntLE(), src.readIntLE(), src.readIntLE(), src.readUnsignedIntLE(),
                src.readUnsignedIntLE(), src.readUnsignedIntLE(), src.readUnsignedIntLE(), src.readUnsignedIntLE(),
                src.readUnsignedIntLE(), src.readUnsignedIntLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeIntLE(flags);
        dst.writeIntLE(left);
        dst.writeIntLE(top);
        dst.writeIntLE((int) width);
        dst.writeIntLE((int) height);
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
        return "DisplayMonitorLayout";
    }
}
