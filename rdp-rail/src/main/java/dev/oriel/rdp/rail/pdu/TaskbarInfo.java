package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2 TS_RAIL_ORDER_TASKBARINFO (server → client): taskbar tab operations. Body: taskbarMessage
 * (4), windowIdTab (4), body (4).
 */
public record TaskbarInfo(long taskbarMessage, long windowIdTab, long body) implements RailPdu {
    public static final String NAME = "TaskbarInfo";
    static final int BODY_SIZE = 12;
    public static final int RAIL_TASKBAR_MSG_TAB_REGISTER = 0x0001;
    public static final int RAIL_TASKBAR_MSG_TAB_UNREGISTER = 0x0002;
    public static final int RAIL_TASKBAR_MSG_TAB_ORDER = 0x0003;
    public static final int RAIL_TASKBAR_MSG_TAB_ACTIVE = 0x0004;
    public static final int RAIL_TASKBAR_MSG_TAB_PROPERTIES = 0x0005;

    public TaskbarInfo {
        Wire.requireUnsigned(taskbarMessage, 0xFFFF_FFFFL, "taskbarMessage");
        Wire.requireUnsigned(windowIdTab, 0xFFFF_FFFFL, "windowIdTab");
        Wire.requireUnsigned(body, 0xFFFF_FFFFL, "body");
    }

    static TaskbarInfo decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new TaskbarInfo(src.readUnsignedIntLE(),
                src.readUnsignedIntLE(),
                src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_TASKBARINFO;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) taskbarMessage);
        dst.writeIntLE((int) windowIdTab);
        dst.writeIntLE((int) body);
    }

    @Override
    public String name() {
        return NAME;
    }
}
