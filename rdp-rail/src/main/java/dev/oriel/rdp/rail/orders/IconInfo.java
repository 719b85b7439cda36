package dev.oriel.rdp.rail.orders;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * [MS-RDPERP] 2.2.1.2.3 TS_ICON_INFO: cacheEntry (2), cacheId (1), bpp (1), width (2), height (2), cbColorTable (2,
 * only when bpp ≤ 8), cbBitsMask (2), cbBitsColor (2), bitsMask, colorTable (only when bpp ≤ 8), bitsColor.
 * Both bitmaps are bottom-up DIB rows padded to 4 bytes; the AND mask is 1 bpp with bit 1 = transparent.
 *
 * @param cacheEntry {@link #NO_CACHE_ENTRY} or an entry within the client's NumIconCacheEntries
 * @param cacheId    {@link #NO_CACHE_ID} or a cache within the client's NumIconCaches (P-RAIL-4)
 */
public record IconInfo(int cacheEntry, int cacheId, int bpp, int width, int height, byte[] colorTable,
        byte[] bitsMask, byte[] bitsColor) {
    public static final String NAME = "IconInfo";
    public static final int NO_CACHE_ENTRY = 0xFFFF;
    public static final int NO_CACHE_ID = 0xFF;

    public IconInfo {
        Wire.requireUnsigned(cacheEntry, 0xFFFF, "cacheEntry");
        Wire.requireUnsigned(cacheId, 0xFF, "cacheId");
        if (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32) {
            throw new IllegalArgumentException("bpp must be 1, 4, 8, 16, 24 or 32: " + bpp);
        }
        Wire.requireUnsigned(width, 0xFFFF, "width");
        Wire.requireUnsigned(height, 0xFFFF, "height");
        if (bpp > 8 && colorTable.length != 0) {
            throw new IllegalArgumentException("a colour table needs bpp <= 8");
        }
        for (byte[] b : new byte[][] {colorTable, bitsMask, bitsColor}) {
            Wire.requireUnsigned(b.length, 0xFFFF, "icon bitmap length");
        }
        colorTable = colorTable.clone();
        bitsMask = bitsMask.clone();
        bitsColor = bitsColor.clone();
    }

    /**
     * A 32 bpp icon from {@code 0xAARRGGBB} pixels (row-major, top row first): bottom-up BGRA colour rows and an
     * all-zero AND mask, so the alpha channel alone decides transparency (P-RAIL-6: xfreerdp lets a set mask bit
     * override alpha).
     */
    public static IconInfo fromArgb(int width, int height, int[] argb) {
        if (argb.length < width * height) {
            throw new IllegalArgumentException("need " + width * height + " pixels, got " + argb.length);
        }
        byte[] color = new byte[width * height * 4];
        int o = 0;
        for (int y = height - 1; y >= 0; y--) {
            for (int x = 0; x < width; x++) {
                int p = argb[y * width + x];
                color[o++] = (byte) p;
                color[o++] = (byte) (p >>> 8);
                color[o++] = (byte) (p >>> 16);
                color[o++] = (byte) (p >>> 24);
            }
        }
        int maskStride = ((width + 31) / 32) * 4;
        return new IconInfo(NO_CACHE_ENTRY, NO_CACHE_ID, 32, width, height, new byte[0], new byte[maskStride * height],
                color);
    }

    @Override
    public byte[] colorTable() {
        return colorTable.clone();
    }

    @Override
    public byte[] bitsMask() {
        return bitsMask.clone();
    }

    @Override
    public byte[] bitsColor() {
        return bitsColor.clone();
    }

    public int size() {
        return 12 + (bpp <= 8 ? 2 + colorTable.length : 0) + bitsMask.length + bitsColor.length;
    }

    public void encode(ByteBuf dst) {
        dst.writeShortLE(cacheEntry);
        dst.writeByte(cacheId);
        dst.writeByte(bpp);
        dst.writeShortLE(width);
        dst.writeShortLE(height);
        if (bpp <= 8) {
            dst.writeShortLE(colorTable.length);
        }
        dst.writeShortLE(bitsMask.length);
        dst.writeShortLE(bitsColor.length);
        dst.writeBytes(bitsMask);
        if (bpp <= 8) {
            dst.writeBytes(colorTable);
        }
        dst.writeBytes(bitsColor);
    }

    static IconInfo decode(ByteBuf src, String pdu) {
        Wire.ensureReadable(src, 8, pdu);
        int cacheEntry = src.readUnsignedShortLE();
        int cacheId = src.readUnsignedByte();
        int bpp = src.readUnsignedByte();
        if (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32) {
            throw DecodeException.unsupportedValue(pdu, "bpp", Integer.toString(bpp));
        }
        int width = src.readUnsignedShortLE();
        int height = src.readUnsignedShortLE();
        int cbColorTable = 0;
        if (bpp <= 8) {
            Wire.ensureReadable(src, 2, pdu);
            cbColorTable = src.readUnsignedShortLE();
        }
        Wire.ensureReadable(src, 4, pdu);
        int cbBitsMask = src.readUnsignedShortLE();
        int cbBitsColor = src.readUnsignedShortLE();
        byte[] mask = bytes(src, cbBitsMask, pdu, "cbBitsMask");
        byte[] table = bytes(src, cbColorTable, pdu, "cbColorTable");
        byte[] color = bytes(src, cbBitsColor, pdu, "cbBitsColor");
        return new IconInfo(cacheEntry, cacheId, bpp, width, height, table, mask, color);
    }

    private static byte[] bytes(ByteBuf src, int n, String pdu, String field) {
        byte[] b = new byte[n];
        Wire.readSlice(src, n, pdu, field).readBytes(b);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IconInfo i && cacheEntry == i.cacheEntry && cacheId == i.cacheId && bpp == i.bpp
                && width == i.width && height == i.height && Arrays.equals(colorTable, i.colorTable)
                && Arrays.equals(bitsMask, i.bitsMask) && Arrays.equals(bitsColor, i.bitsColor);
    }

    @Override
    public int hashCode() {
        return ((cacheEntry * 31 + cacheId) * 31 + bpp) * 31 + Arrays.hashCode(bitsColor);
    }

    @Override
    public String toString() {
        return "IconInfo[cache=" + cacheId + "/" + cacheEntry + ", " + width + "x" + height + "x" + bpp + ", mask="
                + bitsMask.length + "B, color=" + bitsColor.length + "B, table=" + colorTable.length + "B, colorHead="
                + HexFormat.of().formatHex(bitsColor, 0, Math.min(8, bitsColor.length)) + "]";
    }
}
