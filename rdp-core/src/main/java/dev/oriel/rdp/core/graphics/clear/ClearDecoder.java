package dev.oriel.rdp.core.graphics.clear;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * ClearCodec decompressor ([MS-RDPEGFX] 2.2.4.1, 3.3.1.9–3.3.1.13): decodes CLEARCODEC_BITMAP_STREAMs into opaque
 * 0xFFRRGGBB pixels, keeping the client's Glyph Storage, V-Bar Storage and Short V-Bar Storage with their cursors,
 * and the expected sequence number. Used by tests and the client test kit to check what the server sends.
 *
 * <p>One instance per graphics channel, like the client's one decompressor per session; not thread-safe. Streams
 * must be decoded in the order they were sent.
 *
 * <p>Strict where FreeRDP is lenient, since its job is to check a server: a cache hit on an entry that was never
 * written, a vBar of the wrong height, a short vBar that runs past its band, a band or subcodec outside the region,
 * an unknown flag, a glyph on a region over 1024 pixels, a sequence number out of order and trailing bytes all give a
 * {@link DecodeException} naming the field. After an exception the caches are unspecified (the client would drop the
 * channel). Every read is bounds-checked and every allocation is bounded by the cache sizes: at most
 * 32,768 × 52 + 16,384 × 52 + 4,000 × 1,024 pixels of cache.
 */
public final class ClearDecoder {
    static final String NAME = "ClearCodecBitmapStream";
    /** Largest region {@link #decode(ByteBuf, int, int)} allocates for (64 MB of pixels). */
    static final int MAX_ARRAY_PIXELS = 1 << 24;
    private static final int OPAQUE = 0xFF00_0000;

    private final int[][] vBars = new int[ClearCodec.VBAR_STORAGE_SIZE][];
    private final int[][] shortVBars = new int[ClearCodec.SHORT_VBAR_STORAGE_SIZE][];
    private final int[][] glyphs = new int[ClearCodec.GLYPH_STORAGE_SIZE][];
    private int vBarCursor;
    private int shortVBarCursor;
    private int expectedSeqNumber;

    /** A decoder for a new session: the first stream must have seqNumber 0 (2.2.4.1). */
    public ClearDecoder() {
        this(0);
    }

    /**
     * A decoder whose next stream has sequence number {@code firstSeqNumber}, for captured streams that start later
     * in a session (the spec's examples in 4.1.1.1).
     */
    public ClearDecoder(int firstSeqNumber) {
        if (firstSeqNumber < 0 || firstSeqNumber > 0xFF) {
            throw new IllegalArgumentException("seqNumber " + firstSeqNumber);
        }
        this.expectedSeqNumber = firstSeqNumber;
    }

    /** Decodes into a new top-down array of {@code width × height} pixels (pixels no layer covers stay 0). */
    public int[] decode(ByteBuf src, int width, int height) {
        checkSize(width, height);
        if ((long) width * height > MAX_ARRAY_PIXELS) {
            throw DecodeException.limitExceeded(NAME, "width × height", (long) width * height, MAX_ARRAY_PIXELS);
        }
        int[] out = new int[width * height];
        decode(src, width, height, out, 0, width);
        return out;
    }

