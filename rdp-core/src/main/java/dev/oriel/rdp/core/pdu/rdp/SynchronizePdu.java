package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.14.1 Synchronize PDU Data (TS_SYNCHRONIZE_PDU). */
public record SynchronizePdu(int messageType, int targetUser) implements ShareDataBody {
    public static final String NAME = "SynchronizePdu";
    public static final int SIZE = 2 /* messageType */ + 2 /* targetUser */;
    public static final int SYNCMSGTYPE_SYNC = 1;

    public static SynchronizePdu decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new SynchronizePdu(src.readUnsignedShortLE(), src.readUnsignedShortLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(messageType);
        dst.writeShortLE(targetUser);
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
