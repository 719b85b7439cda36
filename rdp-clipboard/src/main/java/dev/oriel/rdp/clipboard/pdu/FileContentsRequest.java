package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.OptionalLong;

/**
 * [MS-RDPECLIP] 2.2.5.3 File Contents Request: streamId (4), lindex (4, the file's index in the
 * FileGroupDescriptorW list), dwFlags (4: FILECONTENTS_SIZE or FILECONTENTS_RANGE), nPositionLow (4),
 * nPositionHigh (4), cbRequested (4), then clipDataId (4) only when locking was negotiated (P-CLIP-4), so the body
 * is 24 or 28 bytes.
 */
public record FileContentsRequest(long streamId, long listIndex, int flags, long position, long cbRequested,
        OptionalLong clipDataId) implements CliprdrPdu {
    public static final String NAME = "FileContentsRequest";
    public static final int FILECONTENTS_SIZE = 0x1;
    public static final int FILECONTENTS_RANGE = 0x2;

    public FileContentsRequest {
        Wire.requireUnsigned(streamId, 0xFFFF_FFFFL, "streamId");
        Wire.requireUnsigned(listIndex, 0xFFFF_FFFFL, "lindex");
        Wire.requireUnsigned(cbRequested, 0xFFFF_FFFFL, "cbRequested");
        if (flags != FILECONTENTS_SIZE && flags != FILECONTENTS_RANGE) {
            throw new IllegalArgumentException("dwFlags must be FILECONTENTS_SIZE or FILECONTENTS_RANGE: " + flags);
        }
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        clipDataId.ifPresent(id -> Wire.requireUnsigned(id, 0xFFFF_FFFFL, "clipDataId"));
    }

    static FileContentsRequest decodeBody(ByteBuf body) {
        int n = body.readableBytes();
        if (n != 24 && n != 28) {
            throw DecodeException.invalidField(NAME, "dataLen", "must be 24 or 28 (with clipDataId): " + n);
        }
        long streamId = body.readUnsignedIntLE();
        long lindex = body.readUnsignedIntLE();
        long flags = body.readUnsignedIntLE();
        if (flags != FILECONTENTS_SIZE && flags != FILECONTENTS_RANGE) {
            throw DecodeException.invalidField(NAME, "dwFlags", "neither SIZE nor RANGE: 0x" + Long.toHexString(flags));
        }
        long low = body.readUnsignedIntLE();
        long high = body.readUnsignedIntLE();
        if (high > 0x7FFF_FFFFL) {
            throw DecodeException.invalidField(NAME, "nPositionHigh", "position beyond 2^63: 0x" + Long.toHexString(high));
        }
        long cb = body.readUnsignedIntLE();
        OptionalLong clip = n == 28 ? OptionalLong.of(body.readUnsignedIntLE()) : OptionalLong.empty();
        return new FileContentsRequest(streamId, lindex, (int) flags, high << 32 | low, cb, clip);
    }

    @Override
    public int msgType() {
        return CB_FILECONTENTS_REQUEST;
    }

    @Override
    public int msgFlags() {
        return 0;
    }

    @Override
    public int bodySize() {
        return clipDataId.isPresent() ? 28 : 24;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) streamId);
        dst.writeIntLE((int) listIndex);
        dst.writeIntLE(flags);
        dst.writeIntLE((int) position);
        dst.writeIntLE((int) (position >>> 32));
        dst.writeIntLE((int) cbRequested);
        clipDataId.ifPresent(id -> dst.writeIntLE((int) id));
    }

    @Override
    public String name() {
        return NAME;
    }
}
