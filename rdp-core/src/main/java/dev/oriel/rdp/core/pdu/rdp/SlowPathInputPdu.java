package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.pdu.input.SlowPathInputEvent;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** [MS-RDPBCGR] 2.2.8.1.1.3.1 Input Event PDU Data (TS_INPUT_PDU_DATA): slow-path input. */
public record SlowPathInputPdu(List<SlowPathInputEvent> events) implements ShareDataBody {
    public static final String NAME = "SlowPathInputPdu";
    static final int FIXED_PART_SIZE = 2 /* numEvents */ + 2 /* pad2Octets */;

    public SlowPathInputPdu {
        events = List.copyOf(events);
    }

    public static SlowPathInputPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, FIXED_PART_SIZE, NAME);
        int n = src.readUnsignedShortLE();
        src.skipBytes(2);
        Wire.ensureReadable(src, (long) n * SlowPathInputEvent.SIZE, NAME);
        List<SlowPathInputEvent> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(SlowPathInputEvent.decode(src));
        }
        return new SlowPathInputPdu(list);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(events.size());
        dst.writeShortLE(0);
        events.forEach(e -> e.encode(dst));
    }

    @Override
    public int size() {
        return FIXED_PART_SIZE + events.size() * SlowPathInputEvent.SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
