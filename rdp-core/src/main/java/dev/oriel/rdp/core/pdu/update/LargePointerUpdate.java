package dev.oriel.rdp.core.pdu.update;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.9.1.1.4.7 Large Pointer Update (TS_LARGEPOINTERATTRIBUTE): like the New Pointer Update, with
 * 4-byte mask lengths and sizes up to 384×384, for clients with LARGE_POINTER_FLAG_384x384.
 */
public record LargePointerUpdate(int xorBpp, int cacheIndex, int hotSpotX, int hotSpotY, int width, int height,
        Bytes xorMaskData, Bytes andMaskData) implements Encodable {
    public static final String NAME = "LargePointerUpdate";
    static final int FIXED_PART_SIZE = 2 /* xorBpp */ + 2 /* cacheIndex */ + 4 /* hotSpot */ + 2 /* width */
            + 2 /* height */ + 4 /* lengthAndMask */ + 4 /* lengthXorMask */;
    public static final int MAX_SIZE = 384;

    public LargePointerUpdate {
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("pointer size must be 1..384: " + width + "x" + height);
        }
        PointerMasks.check(NAME, width, height, xorBpp, xorMaskData.length(), andMaskData.length());
    }

    public static LargePointerUpdate decode(ByteBuf src) {
        Wire.ensureReadable(src, FIXED_PART_SIZE, NAME);
        int bpp = src.readUnsignedShortLE();
        int cacheIndex = src.readUnsignedShortLE();
        int hx = src.readUnsignedShortLE();
        int hy = src.readUnsignedShortLE();
        int width = src.readUnsignedShortLE();
        int height = src.readUnsignedShortLE();
        long andLength = src.readUnsignedIntLE();
        long xorLength = src.readUnsignedIntLE();
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw DecodeException.invalidField(NAME, "width", "pointer size " + width + "x" + height + " outside 1..384");
        }
        PointerMasks.check(NAME, width, height, bpp, xorLength, andLength);
        Wire.ensureReadable(src, xorLength + andLength, NAME);
        return new LargePointerUpdate(bpp, cacheIndex, hx, hy, width, height, Bytes.read(src, (int) xorLength),
                Bytes.read(src, (int) andLength));
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(xorBpp);
        dst.writeShortLE(cacheIndex);
        dst.writeShortLE(hotSpotX);
        dst.writeShortLE(hotSpotY);
        dst.writeShortLE(width);
        dst.writeShortLE(height);
        dst.writeIntLE(andMaskData.length());
        dst.writeIntLE(xorMaskData.length());
        xorMaskData.writeTo(dst);
        andMaskData.writeTo(dst);
    }

    @Override
    public int size() {
        return FIXED_PART_SIZE + xorMaskData.length() + andMaskData.length();
    }

    @Override
    public String name() {
        return NAME;
    }
}