    /**
     * Decodes the stream (the buffer's readable bytes, all consumed) onto the {@code width × height} region of
     * {@code dst} at {@code offset} ({@code stride} ints per row). Pixels that no layer covers keep their value, as
     * on the client's surface.
     */
    public void decode(ByteBuf src, int width, int height, int[] dst, int offset, int stride) {
        checkSize(width, height);
        if (offset < 0 || stride < width || offset + (long) stride * (height - 1) + width > dst.length) {
            throw new IllegalArgumentException("region " + width + "x" + height + " at " + offset + " stride "
                    + stride + " exceeds the " + dst.length + "-pixel array");
        }
        need(src, 2, "flags, seqNumber");
        int flags = src.readUnsignedByte();
        int seqNumber = src.readUnsignedByte();
        if ((flags & ~ClearCodec.KNOWN_FLAGS) != 0) {
            throw DecodeException.invalidField(NAME, "flags", String.format("unknown bits 0x%02X", flags));
        }
        if (seqNumber != expectedSeqNumber) {
            throw DecodeException.invalidField(NAME, "seqNumber", seqNumber + ", expected " + expectedSeqNumber);
        }
        // 2.2.4.1: each stream's seqNumber is one more than the previous one's, modulo 256.
        expectedSeqNumber = (seqNumber + 1) & 0xFF;
        if ((flags & ClearCodec.FLAG_CACHE_RESET) != 0) {
            vBarCursor = 0;
            shortVBarCursor = 0;
        }
        int glyphIndex = -1;
        if ((flags & ClearCodec.FLAG_GLYPH_INDEX) != 0) {
            if ((long) width * height > ClearCodec.MAX_GLYPH_AREA) {
                throw DecodeException.invalidField(NAME, "flags", "GLYPH_INDEX on a " + width + "x" + height
                        + " region (over " + ClearCodec.MAX_GLYPH_AREA + " pixels)");
            }
            need(src, 2, "glyphIndex");
            glyphIndex = src.readUnsignedShortLE();
            if (glyphIndex >= ClearCodec.GLYPH_STORAGE_SIZE) {
                throw DecodeException.limitExceeded(NAME, "glyphIndex", glyphIndex,
                        ClearCodec.GLYPH_STORAGE_SIZE - 1);
            }
        }
        if ((flags & ClearCodec.FLAG_GLYPH_HIT) != 0) {
            if (glyphIndex < 0) {
                throw DecodeException.invalidField(NAME, "flags", "GLYPH_HIT without GLYPH_INDEX");
            }
            int[] glyph = glyphs[glyphIndex];
            if (glyph == null || glyph.length != width * height) {
                throw DecodeException.invalidField(NAME, "glyphIndex", glyphIndex + (glyph == null
                        ? " is not in Glyph Storage" : " holds " + glyph.length + " pixels, not " + width * height));
            }
            // 2.2.4.1: with GLYPH_HIT the compositePayload MUST NOT be present.
            Wire.ensureFullyConsumed(src, NAME);
            for (int y = 0; y < height; y++) {
                System.arraycopy(glyph, y * width, dst, offset + y * stride, width);
            }
            return;
        }
        need(src, ClearCodec.COMPOSITE_HEADER_SIZE, "compositePayload byte counts");
        long residualByteCount = src.readUnsignedIntLE();
        long bandsByteCount = src.readUnsignedIntLE();
        long subcodecByteCount = src.readUnsignedIntLE();
        ByteBuf residual = Wire.readSlice(src, residualByteCount, NAME, "residualByteCount");
        ByteBuf bands = Wire.readSlice(src, bandsByteCount, NAME, "bandsByteCount");
        ByteBuf subcodecs = Wire.readSlice(src, subcodecByteCount, NAME, "subcodecByteCount");
        Wire.ensureFullyConsumed(src, NAME);
        if (residual.isReadable()) {
            decodeResidual(residual, width, height, dst, offset, stride);
        }
        decodeBands(bands, width, height, dst, offset, stride);
        decodeSubcodecs(subcodecs, width, height, dst, offset, stride);
        if (glyphIndex >= 0) {
            // 2.2.4.1: without GLYPH_HIT the decoded pixels are placed in Glyph Storage at glyphIndex.
            int[] glyph = new int[width * height];
            for (int y = 0; y < height; y++) {
                System.arraycopy(dst, offset + y * stride, glyph, y * width, width);
            }
            glyphs[glyphIndex] = glyph;
        }
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF) {
            throw DecodeException.invalidField(NAME, "size", width + "x" + height);
        }
    }

    /** CLEARCODEC_RESIDUAL_DATA (2.2.4.1.1.1): BGR runs that cover every pixel of the region exactly. */
    private static void decodeResidual(ByteBuf src, int width, int height, int[] dst, int offset, int stride) {
        long pixels = (long) width * height;
        long done = 0;
        int x = 0;
        int d = offset;
        while (src.isReadable()) {
            need(src, 4, "residualData", "CLEARCODEC_RGB_RUN_SEGMENT");
            int colour = readBgr(src);
            long run = readRunLength(src, "residualData");
            if (run > pixels - done) {
                throw DecodeException.limitExceeded(NAME, "residualData run length (pixel " + done + ")", run,
                        pixels - done);
            }
            done += run;
            for (long k = 0; k < run; k++) {
                dst[d + x] = colour;
                if (++x == width) {
                    x = 0;
                    d += stride;
                }
            }
        }
        if (done != pixels) {
            throw DecodeException.invalidField(NAME, "residualData", done + " pixels, not " + pixels);
        }
    }

    /** CLEARCODEC_BANDS_DATA (2.2.4.1.1.2): bands of vBars, one per column, each stored in V-Bar Storage. */
    private void decodeBands(ByteBuf src, int width, int height, int[] dst, int offset, int stride) {
        while (src.isReadable()) {
            need(src, ClearCodec.BAND_HEADER_SIZE, "bandsData", "CLEARCODEC_BAND");
            int xStart = src.readUnsignedShortLE();
            int xEnd = src.readUnsignedShortLE();
            int yStart = src.readUnsignedShortLE();
            int yEnd = src.readUnsignedShortLE();
            int background = readBgr(src);
            if (xEnd < xStart || xEnd >= width) {
                throw DecodeException.invalidField(NAME, "xEnd", xStart + ".." + xEnd + " in width " + width);
            }
            if (yEnd < yStart || yEnd >= height) {
                throw DecodeException.invalidField(NAME, "yEnd", yStart + ".." + yEnd + " in height " + height);
            }
            int bandHeight = yEnd - yStart + 1;
            if (bandHeight > ClearCodec.MAX_BAND_HEIGHT) {
                throw DecodeException.limitExceeded(NAME, "yEnd - yStart + 1", bandHeight,
                        ClearCodec.MAX_BAND_HEIGHT);
            }
            for (int x = xStart; x <= xEnd; x++) {
                int[] vBar = decodeVBar(src, bandHeight, background);
                int d = offset + yStart * stride + x;
                for (int y = 0; y < bandHeight; y++, d += stride) {
                    dst[d] = vBar[y];
                }
            }
        }
    }

    /** One CLEARCODEC_VBAR (2.2.4.1.1.2.1.1): its three forms are told apart by the top bits of the u16 header. */
    private int[] decodeVBar(ByteBuf src, int bandHeight, int background) {
        need(src, 2, "bandsData", "vBarHeader");
        int header = src.readUnsignedShortLE();
        int[] shortVBar;
        int yOn;
        if ((header & 0x8000) != 0) {
            // VBAR_CACHE_HIT (2.2.4.1.1.2.1.1.1): 1, vBarIndex (15 bits). Nothing is stored.
            int index = header & 0x7FFF;
            int[] vBar = vBars[index];
            if (vBar == null) {
                throw DecodeException.invalidField(NAME, "vBarIndex", index + " is not in V-Bar Storage");
            }
            if (vBar.length != bandHeight) {
                throw DecodeException.invalidField(NAME, "vBarIndex",
                        index + " holds " + vBar.length + " pixels, the band is " + bandHeight + " high");
            }
            return vBar;
        } else if ((header & 0x4000) != 0) {
            // SHORT_VBAR_CACHE_HIT (2.2.4.1.1.2.1.1.2): 01, shortVBarIndex (14 bits), then shortVBarYOn (u8).
            int index = header & 0x3FFF;
            shortVBar = shortVBars[index];
            if (shortVBar == null) {
                throw DecodeException.invalidField(NAME, "shortVBarIndex",
                        index + " is not in Short V-Bar Storage");
            }
            need(src, 1, "bandsData", "shortVBarYOn");
            yOn = src.readUnsignedByte();
        } else {
            // SHORT_VBAR_CACHE_MISS (2.2.4.1.1.2.1.1.3): 00, shortVBarYOff (6 bits), shortVBarYOn (8 bits), then
            // the yOff − yOn pixels, stored at the Short V-Bar Storage cursor.
            yOn = header & 0xFF;
            int yOff = header >>> 8 & 0x3F;
            if (yOff < yOn) {
                throw DecodeException.invalidField(NAME, "shortVBarYOff", yOff + " < shortVBarYOn " + yOn);
            }
            int count = yOff - yOn;
            if (count > ClearCodec.MAX_BAND_HEIGHT) {
                throw DecodeException.limitExceeded(NAME, "shortVBarYOff - shortVBarYOn", count,
                        ClearCodec.MAX_BAND_HEIGHT);
            }
            need(src, 3L * count, "bandsData", "shortVBarPixels");
            shortVBar = new int[count];
            for (int i = 0; i < count; i++) {
                shortVBar[i] = readBgr(src);
            }
            shortVBars[shortVBarCursor] = shortVBar;
            shortVBarCursor = (shortVBarCursor + 1) % ClearCodec.SHORT_VBAR_STORAGE_SIZE;
        }
        if (yOn + shortVBar.length > bandHeight) {
            throw DecodeException.invalidField(NAME, "shortVBarYOn", yOn + " + " + shortVBar.length
                    + " pixels runs past the " + bandHeight + "-pixel band");
        }
        // 3.3.1.10: the full vBar (background, short vBar at yOn, background) is stored at the V-Bar Storage cursor.
        int[] vBar = new int[bandHeight];
        java.util.Arrays.fill(vBar, background);
        System.arraycopy(shortVBar, 0, vBar, yOn, shortVBar.length);
        vBars[vBarCursor] = vBar;
        vBarCursor = (vBarCursor + 1) % ClearCodec.VBAR_STORAGE_SIZE;
        return vBar;
    }

    /** CLEARCODEC_SUBCODECS (2.2.4.1.1.3): rectangles inside the region, each with its own codec. */
    private static void decodeSubcodecs(ByteBuf src, int width, int height, int[] dst, int offset, int stride) {
        while (src.isReadable()) {
            need(src, ClearCodec.SUBCODEC_HEADER_SIZE, "subcodecData", "CLEARCODEC_SUBCODEC");
            int xStart = src.readUnsignedShortLE();
            int yStart = src.readUnsignedShortLE();
            int w = src.readUnsignedShortLE();
            int h = src.readUnsignedShortLE();
            long byteCount = src.readUnsignedIntLE();
            int id = src.readUnsignedByte();
            if (w < 1 || xStart + w > width) {
                throw DecodeException.invalidField(NAME, "subcodec width",
                        xStart + " + " + w + " in width " + width);
            }
            if (h < 1 || yStart + h > height) {
                throw DecodeException.invalidField(NAME, "subcodec height",
                        yStart + " + " + h + " in height " + height);
            }
            ByteBuf data = Wire.readSlice(src, byteCount, NAME, "bitmapDataByteCount");
            int at = offset + yStart * stride + xStart;
            switch (id) {
                case ClearCodec.SUBCODEC_UNCOMPRESSED -> {
                    if (byteCount != 3L * w * h) {
                        throw DecodeException.invalidField(NAME, "bitmapDataByteCount",
                                byteCount + " for " + w + "x" + h + " uncompressed pixels");
                    }
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            dst[at + y * stride + x] = readBgr(data);
                        }
                    }
                }
                case ClearCodec.SUBCODEC_RLEX -> decodeRlex(data, w, h, dst, at, stride);
                case ClearCodec.SUBCODEC_NSCODEC -> throw DecodeException.unsupportedValue(NAME, "subCodecId",
                        "1 (NSCodec), which this decoder does not implement");
                default -> throw DecodeException.unsupportedValue(NAME, "subCodecId", Integer.toString(id));
            }
        }
    }

    /**
     * CLEARCODEC_SUBCODEC_RLEX (2.2.4.1.1.3.1.1): a palette of 1 to 127 BGR colours, then segments, each a run of
     * palette[start] followed by the suite palette[start..stop]; together they cover the rectangle exactly.
     */
    private static void decodeRlex(ByteBuf src, int w, int h, int[] dst, int at, int stride) {
        need(src, 1, "bitmapData", "paletteCount");
        int paletteCount = src.readUnsignedByte();
        if (paletteCount < 1 || paletteCount > ClearCodec.MAX_PALETTE) {
            throw DecodeException.invalidField(NAME, "paletteCount", paletteCount + ", not 1..127");
        }
        need(src, 3L * paletteCount, "bitmapData", "paletteEntries");
        int[] palette = new int[paletteCount];
        for (int i = 0; i < paletteCount; i++) {
            palette[i] = readBgr(src);
        }
        // stopIndex takes the low bits, enough for paletteCount − 1; suiteDepth the rest of the byte.
        int stopBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, paletteCount - 1));
        long pixels = (long) w * h;
        long done = 0;
        int x = 0;
        int row = at;
        while (src.isReadable()) {
            need(src, 2, "bitmapData", "CLEARCODEC_RLEX_SEGMENT");
            int indices = src.readUnsignedByte();
            int stopIndex = indices & (1 << stopBits) - 1;
            int suiteDepth = indices >>> stopBits;
            int startIndex = stopIndex - suiteDepth;
            long run = readRunLength(src, "bitmapData");
            if (stopIndex >= paletteCount || startIndex < 0) {
                throw DecodeException.invalidField(NAME, "stopIndex",
                        "suite " + startIndex + ".." + stopIndex + " outside the " + paletteCount + "-colour palette");
            }
            if (run + suiteDepth + 1 > pixels - done) {
                throw DecodeException.limitExceeded(NAME, "RLEX run length (pixel " + done + ")",
                        run + suiteDepth + 1, pixels - done);
            }
            done += run + suiteDepth + 1;
            for (long k = 0; k < run + suiteDepth + 1; k++) {
                int index = k < run ? startIndex : startIndex + (int) (k - run);
                dst[row + x] = palette[index];
                if (++x == w) {
                    x = 0;
                    row += stride;
                }
            }
        }
        if (done != pixels) {
            throw DecodeException.invalidField(NAME, "bitmapData", "RLEX segments cover " + done + " pixels, not "
                    + pixels);
        }
    }

    private static int readBgr(ByteBuf src) {
        int b = src.readUnsignedByte();
        int g = src.readUnsignedByte();
        int r = src.readUnsignedByte();
        return OPAQUE | r << 16 | g << 8 | b;
    }

    /** runLengthFactor1, then runLengthFactor2 if it is 0xFF, then runLengthFactor3 if that is 0xFFFF. */
    private static long readRunLength(ByteBuf src, String layer) {
        need(src, 1, layer, "runLengthFactor1");
        long run = src.readUnsignedByte();
        if (run == 0xFF) {
            need(src, 2, layer, "runLengthFactor2");
            run = src.readUnsignedShortLE();
            if (run == 0xFFFF) {
                need(src, 4, layer, "runLengthFactor3");
                run = src.readUnsignedIntLE();
            }
        }
        return run;
    }

    private static void need(ByteBuf src, long n, String layer, String field) {
        need(src, n, layer + "." + field);
    }

    private static void need(ByteBuf src, long n, String field) {
        if (src.readableBytes() < n) {
            throw DecodeException.invalidField(NAME, field,
                    "truncated: " + src.readableBytes() + " bytes left, " + n + " needed");
        }
    }
}
