package dev.oriel.rdp.core.graphics.rfx;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Encodes one 64×64 RemoteFX tile ([MS-RDPRFX] 3.1.8.1): colour conversion, three-level DWT, quantisation, LL3
 * differential coding and RLGR, for each of Y, Cb and Cr.
 *
 * <p>Not thread-safe: holds scratch planes and output buffers; keep one per encoding thread. Allocation-free after
 * construction. The encoded streams stay valid until the next {@link #encode}.
 */
public final class RfxTileEncoder {
    /** Component indices for {@link #data} and {@link #length}. */
    public static final int Y = 0;
    public static final int CB = 1;
    public static final int CR = 2;

    /**
     * Room for one component's RLGR stream. The tile's YLen, CbLen and CrLen are 16-bit fields ([MS-RDPRFX]
     * 2.2.2.3.4.1); real streams of quantised 8-bit content stay far below this (a few KiB at worst).
     */
    static final int MAX_COMPONENT_BYTES = 0xFFFF;

    private final short[][] planes = {new short[4096], new short[4096], new short[4096]};
    private final short[] scratch = new short[4096];
    private final byte[][] out = {new byte[MAX_COMPONENT_BYTES], new byte[MAX_COMPONENT_BYTES],
            new byte[MAX_COMPONENT_BYTES]};
    private final int[] lengths = new int[3];

    /**
     * Encodes the {@code width × height} pixels (1..64 each) of {@code argb} (0xAARRGGBB, {@code stride} ints per
     * row, from {@code offset}) as one tile; a partial tile is padded by edge replication.
     */
    public void encode(int[] argb, int offset, int stride, int width, int height, RfxQuant quantY, RfxQuant quantCb,
            RfxQuant quantCr, RlgrMode mode) {
        if (width < 1 || width > 64 || height < 1 || height > 64) {
            throw new IllegalArgumentException("tile size " + width + "x" + height);
        }
        if (isFlat(argb, offset, stride, width, height)) {
            int p = argb[offset];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            lengths[Y] = flatComponent(RfxColor.y(r, g, b), quantY, mode, Y);
            lengths[CB] = flatComponent(RfxColor.cb(r, g, b), quantCb, mode, CB);
            lengths[CR] = flatComponent(RfxColor.cr(r, g, b), quantCr, mode, CR);
            return;
        }
        RfxColor.toYCbCr(argb, offset, stride, width, height, planes[Y], planes[CB], planes[CR]);
        lengths[Y] = component(planes[Y], quantY, mode, out[Y]);
        lengths[CB] = component(planes[CB], quantCb, mode, out[CB]);
        lengths[CR] = component(planes[CR], quantCr, mode, out[CR]);
    }

    /** Whether every pixel has the same RGB (alpha is not coded). Flat tiles are common on desktops. */
    private static boolean isFlat(int[] argb, int offset, int stride, int width, int height) {
        int first = argb[offset] & 0xFF_FFFF;
        for (int row = 0; row < height; row++) {
            int s = offset + row * stride;
            for (int col = 0; col < width; col++) {
                if ((argb[s + col] & 0xFF_FFFF) != first) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A constant component, without the transform: lifting a constant gives zero high bands and the constant in
     * every low band, so after the DWT only LL3 holds the value, and after the LL3 differential only its first
     * coefficient. The bytes equal the general path's.
     */
    private int flatComponent(int value, RfxQuant quant, RlgrMode mode, int component) {
        short[] plane = planes[component];
        Arrays.fill(plane, (short) 0);
        plane[Dwt.LL3] = (short) Quantization.quantize(value, quant.ll3());
        return Rlgr.encode(mode, plane, out[component], 0, out[component].length);
    }

    private int component(short[] plane, RfxQuant quant, RlgrMode mode, byte[] dst) {
        Dwt.forward(plane, scratch);
        Quantization.quantize(plane, quant);
        Quantization.differentialEncode(plane);
        return Rlgr.encode(mode, plane, dst, 0, dst.length);
    }

    /** The encoded stream of a component ({@link #Y}, {@link #CB}, {@link #CR}): the first {@link #length} bytes. */
    public byte[] data(int component) {
        return out[component];
    }

    public int length(int component) {
        return lengths[component];
    }

    /** Writes YData, CbData and CrData back to back. */
    public void writeTo(ByteBuf dst) {
        dst.writeBytes(out[Y], 0, lengths[Y]);
        dst.writeBytes(out[CB], 0, lengths[CB]);
        dst.writeBytes(out[CR], 0, lengths[CR]);
    }
}
