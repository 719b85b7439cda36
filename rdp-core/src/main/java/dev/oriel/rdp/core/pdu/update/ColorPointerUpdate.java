package dev.oriel.rdp.core.pdu.update;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.9.1.1.4.4 Color Pointer Update (TS_COLORPOINTERATTRIBUTE): a pointer image with a bottom-up XOR
 * mask (24 bpp here; the bpp of {@link NewPointerUpdate} otherwise) and a bottom-up 1-bpp AND mask.
 *
 * @param xorBpp the XOR mask depth: 24 for the Color Pointer Update, the enclosing xorBpp inside a New Pointer
 * @param pad    whether the optional trailing pad byte is present
 */
public record ColorPointerUpdate(int xorBpp, int cacheIndex, int hotSpotX, int hotSpotY, int width, int height,
        Bytes xorMaskData, Bytes andMaskData, boolean pad) implements Encodable {
    public static final String NAME = "ColorPointerUpdate";
    static final int FIXED_PART_SIZE = 2 /* cacheIndex */ + 4 /* hotSpot */ + 2 /* width */ + 2 /* height */
            + 2 /* lengthAndMask */ + 2 /* lengthXorMask */;
    /** The largest pointer FreeRDP accepts here when the client supports large pointers (else 32). */
    public static final int MAX_SIZE = 96;

    public ColorPointerUpdate {
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("pointer size must be 1..96: " + width + "x" + height);
        }
        PointerMasks.check(NAME, width, height, xorBpp, xorMaskData.length(), andMaskData.length());
    }

    /** Decodes a bounded body (the update's size), which tells whether the optional pad byte is there. */
    public static ColorPointerUpdate decode(ByteBuf src, int xorBpp) {
        Wire.ensureReadable(src, FIXED_PART_SIZE, NAME);
        int cacheIndex = src.readUnsignedShortLE();
        int hx = src.readUnsignedShortLE();
        int hy = src.readUnsignedShortLE();
        int width = src.readUnsignedShortLE();
        int height = src.readUnsignedShortLE();
        int andLength = src.readUnsignedShortLE();
        int xorLength = src.readUnsignedShortLE();
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw DecodeException.invalidField(NAME, "width", "pointer size " + width + "x" + height + " outside 1..96");
        }
        PointerMasks.check(NAME, width, height, xorBpp, xorLength, andLength);
        Wire.ensureReadable(src, (long) xorLength + andLength, NAME);
        Bytes xor = Bytes.read(src, xorLength);
        Bytes and = Bytes.read(src, andLength);
        boolean pad = false;
        if (src.readableBytes() == 1) {
            src.skipBytes(1);
            pad = true;
        }
        return new ColorPointerUpdate(xorBpp, cacheIndex, hx, hy, width, height, xor, and, pad);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(cacheIndex);
        dst.writeShortLE(hotSpotX);
        dst.writeShortLE(hotSpotY);
        dst.writeShortLE(width);
        dst.writeShortLE(height);
        dst.writeShortLE(andMaskData.length());
        dst.writeShortLE(xorMaskData.length());
        xorMaskData.writeTo(dst);
        andMaskData.writeTo(dst);
        if (pad) {
            dst.writeByte(0);
        }
    }

    @Override
    public int size() {
        return FIXED_PART_SIZE + xorMaskData.length() + andMaskData.length() + (pad ? 1 : 0);
    }

    @Override
    public String name() {
        return NAME;
    }
}
