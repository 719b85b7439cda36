package dev.oriel.rdp.rail.orders;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPERP] 2.2.1.3.2.2.3 Deleted Notification Icons: header, windowId and notifyIconId only. */
public record DeleteNotifyIconOrder(long windowId, long notifyIconId) implements WindowOrder {
    public static final String NAME = "DeleteNotifyIconOrder";

    public DeleteNotifyIconOrder {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        Wire.requireUnsigned(notifyIconId, 0xFFFF_FFFFL, "notifyIconId");
    }

    static DeleteNotifyIconOrder decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 8, NAME);
        return new DeleteNotifyIconOrder(src.readUnsignedIntLE(), src.readUnsignedIntLE());
    }

    @Override
    public int fieldsPresentFlags() {
        return TYPE_NOTIFY | STATE_DELETED;
    }

    @Override
    public int bodySize() {
        return 8;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        dst.writeIntLE((int) notifyIconId);
    }

    @Override
    public String name() {
        return NAME;
    }
}
