package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPECLIP] 2.2.5.2 Format Data Response: CB_RESPONSE_OK with the data in the requested format, or
 * CB_RESPONSE_FAIL (then no data). The data's meaning depends on the format requested; its size is dataLen, so the
 * channel's message limit bounds it.
 */
public record FormatDataResponse(boolean ok, Bytes data) implements CliprdrPdu {
    public static final String NAME = "FormatDataResponse";

    public FormatDataResponse {
        Objects.requireNonNull(data, "data");
        if (!ok && !data.isEmpty()) {
            throw new IllegalArgumentException("a failed response carries no data");
        }
    }

    public static FormatDataResponse failed() {
        return new FormatDataResponse(false, Bytes.EMPTY);
    }

    static FormatDataResponse decodeBody(ByteBuf body, boolean ok) {
        return new FormatDataResponse(ok, ok ? Bytes.read(body, body.readableBytes()) : Bytes.EMPTY);
    }

    @Override
    public int msgType() {
        return CB_FORMAT_DATA_RESPONSE;
    }

    @Override
    public int msgFlags() {
        return CliprdrPdu.responseFlags(ok);
    }

    @Override
    public int bodySize() {
        return data.length();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        data.writeTo(dst);
    }

    @Override
    public String name() {
        return NAME;
    }
}
