package dev.oriel.rdp.clipboard.pdu;

import io.netty.buffer.ByteBuf;

/** [MS-RDPECLIP] 2.2.3.2 Format List Response: the format list was received ({@code ok}) or not. Empty body. */
public record FormatListResponse(boolean ok) implements CliprdrPdu {

    @Override
    public int msgType() {
        return CB_FORMAT_LIST_RESPONSE;
    }

    @Override
    public int msgFlags() {
        return CliprdrPdu.responseFlags(ok);
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
        return "FormatListResponse";
    }
}
