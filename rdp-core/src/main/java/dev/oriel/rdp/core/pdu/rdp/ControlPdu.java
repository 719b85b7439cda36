package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.15.1 Control PDU Data (TS_CONTROL_PDU). */
public record ControlPdu(int action, int grantId, long controlId) implements ShareDataBody {
    public static final String NAME = "ControlPdu";
    public static final int SIZE = 2 /* action */ + 2 /* grantId */ + 4 /* controlId */;
    public static final int CTRLACTION_REQUEST_CONTROL = 0x0001;
    public static final int CTRLACTION_GRANTED_CONTROL = 0x0002;
    public static final int CTRLACTION_DETACH = 0x0003;
    public static final int CTRLACTION_COOPERATE = 0x0004;

    public static ControlPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new ControlPdu(src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedIntLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(action);
        dst.writeShortLE(grantId);
        dst.writeIntLE((int) controlId);
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
