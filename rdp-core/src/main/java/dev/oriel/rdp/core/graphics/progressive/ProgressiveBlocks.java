package dev.oriel.rdp.core.graphics.progressive;

import dev.oriel.rdp.core.graphics.rfx.Dwt;
import dev.oriel.rdp.core.graphics.rfx.Quantization;

/**
 * Constants of the RFX_PROGRESSIVE_BITMAP_STREAM ([MS-RDPEGFX] 2.2.4.2) and the per-component coefficient stages the
 * encoder and decoder share: sub-band layouts, quantisation by band, LL3 differential coding.
 */
public final class ProgressiveBlocks {
    /** RDPGFX_CODECID_CAPROGRESSIVE ([MS-RDPEGFX] 2.2.2.2): carried in RDPGFX_WIRE_TO_SURFACE_PDU_2. */
    public static final int CODEC_ID = 0x0009;

    // Block types, [MS-RDPEGFX] 2.2.4.2.1.
    public static final int WBT_SYNC = 0xCCC0;
    public static final int WBT_FRAME_BEGIN = 0xCCC1;
    public static final int WBT_FRAME_END = 0xCCC2;
    public static final int WBT_CONTEXT = 0xCCC3;
    public static final int WBT_REGION = 0xCCC4;
    public static final int WBT_TILE_SIMPLE = 0xCCC5;
    public static final int WBT_TILE_FIRST = 0xCCC6;
    public static final int WBT_TILE_UPGRADE = 0xCCC7;

    /** blockType (2) + blockLen (4). */
    public static final int BLOCK_HEADER_SIZE = 6;
    /** RFX_PROGRESSIVE_SYNC (2.2.4.2.1.1): header + magic (4) + version (2). */
    public static final int SYNC_SIZE = BLOCK_HEADER_SIZE + 4 + 2;
    public static final long SYNC_MAGIC = 0xCACCACCAL;
    public static final int SYNC_VERSION = 0x0100;
    /** RFX_PROGRESSIVE_FRAME_BEGIN (2.2.4.2.1.2): header + frameIndex (4) + regionCount (2). */
    public static final int FRAME_BEGIN_SIZE = BLOCK_HEADER_SIZE + 4 + 2;
    /** RFX_PROGRESSIVE_FRAME_END (2.2.4.2.1.3): the header alone. */
    public static final int FRAME_END_SIZE = BLOCK_HEADER_SIZE;
    /** RFX_PROGRESSIVE_CONTEXT (2.2.4.2.1.4): header + ctxId (1) + tileSize (2) + flags (1). */
    public static final int CONTEXT_SIZE = BLOCK_HEADER_SIZE + 1 + 2 + 1;
    /** RFX_PROGRESSIVE_CONTEXT.flags: sub-band diffing enabled. */
    public static final int RFX_SUBBAND_DIFFING = 0x01;
    /**
     * RFX_PROGRESSIVE_REGION fixed part (2.2.4.2.1.5): header + tileSize (1) + numRects (2) + numQuant (1)
     * + numProgQuant (1) + flags (1) + numTiles (2) + tileDataSize (4).
     */
    public static final int REGION_FIXED_SIZE = BLOCK_HEADER_SIZE + 1 + 2 + 1 + 1 + 1 + 2 + 4;
    /** RFX_PROGRESSIVE_REGION.flags: the reduce-extrapolate DWT (3.2.8.1.2.2) is used for the region's tiles. */
    public static final int RFX_DWT_REDUCE_EXTRAPOLATE = 0x01;
    /** TS_RFX_RECT: x, y, width, height (2 each). */
    public static final int RECT_SIZE = 8;
    /** RFX_PROGRESSIVE_CODEC_QUANT (2.2.4.2.1.5.1): quality (1) + three RFX_COMPONENT_CODEC_QUANT. */
    public static final int PROG_QUANT_SIZE = 1 + 3 * ComponentQuant.SIZE;
    /**
     * RFX_PROGRESSIVE_TILE_SIMPLE fixed part (2.2.4.2.1.5.3): header + quantIdxY/Cb/Cr (3) + xIdx (2) + yIdx (2)
     * + flags (1) + yLen, cbLen, crLen, tailLen (2 each).
     */
    public static final int TILE_SIMPLE_FIXED_SIZE = BLOCK_HEADER_SIZE + 3 + 2 + 2 + 1 + 4 * 2;
    /** RFX_PROGRESSIVE_TILE_FIRST (2.2.4.2.1.5.4): TILE_SIMPLE's fields plus progressiveQuality (1). */
    public static final int TILE_FIRST_FIXED_SIZE = TILE_SIMPLE_FIXED_SIZE + 1;
    /**
     * RFX_PROGRESSIVE_TILE_UPGRADE fixed part (2.2.4.2.1.5.5): header + quantIdxY/Cb/Cr (3) + xIdx (2) + yIdx (2)
     * + progressiveQuality (1) + six lengths (2 each).
     */
    public static final int TILE_UPGRADE_FIXED_SIZE = BLOCK_HEADER_SIZE + 3 + 2 + 2 + 1 + 6 * 2;
    /** RFX_PROGRESSIVE_TILE_SIMPLE/FIRST.flags: the coefficients are a difference to the tile's previous ones. */
    public static final int RFX_TILE_DIFFERENCE = 0x01;
    /** progressiveQuality meaning "full quality": no progressive table applies (2.2.4.2.1.5.4). */
    public static final int QUALITY_FULL = 0xFF;
    /** The only tile size ([MS-RDPEGFX] 2.2.4.2.1.4, 2.2.4.2.1.5). */
    public static final int TILE_SIZE = 64;

