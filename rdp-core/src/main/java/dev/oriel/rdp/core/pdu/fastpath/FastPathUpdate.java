package dev.oriel.rdp.core.pdu.fastpath;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.9.1.2.1 Fast-Path Update (TS_FP_UPDATE): updateHeader (updateCode bits 0–3, fragmentation bits
 * 4–5, compression bits 6–7), compressionFlags (1, only when compression is FASTPATH_OUTPUT_COMPRESSION_USED), size
 * (2), updateData. Used by the client test kit to read what the server sent; the server writes updates with
 * {@link FastPathFragmenter} without copying payloads into records.
 */
public record FastPathUpdate(int updateCode, int fragmentation, int compression, int compressionFlags, Bytes data)
        implements Encodable {
    public static final String NAME = "FastPathUpdate";

    public static final int FASTPATH_UPDATETYPE_ORDERS = 0x0;
    public static final int FASTPATH_UPDATETYPE_BITMAP = 0x1;
    public static final int FASTPATH_UPDATETYPE_PALETTE = 0x2;
    public static final int FASTPATH_UPDATETYPE_SYNCHRONIZE = 0x3;
    public static final int FASTPATH_UPDATETYPE_SURFCMDS = 0x4;
    public static final int FASTPATH_UPDATETYPE_PTR_NULL = 0x5;
    public static final int FASTPATH_UPDATETYPE_PTR_DEFAULT = 0x6;
    public static final int FASTPATH_UPDATETYPE_PTR_POSITION = 0x8;
    public static final int FASTPATH_UPDATETYPE_COLOR = 0x9;
    public static final int FASTPATH_UPDATETYPE_CACHED = 0xA;
    public static final int FASTPATH_UPDATETYPE_POINTER = 0xB;
    public static final int FASTPATH_UPDATETYPE_LARGE_POINTER = 0xC;

    public static final int FASTPATH_FRAGMENT_SINGLE = 0x0;
    public static final int FASTPATH_FRAGMENT_LAST = 0x1;
    public static final int FASTPATH_FRAGMENT_FIRST = 0x2;
    public static final int FASTPATH_FRAGMENT_NEXT = 0x3;

    public static final int FASTPATH_OUTPUT_COMPRESSION_USED = 0x2;

    public FastPathUpdate {
        Wire.requireUnsigned(updateCode, 0xF, "updateCode");
        Wire.requireUnsigned(fragmentation, 3, "fragmentation");
        Wire.requireUnsigned(compression, 3, "compression");
        Wire.requireUnsigned(compressionFlags, 0xFF, "compressionFlags");
        Wire.requireUnsigned(data.length(), 0xFFFF, "size");
    }

    /** An uncompressed, unfragmented update. */
    public static FastPathUpdate single(int updateCode, Bytes data) {
        return new FastPathUpdate(updateCode, FASTPATH_FRAGMENT_SINGLE, 0, 0, data);
    }

    public static FastPathUpdate decode(ByteBuf src) {
        Wire.ensureReadable(src, 3, NAME);
        int header = src.readUnsignedByte();
        int code = header & 0x0F;
        int fragmentation = (header >> 4) & 0x03;
        int compression = header >> 6;
        int compressionFlags = 0;
        if (compression == FASTPATH_OUTPUT_COMPRESSION_USED) {
            compressionFlags = src.readUnsignedByte();
        }
        Wire.ensureReadable(src, 2, NAME);
        int size = src.readUnsignedShortLE();
        if (size > src.readableBytes()) {
            throw DecodeException.invalidField(NAME, "size", size + " exceeds the " + src.readableBytes() + " remaining bytes");
        }
        return new FastPathUpdate(code, fragmentation, compression, compressionFlags, Bytes.read(src, size));
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(code() | fragmentation << 4 | compression << 6);
        if (compression == FASTPATH_OUTPUT_COMPRESSION_USED) {
            dst.writeByte(compressionFlags);
        }
        dst.writeShortLE(data.length());
        data.writeTo(dst);
    }

    private int code() {
        return updateCode;
    }

    @Override
    public int size() {
        return 1 + (compression == FASTPATH_OUTPUT_COMPRESSION_USED ? 1 : 0) + 2 + data.length();
    }

    @Override
    public String name() {
        return NAME;
    }
}
