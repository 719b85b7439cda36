package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** [MS-RDPBCGR] 2.2.1.3.6 Client Monitor Data (TS_UD_CS_MONITOR). */
public record ClientMonitorData(long flags, List<MonitorDef> monitors) implements ClientDataBlock {
    public static final String NAME = "ClientMonitorData";
    /** The protocol allows at most 16 monitors ([MS-RDPBCGR] 2.2.1.3.6 monitorCount). */
    public static final int MAX_MONITORS = 16;

    public ClientMonitorData {
        monitors = List.copyOf(monitors);
    }

    public static ClientMonitorData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 8, NAME);
        long flags = src.readUnsignedIntLE();
        long count = src.readUnsignedIntLE();
        Wire.checkLimit(count, MAX_MONITORS, NAME, "monitorCount");
        Wire.ensureReadable(src, count * MonitorDef.SIZE, NAME);
        List<MonitorDef> list = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            list.add(MonitorDef.decode(src));
        }
        return new ClientMonitorData(flags, list);
    }

    @Override
    public int type() {
        return CS_MONITOR;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) flags);
        dst.writeIntLE(monitors.size());
        monitors.forEach(m -> m.encode(dst));
    }

    @Override
    public int bodySize() {
        return 4 /* flags */ + 4 /* monitorCount */ + monitors.size() * MonitorDef.SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