    /** Sub-band offsets and lengths in {@link ComponentQuant} wire order, reduce-extrapolate layout. */
    static final int[] EXTRAPOLATE_OFFSETS = {ReduceExtrapolateDwt.LL3, ReduceExtrapolateDwt.HL3,
            ReduceExtrapolateDwt.LH3, ReduceExtrapolateDwt.HH3, ReduceExtrapolateDwt.HL2, ReduceExtrapolateDwt.LH2,
            ReduceExtrapolateDwt.HH2, ReduceExtrapolateDwt.HL1, ReduceExtrapolateDwt.LH1, ReduceExtrapolateDwt.HH1};
    static final int[] EXTRAPOLATE_COUNTS = {81, 72, 72, 64, 272, 272, 256, 1023, 1023, 961};
    /** The same for the classic [MS-RDPRFX] layout, used when a region does not set RFX_DWT_REDUCE_EXTRAPOLATE. */
    static final int[] CLASSIC_OFFSETS = {Dwt.LL3, Dwt.HL3, Dwt.LH3, Dwt.HH3, Dwt.HL2, Dwt.LH2, Dwt.HH2, Dwt.HL1,
            Dwt.LH1, Dwt.HH1};
    static final int[] CLASSIC_COUNTS = {64, 64, 64, 64, 256, 256, 256, 1024, 1024, 1024};

    /**
     * The order in which a TILE_UPGRADE visits the bands, as {@link ComponentQuant} (wire order) indices: their
     * order in the linearised component, HL1, LH1, HH1, HL2, LH2, HH2, HL3, LH3, HH3, then LL3 (3.3.8.2.1.2).
     */
    static final int[] UPGRADE_ORDER = {7, 8, 9, 4, 5, 6, 1, 2, 3, 0};

    private ProgressiveBlocks() {
    }

    /**
     * Quantises a transformed component in place (shifts from {@link ComponentQuant#shifts}), then codes LL3
     * differentially — quantise first, so the differences are of the values the decoder sums back.
     */
    static void quantize(short[] coefficients, int[] shifts, boolean extrapolate) {
        int[] off = extrapolate ? EXTRAPOLATE_OFFSETS : CLASSIC_OFFSETS;
        int[] cnt = extrapolate ? EXTRAPOLATE_COUNTS : CLASSIC_COUNTS;
        for (int b = 0; b < 10; b++) {
            Quantization.quantizeBand(coefficients, off[b], cnt[b], shifts[b]);
        }
        Quantization.differentialEncode(coefficients, off[0], cnt[0]);
    }

    /** Inverse of {@link #quantize}: LL3 running sum, then every band shifted left (16-bit wrap). */
    static void dequantize(short[] coefficients, int[] shifts, boolean extrapolate) {
        int[] off = extrapolate ? EXTRAPOLATE_OFFSETS : CLASSIC_OFFSETS;
        int[] cnt = extrapolate ? EXTRAPOLATE_COUNTS : CLASSIC_COUNTS;
        Quantization.differentialDecode(coefficients, off[0], cnt[0]);
        for (int b = 0; b < 10; b++) {
            Quantization.dequantizeBand(coefficients, off[b], cnt[b], shifts[b]);
        }
    }
}
