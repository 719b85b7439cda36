package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPECLIP] 2.2.4.1 Lock Clipboard Data: clipDataId (4) names the clipboard contents that file contents requests
 * refer to while they are locked.
 */
public record LockClipData(long clipDataId) implements CliprdrPdu {
    public static final String NAME = "LockClipData";

    public LockClipData {
        Wire.requireUnsigned(clipDataId, 0xFFFF_FFFFL, "clipDataId");
    }

    @Override
    public int msgType() {
        return CB_LOCK_CLIPDATA;
    }

    @Override
    public int msgFlags() {
        return 0;
    }

    @Override
    public int bodySize() {
        return 4;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) clipDataId);
    }

    @Override
    public String name() {
        return NAME;
    }
}
