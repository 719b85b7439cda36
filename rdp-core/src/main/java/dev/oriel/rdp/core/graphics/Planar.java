package dev.oriel.rdp.core.graphics;

/**
 * Constants of the RDP 6.0 planar bitmap codec ([MS-RDPEGDI] 2.2.2.5.1 RDP6_BITMAP_STREAM).
 *
 * <p>A stream is a FormatHeader byte followed by the planes Alpha (unless NA), Red or Luma, Green or Orange chroma,
 * Blue or Green chroma, each either raw ({@code width × height} bytes, with one pad byte after the last plane) or
 * RLE-compressed scan line by scan line ({@link #RLE}). Scan lines after the first hold the difference from the line
 * above, folded to an unsigned byte (sign in bit 0).
 */
public final class Planar {
    /** FormatHeader: colour loss level (YCoCg when non-zero). */
    public static final int CLL_MASK = 0x07;
    /** FormatHeader: chroma subsampling. */
    public static final int CS = 0x08;
    /** FormatHeader: RLE-compressed planes. */
    public static final int RLE = 0x10;
    /** FormatHeader: no alpha plane. */
    public static final int NA = 0x20;

    private Planar() {
    }

    /** Folds a signed delta (−128..127) into a byte with the sign in bit 0 ([MS-RDPEGDI] 3.1.9.1.3). */
    static int foldDelta(int delta) {
        int d = (byte) delta;
        return d >= 0 ? (d << 1) & 0xFF : ((-d << 1) - 1) & 0xFF;
    }

    /** The inverse of {@link #foldDelta}. */
    static int unfoldDelta(int folded) {
        return (folded & 1) != 0 ? -((folded + 1) >> 1) : folded >> 1;
    }
}
