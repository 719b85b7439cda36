package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** [MS-RDPBCGR] 2.2.1.3.9 Client Monitor Extended Data (TS_UD_CS_MONITOR_EX). */
public record ClientMonitorExtendedData(long flags, List<MonitorAttributes> monitors) implements ClientDataBlock {
    public static final String NAME = "ClientMonitorExtendedData";

    public ClientMonitorExtendedData {
        monitors = List.copyOf(monitors);
    }

    public static ClientMonitorExtendedData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 12, NAME);
        long flags = src.readUnsignedIntLE();
        long attributeSize = src.readUnsignedIntLE();
        if (attributeSize != MonitorAttributes.SIZE) {
            throw DecodeException.invalidField(NAME, "monitorAttributeSize", "must be 20, was " + attributeSize);
        }
        long count = src.readUnsignedIntLE();
        Wire.checkLimit(count, ClientMonitorData.MAX_MONITORS, NAME, "monitorCount");
        Wire.ensureReadable(src, count * MonitorAttributes.SIZE, NAME);
        List<MonitorAttributes> list = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            list.add(MonitorAttributes.decode(src));
        }
        return new ClientMonitorExtendedData(flags, list);
    }

    @Override
    public int type() {
        return CS_MONITOR_EX;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) flags);
        dst.writeIntLE(MonitorAttributes.SIZE);
        dst.writeIntLE(monitors.size());
        monitors.forEach(m -> m.encode(dst));
    }

    @Override
    public int bodySize() {
        return 12 + monitors.size() * MonitorAttributes.SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
