package dev.oriel.rdp.core.pdu.update;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * [MS-RDPBCGR] 2.2.9.1.1.3.1.2.2 Bitmap Data (TS_BITMAP_DATA). The destination edges are inclusive; width and height
 * describe the bitmap, which may be larger than the destination (the client clips).
 *
 * @param compressedDataHeader TS_CD_HEADER, present only for compressed data without NO_BITMAP_COMPRESSION_HDR
 */
public record BitmapData(int destLeft, int destTop, int destRight, int destBottom, int width, int height,
        int bitsPerPixel, int flags, Optional<CompressedDataHeader> compressedDataHeader, Bytes bitmapDataStream)
        implements Encodable {
    public static final String NAME = "BitmapData";
    static final int FIXED_PART_SIZE = 2 /* destLeft */ + 2 /* destTop */ + 2 /* destRight */ + 2 /* destBottom */
            + 2 /* width */ + 2 /* height */ + 2 /* bitsPerPixel */ + 2 /* flags */ + 2 /* bitmapLength */;

    public static final int BITMAP_COMPRESSION = 0x0001;
    public static final int NO_BITMAP_COMPRESSION_HDR = 0x0400;

    public BitmapData {
        if (width == 0 || height == 0) {
            throw new IllegalArgumentException("empty bitmap");
        }
        boolean headerExpected = (flags & BITMAP_COMPRESSION) != 0 && (flags & NO_BITMAP_COMPRESSION_HDR) == 0;
        if (headerExpected != compressedDataHeader.isPresent()) {
            throw new IllegalArgumentException("compressedDataHeader must be present exactly when flags require it");
        }
        Wire.requireUnsigned(bitmapDataStream.length() + (compressedDataHeader.isPresent() ? CompressedDataHeader.SIZE : 0),
                0xFFFF, "bitmapLength");
    }

    public boolean compressed() {
        return (flags & BITMAP_COMPRESSION) != 0;
    }

    public static BitmapData decode(ByteBuf src) {
        Wire.ensureReadable(src, FIXED_PART_SIZE, NAME);
        int left = src.readUnsignedShortLE();
        int top = src.readUnsignedShortLE();
        int right = src.readUnsignedShortLE();
        int bottom = src.readUnsignedShortLE();
        int width = src.readUnsignedShortLE();
        int height = src.readUnsignedShortLE();
        int bpp = src.readUnsignedShortLE();
        int flags = src.readUnsignedShortLE();
        int length = src.readUnsignedShortLE();
        if (width == 0 || height == 0) {
            throw DecodeException.invalidField(NAME, "width", "empty bitmap " + width + "x" + height);
        }
        Optional<CompressedDataHeader> header = Optional.empty();
        if ((flags & BITMAP_COMPRESSION) != 0 && (flags & NO_BITMAP_COMPRESSION_HDR) == 0) {
            if (length < CompressedDataHeader.SIZE) {
                throw DecodeException.invalidField(NAME, "bitmapLength", "shorter than TS_CD_HEADER: " + length);
            }
            header = Optional.of(CompressedDataHeader.decode(src));
            length -= CompressedDataHeader.SIZE;
        }
        if (length > src.readableBytes()) {
            throw DecodeException.invalidField(NAME, "bitmapLength", length + " exceeds the " + src.readableBytes()
                    + " remaining bytes");
        }
        return new BitmapData(left, top, right, bottom, width, height, bpp, flags, header, Bytes.read(src, length));
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(destLeft);
        dst.writeShortLE(destTop);
        dst.writeShortLE(destRight);
        dst.writeShortLE(destBottom);
        dst.writeShortLE(width);
        dst.writeShortLE(height);
        dst.writeShortLE(bitsPerPixel);
        dst.writeShortLE(flags);
        dst.writeShortLE(bitmapDataStream.length() + (compressedDataHeader.isPresent() ? CompressedDataHeader.SIZE : 0));
        compressedDataHeader.ifPresent(h -> h.encode(dst));
        bitmapDataStream.writeTo(dst);
    }

    @Override
    public int size() {
        return FIXED_PART_SIZE + (compressedDataHeader.isPresent() ? CompressedDataHeader.SIZE : 0)
                + bitmapDataStream.length();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** [MS-RDPBCGR] 2.2.9.1.1.3.1.2.3 Compressed Data Header (TS_CD_HEADER). */
    public record CompressedDataHeader(int cbCompFirstRowSize, int cbCompMainBodySize, int cbScanWidth,
            int cbUncompressedSize) implements Encodable {
        public static final int SIZE = 8;

        public static CompressedDataHeader decode(ByteBuf src) {
            Wire.ensureReadable(src, SIZE, "CompressedDataHeader");
            return new CompressedDataHeader(src.readUnsignedShortLE(), src.readUnsignedShortLE(),
                    src.readUnsignedShortLE(), src.readUnsignedShortLE());
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeShortLE(cbCompFirstRowSize);
            dst.writeShortLE(cbCompMainBodySize);
            dst.writeShortLE(cbScanWidth);
            dst.writeShortLE(cbUncompressedSize);
        }

        @Override
        public int size() {
            return SIZE;
        }

        @Override
        public String name() {
            return "CompressedDataHeader";
        }
    }
}
