package dev.oriel.rdp.core.graphics;

/**
 * Constants of the graphics pipeline's alpha codec ([MS-RDPEGFX] 2.2.4.3 ALPHACODEC_BITMAP_STREAM), sent with
 * {@link #CODEC_ID} in a Wire-to-Surface-1 PDU to set the opacity of an ARGB surface's pixels.
 *
 * <p>A stream is {@code alphaSig} (u16 LE, {@link #SIGNATURE}), {@code compressed} (u16 LE), then either one raw alpha
 * byte per pixel ({@code compressed} = 0) or CLEARCODEC_ALPHA_RLE_SEGMENTs ([MS-RDPEGFX] 2.2.4.3.1): a value byte and
 * a run length that is one byte below 0xFF, else 0xFF then a u16 below 0xFFFF, else 0xFF, 0xFFFF then a u32. Pixels
 * go top-left to bottom-right and runs continue across row ends.
 */
public final class AlphaCodec {
    /** RDPGFX_CODECID_ALPHA ([MS-RDPEGFX] 2.2.2.1). */
    public static final int CODEC_ID = 0x000C;
    /** alphaSig: "LA" read little-endian ([MS-RDPEGFX] 2.2.4.3). */
    public static final int SIGNATURE = 0x414C;
    /** alphaSig and compressed. */
    public static final int HEADER_SIZE = 2 + 2;

    private AlphaCodec() {
    }

    /** Bytes of one RLE segment for a run of {@code run} pixels ([MS-RDPEGFX] 2.2.4.3.1). */
    static int segmentSize(int run) {
        // runValue + runLengthFactor1, + runLengthFactor2 from 255 on, + runLengthFactor3 from 65,535 on.
        return run < 0xFF ? 2 : run < 0xFFFF ? 4 : 8;
    }
}
