package dev.oriel.rdp.rail.orders;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPERP] 2.2.1.3.1.2.4 Deleted Window: header and windowId only. */
public record DeleteWindowOrder(long windowId) implements WindowOrder {
    public static final String NAME = "DeleteWindowOrder";

    public DeleteWindowOrder {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
    }

    static DeleteWindowOrder decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 4, NAME);
        return new DeleteWindowOrder(src.readUnsignedIntLE());
    }

    @Override
    public int fieldsPresentFlags() {
        return TYPE_WINDOW | STATE_DELETED;
    }

    @Override
    public int bodySize() {
        return 4;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
    }

    @Override
    public String name() {
        return NAME;
    }
}
