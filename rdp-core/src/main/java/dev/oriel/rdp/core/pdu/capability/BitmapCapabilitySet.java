package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.7.1.2 Bitmap Capability Set (TS_BITMAP_CAPABILITYSET). */
public record BitmapCapabilitySet(int preferredBitsPerPixel, int receive1BitPerPixel, int receive4BitsPerPixel,
        int receive8BitsPerPixel, int desktopWidth, int desktopHeight, int desktopResizeFlag, int bitmapCompressionFlag,
        int highColorFlags, int drawingFlags, int multipleRectangleSupport) implements CapabilitySet {

    public static final int BODY_SIZE = 2 /* preferredBitsPerPixel */ + 2 /* receive1BitPerPixel */
            + 2 /* receive4BitsPerPixel */ + 2 /* receive8BitsPerPixel */ + 2 /* desktopWidth */ + 2 /* desktopHeight */
            + 2 /* pad2octets */ + 2 /* desktopResizeFlag */ + 2 /* bitmapCompressionFlag */ + 1 /* highColorFlags */
            + 1 /* drawingFlags */ + 2 /* multipleRectangleSupport */ + 2 /* pad2octetsB */;

    public static final int DRAW_ALLOW_DYNAMIC_COLOR_FIDELITY = 0x02;
    public static final int DRAW_ALLOW_COLOR_SUBSAMPLING = 0x04;
    public static final int DRAW_ALLOW_SKIP_ALPHA = 0x08;

    /** The server's set: the session's colour depth and desktop size, compression on, desktop resize allowed. */
    public static BitmapCapabilitySet server(int bitsPerPixel, int width, int height) {
        return new BitmapCapabilitySet(bitsPerPixel, 1, 1, 1, width, height, 1, 1, 0, 0, 1);
    }

    static BitmapCapabilitySet decodeBody(ByteBuf src) {
        int bpp = src.readUnsignedShortLE();
        int r1 = src.readUnsignedShortLE();
        int r4 = src.readUnsignedShortLE();
        int r8 = src.readUnsignedShortLE();
        int w = src.readUnsignedShortLE();
        int h = src.readUnsignedShortLE();
        src.skipBytes(2);
        int resize = src.readUnsignedShortLE();
        int compression = src.readUnsignedShortLE();
        int highColor = src.readUnsignedByte();
        int drawing = src.readUnsignedByte();
        int multiRect = src.readUnsignedShortLE();
        src.skipBytes(2);
        return new BitmapCapabilitySet(bpp, r1, r4, r8, w, h, resize, compression, highColor, drawing, multiRect);
    }

    @Override
    public int type() {
        return CAPSTYPE_BITMAP;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(preferredBitsPerPixel);
        dst.writeShortLE(receive1BitPerPixel);
        dst.writeShortLE(receive4BitsPerPixel);
        dst.writeShortLE(receive8BitsPerPixel);
        dst.writeShortLE(desktopWidth);
        dst.writeShortLE(desktopHeight);
        dst.writeShortLE(0);
        dst.writeShortLE(desktopResizeFlag);
        dst.writeShortLE(bitmapCompressionFlag);
        dst.writeByte(highColorFlags);
        dst.writeByte(drawingFlags);
        dst.writeShortLE(multipleRectangleSupport);
        dst.writeShortLE(0);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "BitmapCapabilitySet";
    }
}
