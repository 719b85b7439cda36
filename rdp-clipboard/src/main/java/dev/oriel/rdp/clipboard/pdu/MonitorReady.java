package dev.oriel.rdp.clipboard.pdu;

import io.netty.buffer.ByteBuf;

/** [MS-RDPECLIP] 2.2.2.2 Server Monitor Ready: the server is ready for the client's format list. Empty body. */
public record MonitorReady() implements CliprdrPdu {
    public static final MonitorReady INSTANCE = new MonitorReady();

    @Override
    public int msgType() {
        return CB_MONITOR_READY;
    }

    @Override
    public int msgFlags() {
        return 0;
    }

    @Override
    public int bodySize() {
        return 0;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
    }

    @Override
    public String name() {
        return "MonitorReady";
    }
}
