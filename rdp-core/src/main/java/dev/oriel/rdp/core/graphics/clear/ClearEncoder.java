package dev.oriel.rdp.core.graphics.clear;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ClearCodec compressor ([MS-RDPEGFX] 2.2.4.1): encodes a region of XRGB pixels losslessly into one
 * CLEARCODEC_BITMAP_STREAM for an RDPGFX_WIRE_TO_SURFACE_PDU_1 with codecId {@link ClearCodec#CODEC_ID}.
 *
 * <p>Per region, in blocks of 64 columns: rows of one colour stay in the residual layer (BGR runs, 2.2.4.1.1.1); the
 * other rows are cut into strips of at most 52 rows (one band's height), so on a UI a strip is usually one line of
 * text or one row of widgets. Each strip is left to the residual layer, sent as one band of vBars (2.2.4.1.1.2) or as one subcodec
 * rectangle (RLEX palette runs or uncompressed BGR, 2.2.4.1.1.3), whichever costs fewest bytes; under the strips the
 * residual runs simply continue, since the later layers draw over them. The result is then compared with the
 * residual layer alone and the smaller is sent, so the stream is never larger than plain BGR runs. Bands are what
 * make text cheap: a column already in V-Bar Storage costs 2 bytes, a column whose non-background span (a glyph's
 * column) is in Short V-Bar Storage 3 bytes. A region of at most 1024 pixels is also put in Glyph Storage and sent
 * again as a 4-byte glyph hit when the same pixels come back. NSCodec (subCodecId 1, optional) is not implemented:
 * it would only compete with uncompressed on photo-like strips, which the pipeline sends as RemoteFX or planar.
 *
 * <p><b>State.</b> The encoder mirrors the client's decompressor: the three storages with their cursors (3.3.1.9 to
 * 3.3.1.13) and the sequence number, which is 0 in the session's first stream and one more (mod 256) in each next one
 * (2.2.4.1). The client has one such decompressor per graphics channel, shared by its surfaces, so there must be
 * exactly one encoder per graphics channel, every stream it returns must be sent, in the order {@link #encode} returned
 * them, and none may be dropped (a dropped stream desynchronises the caches and the sequence number; the only remedy
 * is a new channel). Not thread-safe: callers confine an instance to one thread at a time.
 *
 * <p>Pure: no I/O, no threads. It keeps scratch buffers that grow to the largest region encoded (about 12 bytes per
 * pixel), so encode tiles rather than whole frames where memory matters.
 */
public final class ClearEncoder {
    /** Width of the column blocks wide regions are planned in: the graphics pipeline's tile width. */
    static final int BLOCK_WIDTH = 64;

    private final Storage vBars = new Storage(ClearCodec.VBAR_STORAGE_SIZE);
    private final Storage shortVBars = new Storage(ClearCodec.SHORT_VBAR_STORAGE_SIZE);
    private final Key[] glyphs = new Key[ClearCodec.GLYPH_STORAGE_SIZE];
    private final Map<Key, Integer> glyphIndex = new HashMap<>();
    private int glyphCursor;
    private int seqNumber;

    private final Sink residual = new Sink();
    private final Sink layeredResidual = new Sink();
    private boolean[] covered = new boolean[0];
    private final Sink bands = new Sink();
    private final Sink subcodecs = new Sink();
    private final Sink bandScratch = new Sink();
    private final Sink subcodecScratch = new Sink();
    private final ColourTable colours = new ColourTable();
    private int[] indices = new int[0];

    private final Counters total = new Counters();
    private final Counters message = new Counters();
    private final Counters strip = new Counters();

    /**
     * Encodes the {@code width × height} region of {@code xrgb} (0xAARRGGBB, alpha ignored; {@code stride} ints per
     * row, starting at {@code offset}), top row first, as the next stream of this channel and writes it to
     * {@code dst}.
     *
     * @return the number of bytes written, at most {@link #maxEncodedSize(int, int)}
     * @throws IllegalArgumentException if the region is empty, over 65,535 pixels wide or high, or outside the array
     */
    public int encode(int[] xrgb, int offset, int stride, int width, int height, ByteBuf dst) {
        checkRegion(xrgb, offset, stride, width, height);
        int start = dst.writerIndex();
        int seq = seqNumber;
        seqNumber = (seqNumber + 1) & 0xFF;
        int glyph = -1;
        if (width * height <= ClearCodec.MAX_GLYPH_AREA) {
            Key key = glyphKey(xrgb, offset, stride, width, height);
            Integer hit = glyphIndex.get(key);
            if (hit != null) {
                // 2.2.4.1: GLYPH_INDEX | GLYPH_HIT and no composite payload; the client copies Glyph Storage.
                dst.writeByte(ClearCodec.FLAG_GLYPH_INDEX | ClearCodec.FLAG_GLYPH_HIT);
                dst.writeByte(seq);
                dst.writeShortLE(hit);
                total.glyphHits++;
                total.messages++;
                return dst.writerIndex() - start;
            }
            glyph = glyphCursor;
            glyphCursor = (glyphCursor + 1) % ClearCodec.GLYPH_STORAGE_SIZE;
            Key evicted = glyphs[glyph];
            if (evicted != null && Integer.valueOf(glyph).equals(glyphIndex.get(evicted))) {
                glyphIndex.remove(evicted);
            }
            glyphs[glyph] = key;
            glyphIndex.put(key, glyph);
        }

        encodeResidual(xrgb, offset, stride, width, height, null, residual);
        message.clear();
        int vMark = vBars.mark();
        int sMark = shortVBars.mark();
        bands.reset();
        subcodecs.reset();
        int blocks = (width + BLOCK_WIDTH - 1) / BLOCK_WIDTH;
        boolean[] cover = coveredBlocks(height * blocks);
        boolean uncovered = false;
        // Wide regions are planned in blocks of 64 columns, so a window edge or a second window beside the text does
        // not make every row of the region busy. In each block, rows of one colour stay in the residual layer, where
        // they cost a run each or share one; the runs of other rows are cut into strips of at most 52 (one band's
        // height), so a strip tends to be one line of text.
        for (int b = 0; b < blocks; b++) {
            int x0 = b * BLOCK_WIDTH;
            int bw = Math.min(BLOCK_WIDTH, width - x0);
            int y0 = 0;
            while (y0 < height) {
                int at = offset + y0 * stride + x0;
                if (uniformRow(xrgb, at, bw)) {
                    uncovered = true;
                    y0++;
                    continue;
                }
                int rows = 1;
                while (rows < ClearCodec.MAX_BAND_HEIGHT && y0 + rows < height
                        && !uniformRow(xrgb, at + rows * stride, bw)) {
                    rows++;
                }
                int stripVMark = vBars.mark();
                int stripSMark = shortVBars.mark();
                strip.clear();
                encodeBand(xrgb, at, stride, x0, bw, y0, rows);
                encodeSubcodec(xrgb, at, stride, x0, bw, y0, rows);
                long leave = residualSize(xrgb, at, stride, bw, rows);
                if (leave <= Math.min(bandScratch.length, subcodecScratch.length)) {
                    // Cheapest in the residual layer: no strip, nothing stored.
                    vBars.rollback(stripVMark);
                    shortVBars.rollback(stripSMark);
                    uncovered = true;
                } else {
                    if (subcodecScratch.length < bandScratch.length) {
                        vBars.rollback(stripVMark);
                        shortVBars.rollback(stripSMark);
                        subcodecs.append(subcodecScratch);
                        message.subcodecStrips++;
                    } else {
                        bands.append(bandScratch);
                        message.add(strip);
                        message.bandStrips++;
                    }
                    for (int y = y0; y < y0 + rows; y++) {
                        cover[y * blocks + b] = true;
                    }
                }
                y0 += rows;
            }
        }
        // The residual layer is drawn first and the strips over it, so under a strip any colour will do: the one
        // that continues the current run.
        layeredResidual.reset();
        if (uncovered) {
            encodeResidual(xrgb, offset, stride, width, height, cover, layeredResidual);
        }

        dst.writeByte(glyph >= 0 ? ClearCodec.FLAG_GLYPH_INDEX : 0);
        dst.writeByte(seq);
        if (glyph >= 0) {
            dst.writeShortLE(glyph);
        }
        if (residual.length <= (long) layeredResidual.length + bands.length + subcodecs.length) {
            // The layered form did not win: the client must never see the vBars it would have stored.
            vBars.rollback(vMark);
            shortVBars.rollback(sMark);
            writeComposite(dst, residual, null, null);
            total.residualOnly++;
        } else {
            vBars.commit();
            shortVBars.commit();
            writeComposite(dst, layeredResidual.length == 0 ? null : layeredResidual, bands, subcodecs);
            total.add(message);
        }
        total.messages++;
        return dst.writerIndex() - start;
    }

    /**
     * An upper bound of {@link #encode}'s output for a {@code width × height} region: the header, glyph index and
     * composite header plus the residual layer at its worst, one 4-byte run per pixel.
     */
    public static long maxEncodedSize(int width, int height) {
        return 2 + 2 + ClearCodec.COMPOSITE_HEADER_SIZE + 4L * width * height;
    }

    /** The sequence number the next stream will carry. */
    public int nextSeqNumber() {
        return seqNumber;
    }

    /** Counters over every stream so far (for tests and benchmarks). */
    public Stats stats() {
        return new Stats(total.messages, total.glyphHits, total.residualOnly, total.bandStrips, total.subcodecStrips,
                total.vBarHits, total.shortVBarHits, total.shortVBarMisses);
    }

    private static void writeComposite(ByteBuf dst, Sink residualData, Sink bandsData, Sink subcodecData) {
        dst.writeIntLE(residualData == null ? 0 : residualData.length); // residualByteCount
        dst.writeIntLE(bandsData == null ? 0 : bandsData.length); // bandsByteCount
        dst.writeIntLE(subcodecData == null ? 0 : subcodecData.length); // subcodecByteCount
        for (Sink s : new Sink[] {residualData, bandsData, subcodecData}) {
            if (s != null) {
                dst.writeBytes(s.bytes, 0, s.length);
            }
        }
    }

    static void checkRegion(int[] xrgb, int offset, int stride, int width, int height) {
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("region " + width + "x" + height);
        }
        if (offset < 0 || stride < width || offset + (long) stride * (height - 1) + width > xrgb.length) {
            throw new IllegalArgumentException("region " + width + "x" + height + " at " + offset + " stride "
                    + stride + " exceeds the " + xrgb.length + "-pixel array");
        }
    }

    private static Key glyphKey(int[] xrgb, int offset, int stride, int width, int height) {
        // The width is part of the key: the client copies a glyph hit row by row at the region's width.
        int[] px = new int[1 + width * height];
        px[0] = width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                px[1 + y * width + x] = xrgb[offset + y * stride + x] & 0xFF_FFFF;
            }
        }
        return new Key(px);
    }

    /**
     * CLEARCODEC_RESIDUAL_DATA (2.2.4.1.1.1): runs of one BGR colour, continuing across row ends. Row pieces marked
     * in {@code covered} (row y, block b at {@code y × blocks + b}) are drawn over by a later layer, so they extend the
     * current run whatever their pixels.
     */
    private static void encodeResidual(int[] xrgb, int offset, int stride, int width, int height, boolean[] covered,
            Sink out) {
        out.reset();
        int blocks = (width + BLOCK_WIDTH - 1) / BLOCK_WIDTH;
        int colour = -1;
        int run = 0;
        for (int y = 0; y < height; y++) {
            int s = offset + y * stride;
            for (int x = 0; x < width; x++) {
                if (covered != null && covered[y * blocks + x / BLOCK_WIDTH]) {
                    run++;
                    continue;
                }
                int c = xrgb[s + x] & 0xFF_FFFF;
                if (c == colour || colour < 0) {
                    colour = c;
                    run++;
                    continue;
                }
                out.bgr(colour);
                out.runLength(run);
                colour = c;
                run = 1;
            }
        }
        out.bgr(Math.max(colour, 0));
        out.runLength(run);
    }

    /** Bytes the residual layer spends on these rows on their own (runs cut where the rows start). */
    private static long residualSize(int[] xrgb, int offset, int stride, int width, int rows) {
        long size = 0;
        int colour = xrgb[offset] & 0xFF_FFFF;
        int run = 0;
        for (int y = 0; y < rows; y++) {
            int s = offset + y * stride;
            for (int x = 0; x < width; x++) {
                int c = xrgb[s + x] & 0xFF_FFFF;
                if (c == colour) {
                    run++;
                    continue;
                }
                size += 3 + ClearCodec.runLengthSize(run);
                colour = c;
                run = 1;
            }
        }
        return size + 3 + ClearCodec.runLengthSize(run);
    }

    private static boolean uniformRow(int[] xrgb, int at, int width) {
        int c = xrgb[at] & 0xFF_FFFF;
        for (int x = 1; x < width; x++) {
            if ((xrgb[at + x] & 0xFF_FFFF) != c) {
                return false;
            }
        }
        return true;
    }

    private boolean[] coveredBlocks(int n) {
        if (covered.length < n) {
            covered = new boolean[n];
        }
        Arrays.fill(covered, 0, n, false);
        return covered;
    }

    /**
     * One CLEARCODEC_BAND (2.2.4.1.1.2.1) over columns {@code x0 .. x0 + width − 1} of rows {@code y0 .. y0 + rows − 1}
     * ({@code offset} is pixel (x0, y0)), into
     * {@link #bandScratch}, adding to the vBar storages what the client will add when it decodes the band.
     */
    private void encodeBand(int[] xrgb, int offset, int stride, int x0, int width, int y0, int rows) {
        Sink out = bandScratch;
        out.reset();
        int background = colours.dominant(xrgb, offset, stride, width, rows);
        out.u16(x0); // xStart
        out.u16(x0 + width - 1); // xEnd
        out.u16(y0); // yStart
        out.u16(y0 + rows - 1); // yEnd
        out.bgr(background);
        for (int x = 0; x < width; x++) {
            int[] column = new int[rows];
            for (int y = 0; y < rows; y++) {
                column[y] = xrgb[offset + y * stride + x] & 0xFF_FFFF;
            }
            Key full = new Key(column);
            int hit = vBars.find(full);
            if (hit >= 0) {
                out.u16(0x8000 | hit); // VBAR_CACHE_HIT (2.2.4.1.1.2.1.1.1)
                strip.vBarHits++;
                continue;
            }
            int yOn = 0;
            while (yOn < rows && column[yOn] == background) {
                yOn++;
            }
            int yOff = rows;
            while (yOff > yOn && column[yOff - 1] == background) {
                yOff--;
            }
            if (yOn == yOff) {
                yOn = 0;
                yOff = 0;
            }
            Key shortKey = new Key(Arrays.copyOfRange(column, yOn, yOff));
            int shortHit = yOff > yOn ? shortVBars.find(shortKey) : -1;
            if (shortHit >= 0) {
                // SHORT_VBAR_CACHE_HIT (2.2.4.1.1.2.1.1.2): 3 bytes, cheaper than resending any pixel.
                out.u16(0x4000 | shortHit);
                out.u8(yOn);
                strip.shortVBarHits++;
            } else {
                // SHORT_VBAR_CACHE_MISS (2.2.4.1.1.2.1.1.3): yOff in bits 8–13, yOn in bits 0–7. An all-background
                // column is an empty miss (2 bytes, less than a 3-byte hit).
                out.u16(yOff << 8 | yOn);
                for (int y = yOn; y < yOff; y++) {
                    out.bgr(column[y]);
                }
                shortVBars.add(shortKey);
                strip.shortVBarMisses++;
            }
            // 3.3.1.10: the client stores the whole column it rebuilt, which is exactly this column.
            vBars.add(full);
        }
    }

    /**
     * One CLEARCODEC_SUBCODEC (2.2.4.1.1.3.1) for the same rectangle as {@link #encodeBand}, into
     * {@link #subcodecScratch}:
     * RLEX when the strip has at most 127 colours and that is smaller, else uncompressed BGR.
     */
    private void encodeSubcodec(int[] xrgb, int offset, int stride, int x0, int width, int y0, int rows) {
        Sink out = subcodecScratch;
        out.reset();
        int pixels = width * rows;
        out.u16(x0); // xStart
        out.u16(y0); // yStart
        out.u16(width);
        out.u16(rows);
        int byteCountAt = out.length;
        out.u32(0); // bitmapDataByteCount, patched below
        int idAt = out.length;
        out.u8(ClearCodec.SUBCODEC_RLEX);
        int dataAt = out.length;
        int[] palette = colours.palette(xrgb, offset, stride, width, rows, ClearCodec.MAX_PALETTE, indicesFor(pixels));
        if (palette != null) {
            writeRlex(out, palette, indices, pixels);
        }
        if (palette == null || out.length - dataAt > 3 * pixels) {
            out.length = dataAt;
            out.bytes[idAt] = ClearCodec.SUBCODEC_UNCOMPRESSED;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < width; x++) {
                    out.bgr(xrgb[offset + y * stride + x]);
                }
            }
        }
        out.setU32(byteCountAt, out.length - dataAt);
    }

    private int[] indicesFor(int pixels) {
        if (indices.length < pixels) {
            indices = new int[pixels];
        }
        return indices;
    }

    /**
     * CLEARCODEC_SUBCODEC_RLEX (2.2.4.1.1.3.1.1). Each segment is a run of palette[start] and then the suite
     * palette[start], palette[start + 1] … palette[stop]; the palette is in order of first appearance, so colours
     * that first appear one after the other (anti-aliased edges) form suites.
     */
    private static void writeRlex(Sink out, int[] palette, int[] idx, int pixels) {
        out.u8(palette.length); // paletteCount
        for (int c : palette) {
            out.bgr(c);
        }
        int stopBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, palette.length - 1));
        int maxDepth = (1 << (8 - stopBits)) - 1;
        int p = 0;
        while (p < pixels) {
            int start = idx[p];
            int q = p + 1;
            while (q < pixels && idx[q] == start) {
                q++;
            }
            // The last pixel of the run opens the suite, which the decoder always writes (suiteDepth + 1 pixels).
            int run = q - p - 1;
            int depth = 0;
            while (q < pixels && depth < maxDepth && idx[q] == start + depth + 1) {
                depth++;
                q++;
            }
            out.u8(depth << stopBits | (start + depth)); // suiteDepth (high bits) | stopIndex (low bits)
            out.runLength(run);
            p = q;
        }
    }

    /**
     * What the encoder chose over every stream so far (for tests and benchmarks): streams, glyph hits, streams sent as
     * the residual layer alone, strips sent as bands and as subcodecs, and the vBar forms of the bands sent.
     */
    public record Stats(long messages, long glyphHits, long residualOnly, long bandStrips, long subcodecStrips,
            long vBarHits, long shortVBarHits, long shortVBarMisses) {
    }

    /** Mutable counters behind {@link Stats}, per strip, per stream and in total. */
    private static final class Counters {
        long messages;
        long glyphHits;
        long residualOnly;
        long bandStrips;
        long subcodecStrips;
        long vBarHits;
        long shortVBarHits;
        long shortVBarMisses;

        void clear() {
            bandStrips = 0;
            subcodecStrips = 0;
            vBarHits = 0;
            shortVBarHits = 0;
            shortVBarMisses = 0;
        }

        void add(Counters o) {
            bandStrips += o.bandStrips;
            subcodecStrips += o.subcodecStrips;
            vBarHits += o.vBarHits;
            shortVBarHits += o.shortVBarHits;
            shortVBarMisses += o.shortVBarMisses;
        }
    }

    /** Pixels (RGB) as a hash key; arrays have identity equality, records of arrays too. */
    static final class Key {
        final int[] pixels;
        private final int hash;

        Key(int[] pixels) {
            this.pixels = pixels;
            this.hash = Arrays.hashCode(pixels);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.pixels, pixels);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * The encoder's copy of a ring storage (V-Bar or Short V-Bar Storage, 3.3.1.10, 3.3.1.12): entries written at a
     * cursor that wraps, and an index from content to the newest slot holding it. Additions are journalled so a
     * layer that is not sent can be taken back ({@link #rollback}).
     */
    static final class Storage {
        private final Key[] entries;
        private final Map<Key, Integer> index = new HashMap<>();
        private final List<Undo> journal = new ArrayList<>();
        private int cursor;

        Storage(int size) {
            this.entries = new Key[size];
        }

        int find(Key key) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }

        void add(Key key) {
            int slot = cursor;
            Key old = entries[slot];
            Integer oldMapping = old == null ? null : index.get(old);
            Integer keyMapping = index.get(key);
            journal.add(new Undo(slot, old, oldMapping, key, keyMapping));
            if (old != null && oldMapping != null && oldMapping.intValue() == slot) {
                index.remove(old);
            }
            entries[slot] = key;
            index.put(key, slot);
            cursor = (slot + 1) % entries.length;
        }

        int mark() {
            return journal.size();
        }

        void rollback(int mark) {
            for (int i = journal.size() - 1; i >= mark; i--) {
                Undo u = journal.remove(i);
                entries[u.slot] = u.old;
                if (u.keyMapping == null) {
                    index.remove(u.key);
                } else {
                    index.put(u.key, u.keyMapping);
                }
                if (u.old != null && u.oldMapping != null) {
                    index.put(u.old, u.oldMapping);
                }
                cursor = u.slot;
            }
        }

        void commit() {
            journal.clear();
        }

        private record Undo(int slot, Key old, Integer oldMapping, Key key, Integer keyMapping) {
        }
    }

    /** A growable byte array: layers are built here, then measured and copied once into the output. */
    static final class Sink {
        byte[] bytes = new byte[256];
        int length;

        void reset() {
            length = 0;
        }

        private void ensure(int n) {
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            }
        }

        void u8(int v) {
            ensure(1);
            bytes[length++] = (byte) v;
        }

        void u16(int v) {
            ensure(2);
            bytes[length++] = (byte) v;
            bytes[length++] = (byte) (v >>> 8);
        }

        void u32(int v) {
            ensure(4);
            setU32(length, v);
            length += 4;
        }

        void setU32(int at, int v) {
            bytes[at] = (byte) v;
            bytes[at + 1] = (byte) (v >>> 8);
            bytes[at + 2] = (byte) (v >>> 16);
            bytes[at + 3] = (byte) (v >>> 24);
        }

        /** Blue, green, red: the byte order of every ClearCodec colour. */
        void bgr(int rgb) {
            ensure(3);
            bytes[length++] = (byte) rgb;
            bytes[length++] = (byte) (rgb >>> 8);
            bytes[length++] = (byte) (rgb >>> 16);
        }

        /** A run length in its shortest form ({@link ClearCodec#runLengthSize}). */
        void runLength(int run) {
            if (run < 0xFF) {
                u8(run);
            } else if (run < 0xFFFF) {
                u8(0xFF);
                u16(run);
            } else {
                u8(0xFF);
                u16(0xFFFF);
                u32(run);
            }
        }

        void append(Sink other) {
            ensure(other.length);
            System.arraycopy(other.bytes, 0, bytes, length, other.length);
            length += other.length;
        }
    }

    /** An open-addressing colour → count/index table, reused between strips so counting allocates nothing. */
    static final class ColourTable {
        private static final int SLOTS = 1 << 13;
        private static final int MAX_DISTINCT = SLOTS / 2;
        private final int[] keys = new int[SLOTS];
        private final int[] values = new int[SLOTS];
        private final boolean[] used = new boolean[SLOTS];
        private final int[] usedSlots = new int[MAX_DISTINCT];
        private int distinct;

        private void clear() {
            for (int i = 0; i < distinct; i++) {
                used[usedSlots[i]] = false;
            }
            distinct = 0;
        }

        /** The slot of {@code rgb}, inserted with value −1 if new; −1 when the table is full. */
        private int slot(int rgb) {
            int s = (rgb * 0x9E37_79B9) >>> 19;
            while (used[s]) {
                if (keys[s] == rgb) {
                    return s;
                }
                s = (s + 1) & (SLOTS - 1);
            }
            if (distinct == MAX_DISTINCT) {
                return -1;
            }
            used[s] = true;
            keys[s] = rgb;
            values[s] = -1;
            usedSlots[distinct++] = s;
            return s;
        }

        /** The most frequent colour of the rows (counting stops adding colours once the table is half full). */
        int dominant(int[] xrgb, int offset, int stride, int width, int rows) {
            clear();
            int best = xrgb[offset] & 0xFF_FFFF;
            int bestCount = 0;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < width; x++) {
                    int c = xrgb[offset + y * stride + x] & 0xFF_FFFF;
                    int s = slot(c);
                    if (s < 0) {
                        continue;
                    }
                    int n = values[s] < 0 ? 1 : values[s] + 1;
                    values[s] = n;
                    if (n > bestCount) {
                        bestCount = n;
                        best = c;
                    }
                }
            }
            return best;
        }

        /**
         * The rows' colours in order of first appearance, with each pixel's palette index in {@code idx}; null
         * when there are more than {@code max}.
         */
        int[] palette(int[] xrgb, int offset, int stride, int width, int rows, int max, int[] idx) {
            clear();
            int[] palette = new int[max];
            int n = 0;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < width; x++) {
                    int c = xrgb[offset + y * stride + x] & 0xFF_FFFF;
                    int s = slot(c);
                    if (values[s] < 0) {
                        if (n == max) {
                            return null;
                        }
                        values[s] = n;
                        palette[n++] = c;
                    }
                    idx[y * width + x] = values[s];
                }
            }
            return Arrays.copyOf(palette, n);
        }
    }
}
