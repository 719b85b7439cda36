package dev.oriel.rdp.core.pdu.rdp;

import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.2.2.1 Shutdown Request PDU Data (TS_SHUTDOWN_REQ_PDU): no body. */
public record ShutdownRequestPdu() implements ShareDataBody {
    @Override
    public void encode(ByteBuf dst) {
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public String name() {
        return "ShutdownRequestPdu";
    }
}
