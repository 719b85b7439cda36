package dev.oriel.rdp.core.graphics;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * RDP 6.0 planar decoder ([MS-RDPEGDI] 3.1.9.2): raw or RLE planes, with or without alpha, RGB or YCoCg with colour
 * loss and chroma subsampling. Used by tests and the client test kit to check what the server sends. Malformed input
 * gives a {@link DecodeException}.
 */
public final class PlanarDecoder {
    static final String NAME = "PlanarBitmap";

    private PlanarDecoder() {
    }

    /**
     * Decodes a whole RDP6_BITMAP_STREAM (the buffer's readable bytes) of {@code width × height} pixels into ARGB,
     * top row first. {@code bottomUp} says the stream's first row is the image's last (bitmap updates).
     */
    public static int[] decode(ByteBuf src, int width, int height, boolean bottomUp) {
        if (width < 1 || height < 1 || (long) width * height > 1 << 24) {
            throw DecodeException.invalidField(NAME, "size", width + "x" + height);
        }
        Wire.ensureReadable(src, 1, NAME);
        int header = src.readUnsignedByte();
        int cll = header & Planar.CLL_MASK;
        boolean cs = (header & Planar.CS) != 0;
        boolean rle = (header & Planar.RLE) != 0;
        boolean alpha = (header & Planar.NA) == 0;
        if (cs && cll == 0) {
            throw DecodeException.invalidField(NAME, "FormatHeader", "chroma subsampling without YCoCg");
        }
        int subW = (width + 1) / 2;
        int subH = (height + 1) / 2;
        int chromaW = cs ? subW : width;
        int chromaH = cs ? subH : height;

        byte[] a = null;
        if (alpha) {
            a = plane(src, width, height, rle, "AlphaPlane");
        }
        byte[] p0 = plane(src, width, height, rle, "LumaOrRedPlane");
        byte[] p1 = plane(src, chromaW, chromaH, rle, "OrangeChromaOrGreenPlane");
        byte[] p2 = plane(src, chromaW, chromaH, rle, "GreenChromaOrBluePlane");
        if (!rle && src.readableBytes() == 1) {
            src.skipBytes(1); // Pad
        }
        Wire.ensureFullyConsumed(src, NAME);

        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            int dstRow = bottomUp ? height - 1 - y : y;
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int alphaValue = a == null ? 0xFF : a[i] & 0xFF;
                int ci = cs ? (y / 2) * chromaW + x / 2 : i;
                int r;
                int g;
                int b;
                if (cll == 0) {
                    r = p0[i] & 0xFF;
                    g = p1[ci] & 0xFF;
                    b = p2[ci] & 0xFF;
                } else {
                    // [MS-RDPEGDI] 3.1.9.1.2: chroma was shifted right by cll − 1 and stored as signed bytes. The
                    // orange chroma's sign is as FreeRDP's decoder and IronRDP's test images have it (R = t − Co).
                    int luma = p0[i] & 0xFF;
                    int co = (byte) ((p1[ci] & 0xFF) << (cll - 1));
                    int cg = (byte) ((p2[ci] & 0xFF) << (cll - 1));
                    int t = luma - cg;
                    r = clamp(t - co);
                    g = clamp(luma + cg);
                    b = clamp(t + co);
                }
                out[dstRow * width + x] = alphaValue << 24 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    static byte[] plane(ByteBuf src, int width, int height, boolean rle, String field) {
        byte[] out = new byte[width * height];
        if (!rle) {
            Wire.ensureReadable(src, out.length, NAME);
            src.readBytes(out);
            return out;
        }
        for (int y = 0; y < height; y++) {
            int x = 0;
            int value = 0;
            int base = y * width;
            while (x < width) {
                Wire.ensureReadable(src, 1, NAME);
                int control = src.readUnsignedByte();
                // [MS-RDPEGDI] 2.2.2.5.1.1: nRunLength in the low nibble, cRawBytes in the high nibble.
                int run = control & 0x0F;
                int raw = control >> 4;
                if (run == 1) {
                    run = 16 + raw;
                    raw = 0;
                } else if (run == 2) {
                    run = 32 + raw;
                    raw = 0;
                }
                if (x + raw + run > width) {
                    throw DecodeException.invalidField(NAME, field, "RLE segment crosses the end of scan line " + y);
                }
                Wire.ensureReadable(src, raw, NAME);
                for (int k = 0; k < raw; k++) {
                    value = src.readUnsignedByte();
                    out[base + x] = (byte) pixel(out, base, x, width, y, value);
                    x++;
                }
                for (int k = 0; k < run; k++) {
                    out[base + x] = (byte) pixel(out, base, x, width, y, value);
                    x++;
                }
            }
        }
        return out;
    }

    /** The decoded value at column {@code x}: absolute on the first line, a folded delta from the line above after. */
    private static int pixel(byte[] out, int base, int x, int width, int y, int value) {
        if (y == 0) {
            return value;
        }
        return ((out[base - width + x] & 0xFF) + Planar.unfoldDelta(value)) & 0xFF;
    }
}
