package dev.oriel.rdp.core.channel.displaycontrol;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** [MS-RDPEDISP] 2.2 Display Control PDUs: a header of Type (4) and Length (4, the whole PDU), then the body. */
public sealed interface DisplayControlPdu extends Encodable {
    String NAME = "DisplayControlPdu";
    int HEADER_SIZE = 8;
    int DISPLAYCONTROL_PDU_TYPE_MONITOR_LAYOUT = 0x0000_0002;
    int DISPLAYCONTROL_PDU_TYPE_CAPS = 0x0000_0005;

    static DisplayControlPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, HEADER_SIZE, NAME);
        long type = src.readUnsignedIntLE();
        long length = src.readUnsignedIntLE();
        if (length < HEADER_SIZE) {
            throw DecodeException.invalidField(NAME, "Length", "smaller than the header: " + length);
        }
        ByteBuf body = Wire.readSlice(src, length - HEADER_SIZE, NAME, "Length");
        DisplayControlPdu pdu;
        if (type == DISPLAYCONTROL_PDU_TYPE_CAPS) {
            pdu = Caps.decodeBody(body);
        } else if (type == DISPLAYCONTROL_PDU_TYPE_MONITOR_LAYOUT) {
            pdu = MonitorLayout.decodeBody(body);
        } else {
            throw DecodeException.unexpectedMessageType(NAME, type);
        }
        Wire.ensureFullyConsumed(body, pdu.name());
        return pdu;
    }

    /** [MS-RDPEDISP] 2.2.2.1 DISPLAYCONTROL_CAPS_PDU (server → client). */
    record Caps(long maxNumMonitors, long maxMonitorAreaFactorA, long maxMonitorAreaFactorB) implements DisplayControlPdu {
        static Caps decodeBody(ByteBuf src) {
            Wire.ensureReadable(src, 12, "DisplayControlCaps");
            return new Caps(src.readUnsignedIntLE(), src.readUnsignedIntLE(), src.readUnsignedIntLE());
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeIntLE(DISPLAYCONTROL_PDU_TYPE_CAPS);
            dst.writeIntLE(size());
            dst.writeIntLE((int) maxNumMonitors);
            dst.writeIntLE((int) maxMonitorAreaFactorA);
            dst.writeIntLE((int) maxMonitorAreaFactorB);
        }

        @Override
        public int size() {
            return HEADER_SIZE + 12;
        }

        @Override
        public String name() {
            return "DisplayControlCaps";
        }
    }

    /** [MS-RDPEDISP] 2.2.2.2 DISPLAYCONTROL_MONITOR_LAYOUT_PDU (client → server). */
    record MonitorLayout(List<DisplayMonitorLayout> monitors) implements DisplayControlPdu {
        public MonitorLayout {
            monitors = List.copyOf(monitors);
        }

        static MonitorLayout decodeBody(ByteBuf src) {
            Wire.ensureReadable(src, 8, "DisplayControlMonitorLayout");
            long layoutSize = src.readUnsignedIntLE();
            if (layoutSize != DisplayMonitorLayout.SIZE) {
                throw DecodeException.invalidField("DisplayControlMonitorLayout", "MonitorLayoutSize",
                        "must be 40, was " + layoutSize);
            }
            long n = src.readUnsignedIntLE();
            Wire.ensureReadable(src, n * DisplayMonitorLayout.SIZE, "DisplayControlMonitorLayout");
            List<DisplayMonitorLayout> list = new ArrayList<>((int) n);
            for (int i = 0; i < n; i++) {
                list.add(DisplayMonitorLayout.decode(src));
            }
            return new MonitorLayout(list);
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeIntLE(DISPLAYCONTROL_PDU_TYPE_MONITOR_LAYOUT);
            dst.writeIntLE(size());
            dst.writeIntLE(DisplayMonitorLayout.SIZE);
            dst.writeIntLE(monitors.size());
            monitors.forEach(m -> m.encode(dst));
        }

        @Override
        public int size() {
            return HEADER_SIZE + 8 + monitors.size() * DisplayMonitorLayout.SIZE;
        }

        @Override
        public String name() {
            return "DisplayControlMonitorLayout";
        }
    }
}
