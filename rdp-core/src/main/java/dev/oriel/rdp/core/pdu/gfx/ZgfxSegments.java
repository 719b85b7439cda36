package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.graphics.zgfx.ZgfxCompressor;
import dev.oriel.rdp.core.graphics.zgfx.ZgfxDecompressor;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * [MS-RDPEGFX] 2.2.5 the RDP8 bulk-compression container every server-to-client graphics message travels in:
 * RDP_SEGMENTED_DATA with descriptor {@link #SINGLE} (one RDP8_BULK_ENCODED_DATA: header byte then data) or
 * {@link #MULTIPART} (segmentCount (2), uncompressedSize (4), then per segment size (4) and bulk data), each segment
 * at most 65535 bytes of uncompressed data. The header byte is {@link #PACKET_COMPR_TYPE_RDP8}, plus
 * {@link #PACKET_COMPRESSED} when the segment is ZGFX-compressed. Without a codec this class writes uncompressed
 * segments (what FreeRDP's server sends too) and reads uncompressed ones; given a {@link ZgfxCompressor} or
 * {@link ZgfxDecompressor} (one per channel direction, holding the shared history of [MS-RDPEGFX] 3.1.9.1) it writes
 * and reads compressed ones.
 */
public final class ZgfxSegments {
    static final String NAME = "ZgfxSegments";
    public static final int SINGLE = 0xE0;
    public static final int MULTIPART = 0xE1;
    public static final int PACKET_COMPR_TYPE_RDP8 = 0x04;
    public static final int PACKET_COMPRESSED = 0x20;
    /** Uncompressed bytes per segment ([MS-RDPEGFX] 2.2.5.1). */
    public static final int MAX_SEGMENT = 65_535;
    /** [MS-RDPEGFX] 3.1.9.1: a compressed segment may be up to 1,000 bytes larger than its uncompressed data. */
    static final int MAX_EXPANSION = 1_000;

    private ZgfxSegments() {
    }

    /** Wraps {@code data} (readable bytes, not released) in uncompressed segments; the caller releases the result. */
    public static ByteBuf wrap(ByteBuf data, ByteBufAllocator alloc) {
        int n = data.readableBytes();
        if (n <= MAX_SEGMENT) {
            ByteBuf out = alloc.buffer(2 + n);
            out.writeByte(SINGLE);
            out.writeByte(PACKET_COMPR_TYPE_RDP8);
            out.writeBytes(data, data.readerIndex(), n);
            return out;
        }
        int segments = (n + MAX_SEGMENT - 1) / MAX_SEGMENT;
        if (segments > 0xFFFF) {
            throw new IllegalArgumentException("message of " + n + " bytes needs more than 65535 segments");
        }
        ByteBuf out = alloc.buffer(7 + segments * 5 + n);
        out.writeByte(MULTIPART);
        out.writeShortLE(segments);
        out.writeIntLE(n);
        for (int offset = data.readerIndex(), end = offset + n; offset < end; offset += MAX_SEGMENT) {
            int len = Math.min(MAX_SEGMENT, end - offset);
            out.writeIntLE(len + 1); // the size counts the bulk header byte
            out.writeByte(PACKET_COMPR_TYPE_RDP8);
            out.writeBytes(data, offset, len);
        }
        return out;
    }

    /**
     * Wraps {@code data} (readable bytes, not released) in segments compressed by {@code compressor}, each segment
     * sent raw when compression would not shrink it; the caller releases the result. The segments enter the
     * compressor's history, so every container produced must be sent, in order, on the channel the compressor
     * belongs to.
     */
    public static ByteBuf wrap(ByteBuf data, ZgfxCompressor compressor, ByteBufAllocator alloc) {
        int n = data.readableBytes();
        int segments = Math.max(1, (n + MAX_SEGMENT - 1) / MAX_SEGMENT);
        if (segments > 0xFFFF) {
            throw new IllegalArgumentException("message of " + n + " bytes needs more than 65535 segments");
        }
        ByteBuf out = alloc.buffer(n <= MAX_SEGMENT ? 2 + n : 7 + segments * 5 + n);
        try {
            if (n <= MAX_SEGMENT) {
                out.writeByte(SINGLE);
                compressor.compress(data, data.readerIndex(), n, out);
                return out;
            }
            out.writeByte(MULTIPART);
            out.writeShortLE(segments);
            out.writeIntLE(n);
            for (int offset = data.readerIndex(), end = offset + n; offset < end; offset += MAX_SEGMENT) {
                int sizeAt = out.writerIndex();
                out.writeIntLE(0); // size: patched once the segment's encoded length is known
                int size = compressor.compress(data, offset, Math.min(MAX_SEGMENT, end - offset), out);
                out.setIntLE(sizeAt, size);
            }
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /**
     * Reads a container of uncompressed segments into one buffer (caller releases), for the test kit's client and
     * tests. A compressed segment is refused: it needs the channel's {@link ZgfxDecompressor} (the overload below).
     *
     * @param maxSize the largest message accepted
     */
    public static ByteBuf unwrap(ByteBuf src, int maxSize, ByteBufAllocator alloc) {
        return unwrap(src, maxSize, null, alloc);
    }

    /**
     * Reads a container of segments, compressed or not, into one buffer (caller releases), for the test kit's client
     * and tests. The segments' bytes enter {@code decompressor}'s history, which must have seen every earlier
     * container of the channel, in order.
     *
     * @param maxSize      the largest message accepted
     * @param decompressor the channel direction's decoder, or null to refuse compressed segments
     */
    public static ByteBuf unwrap(ByteBuf src, int maxSize, ZgfxDecompressor decompressor, ByteBufAllocator alloc) {
        Wire.ensureReadable(src, 1, NAME);
        int descriptor = src.readUnsignedByte();
        if (descriptor == SINGLE) {
            int n = src.readableBytes() - 1;
            if (decompressor == null) {
                Wire.checkLimit(Math.max(0, n), maxSize, NAME, "segment");
            }
            ByteBuf out = alloc.buffer(Math.max(0, Math.min(n, maxSize)));
            try {
                readSegment(src, src.readableBytes(), out, decompressor, Math.min(maxSize, MAX_SEGMENT));
                return out;
            } catch (RuntimeException e) {
                out.release();
                throw e;
            }
        }
        if (descriptor != MULTIPART) {
            throw DecodeException.invalidField(NAME, "descriptor", "0x" + Integer.toHexString(descriptor));
        }
        Wire.ensureReadable(src, 6, NAME);
        int count = src.readUnsignedShortLE();
        long total = src.readUnsignedIntLE();
        Wire.checkLimit(total, maxSize, NAME, "uncompressedSize");
        // Compressed segments may be larger than their bytes, up to the spec's expansion limit.
        long maxSegmentSize = MAX_SEGMENT + 1L + (decompressor == null ? 0 : MAX_EXPANSION + 1);
        // Grow with the bytes actually decoded: a small container may announce up to maxSize.
        ByteBuf out = alloc.buffer((int) Math.min(total, decompressor == null ? src.readableBytes() : MAX_SEGMENT));
        try {
            for (int i = 0; i < count; i++) {
                Wire.ensureReadable(src, 4, NAME);
                long size = src.readUnsignedIntLE();
                if (size < 1 || size > maxSegmentSize || size > src.readableBytes()) {
                    throw DecodeException.invalidField(NAME, "size", "segment of " + size + " bytes");
                }
                if (decompressor == null && out.readableBytes() + size - 1 > total) {
                    throw DecodeException.invalidField(NAME, "uncompressedSize", "segments exceed " + total + " bytes");
                }
                int room = (int) Math.min(MAX_SEGMENT, total - out.readableBytes());
                readSegment(src, (int) size, out, decompressor, room);
            }
            if (out.readableBytes() != total) {
                throw DecodeException.invalidField(NAME, "uncompressedSize", "segments hold " + out.readableBytes()
                        + " bytes, not " + total);
            }
            Wire.ensureFullyConsumed(src, NAME);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    private static void readSegment(ByteBuf src, int size, ByteBuf out, ZgfxDecompressor decompressor, int room) {
        Wire.ensureReadable(src, Math.max(1, size), NAME);
        if (decompressor != null) {
            // The decompressor checks the header and keeps the segment's output within what is left of the message.
            decompressor.decompress(src.readSlice(size), out, room);
            return;
        }
        int header = src.readUnsignedByte();
        if ((header & 0x0F) != PACKET_COMPR_TYPE_RDP8) {
            throw DecodeException.invalidField(NAME, "header", "not RDP8 bulk data: 0x" + Integer.toHexString(header));
        }
        if ((header & PACKET_COMPRESSED) != 0) {
            throw DecodeException.unsupportedValue(NAME, "header", "ZGFX-compressed segment without a decompressor");
        }
        out.writeBytes(src, size - 1);
    }
}
