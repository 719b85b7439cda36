package dev.oriel.rdp.core.pdu.rdp;

import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.2.3.1 Shutdown Request Denied PDU Data (TS_SHUTDOWN_DENIED_PDU): no body. */
public record ShutdownDeniedPdu() implements ShareDataBody {
    @Override
    public void encode(ByteBuf dst) {
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public String name() {
        return "ShutdownDeniedPdu";
    }
}
