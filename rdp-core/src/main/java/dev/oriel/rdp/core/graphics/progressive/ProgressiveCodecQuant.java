package dev.oriel.rdp.core.graphics.progressive;

import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPEGFX] 2.2.4.2.1.5.1 RFX_PROGRESSIVE_CODEC_QUANT: a progressive quantisation table, the number of bits of
 * each band (per component) that a pass leaves out on top of the region's quantVals. A tile's progressiveQuality
 * indexes the region's array of these; 0xFF stands for the all-zero table (full quality).
 *
 * @param quality informative 0..100 (100: the tile reaches its final quality); decoders ignore it
 */
public record ProgressiveCodecQuant(int quality, ComponentQuant y, ComponentQuant cb, ComponentQuant cr) {
    /** quality (1) + three RFX_COMPONENT_CODEC_QUANT. */
    public static final int SIZE = 1 + 3 * ComponentQuant.SIZE;

    public ProgressiveCodecQuant {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality " + quality + " outside 0..100");
        }
    }

    /** The table of component {@code c} (0 Y, 1 Cb, 2 Cr). */
    public ComponentQuant component(int c) {
        return switch (c) {
            case 0 -> y;
            case 1 -> cb;
            case 2 -> cr;
            default -> throw new IllegalArgumentException("component " + c);
        };
    }

    public void encode(ByteBuf dst) {
        dst.writeByte(quality);
        y.encode(dst);
        cb.encode(dst);
        cr.encode(dst);
    }
}
