package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPECLIP] 2.2.4.2 Unlock Clipboard Data: releases the clipboard contents locked earlier as clipDataId (4). */
public record UnlockClipData(long clipDataId) implements CliprdrPdu {
    public static final String NAME = "UnlockClipData";

    public UnlockClipData {
        Wire.requireUnsigned(clipDataId, 0xFFFF_FFFFL, "clipDataId");
    }

    @Override
    public int msgType() {
        return CB_UNLOCK_CLIPDATA;
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
