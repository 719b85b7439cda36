package dev.oriel.rdp.core.graphics.clear;

/**
 * Constants of ClearCodec ([MS-RDPEGFX] 2.2.4.1 CLEARCODEC_BITMAP_STREAM and the decompressor state of 3.3.1.9 to
 * 3.3.1.13).
 *
 * <p>A stream is {@code flags} (u8), {@code seqNumber} (u8), {@code glyphIndex} (u16 LE, only with
 * {@link #FLAG_GLYPH_INDEX}) and, unless {@link #FLAG_GLYPH_HIT}, a CLEARCODEC_COMPOSITE_PAYLOAD (2.2.4.1.1): three
 * u32 LE byte counts, then the residual layer (BGR runs over the whole region), the bands layer (columns of at most
 * 52 pixels, each a vBar from the caches or a short vBar on a background colour) and the subcodec layer (rectangles,
 * uncompressed BGR or RLEX palette runs), each drawn over the previous one.
 */
public final class ClearCodec {
    /** RDPGFX_CODECID_CLEARCODEC ([MS-RDPEGFX] 2.2.2.1). */
    public static final int CODEC_ID = 0x0008;

    /** glyphIndex is present; only for regions of at most {@link #MAX_GLYPH_AREA} pixels (2.2.4.1). */
    static final int FLAG_GLYPH_INDEX = 0x01;
    /** The pixels are Glyph Storage entry glyphIndex; no composite payload follows (2.2.4.1). */
    static final int FLAG_GLYPH_HIT = 0x02;
    /** Both vBar storage cursors go back to 0 before decoding (2.2.4.1). */
    static final int FLAG_CACHE_RESET = 0x04;
    static final int KNOWN_FLAGS = FLAG_GLYPH_INDEX | FLAG_GLYPH_HIT | FLAG_CACHE_RESET;

    /** Decompressor Glyph Storage entries (3.3.1.9). */
    static final int GLYPH_STORAGE_SIZE = 4000;
    /** Largest region that may carry a glyphIndex: 1024 square pixels (2.2.4.1). */
    static final int MAX_GLYPH_AREA = 1024;
    /** V-Bar Storage entries (3.3.1.10); a VBAR_CACHE_HIT index is 15 bits. */
    static final int VBAR_STORAGE_SIZE = 32768;
    /** Short V-Bar Storage entries (3.3.1.12); a SHORT_VBAR_CACHE_HIT index is 14 bits. */
    static final int SHORT_VBAR_STORAGE_SIZE = 16384;
    /** Tallest band: yEnd − yStart + 1 ≤ 52 (2.2.4.1.1.2.1), and so the longest short vBar. */
    static final int MAX_BAND_HEIGHT = 52;
    /** Largest RLEX palette (2.2.4.1.1.3.1.1: paletteCount ≤ 127). */
    static final int MAX_PALETTE = 127;

    /** subCodecId values (2.2.4.1.1.3.1). */
    static final int SUBCODEC_UNCOMPRESSED = 0;
    static final int SUBCODEC_NSCODEC = 1;
    static final int SUBCODEC_RLEX = 2;

    /** residualByteCount, bandsByteCount, subcodecByteCount. */
    static final int COMPOSITE_HEADER_SIZE = 4 + 4 + 4;
    /** xStart, xEnd, yStart, yEnd (u16 each), blueBkg, greenBkg, redBkg. */
    static final int BAND_HEADER_SIZE = 2 + 2 + 2 + 2 + 3;
    /** xStart, yStart, width, height (u16 each), bitmapDataByteCount (u32), subCodecId (u8). */
    static final int SUBCODEC_HEADER_SIZE = 2 + 2 + 2 + 2 + 4 + 1;

    private ClearCodec() {
    }

    /**
     * Bytes of a run length in the form shared by residual segments (2.2.4.1.1.1.1) and RLEX segments
     * (2.2.4.1.1.3.1.1.1): one byte below 0xFF, else 0xFF and a u16 below 0xFFFF, else 0xFF, 0xFFFF and a u32.
     */
    static int runLengthSize(int run) {
        return run < 0xFF ? 1 : run < 0xFFFF ? 3 : 7;
    }
}
