package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPECLIP] 2.2.5.4 File Contents Response: streamId (4) of the request, then for a SIZE request the file size
 * (8), for a RANGE request the bytes. A failed response carries the stream id and no data; one without even the
 * stream id (sent by some clients) reads as stream 0.
 */
public record FileContentsResponse(boolean ok, long streamId, Bytes data) implements CliprdrPdu {
    public static final String NAME = "FileContentsResponse";

    public FileContentsResponse {
        Wire.requireUnsigned(streamId, 0xFFFF_FFFFL, "streamId");
        Objects.requireNonNull(data, "data");
        if (!ok && !data.isEmpty()) {
            throw new IllegalArgumentException("a failed response carries no data");
        }
    }

    /** The answer to a FILECONTENTS_SIZE request. */
    public static FileContentsResponse size(long streamId, long fileSize) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (fileSize >>> (8 * i));
        }
        return new FileContentsResponse(true, streamId, Bytes.of(b));
    }

    static FileContentsResponse decodeBody(ByteBuf body, boolean ok) {
        if (!ok && !body.isReadable()) {
            return new FileContentsResponse(false, 0, Bytes.EMPTY);
        }
        Wire.ensureReadable(body, 4, NAME);
        long streamId = body.readUnsignedIntLE();
        if (!ok) {
            body.skipBytes(body.readableBytes()); // whatever a failing client appends means nothing
            return new FileContentsResponse(false, streamId, Bytes.EMPTY);
        }
        return new FileContentsResponse(true, streamId, Bytes.read(body, body.readableBytes()));
    }

    @Override
    public int msgType() {
        return CB_FILECONTENTS_RESPONSE;
    }

    @Override
    public int msgFlags() {
        return CliprdrPdu.responseFlags(ok);
    }

    @Override
    public int bodySize() {
        return 4 + data.length();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) streamId);
        data.writeTo(dst);
    }

    @Override
    public String name() {
        return NAME;
    }
}
