package dev.oriel.rdp.core.graphics.progressive;

import static dev.oriel.rdp.core.graphics.progressive.ProgressiveBlocks.*;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.graphics.rfx.Dwt;
import dev.oriel.rdp.core.graphics.rfx.RfxColor;
import dev.oriel.rdp.core.graphics.rfx.Rlgr;
import dev.oriel.rdp.core.graphics.rfx.RlgrMode;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Client-side decoder of RFX_PROGRESSIVE_BITMAP_STREAMs ([MS-RDPEGFX] 2.2.4.2, 3.3.8.2) for one surface, for tests
 * and the client test kit. Like a client's codec context it keeps state across messages: every tile's dequantised
 * coefficients, which a later tile flagged RFX_TILE_DIFFERENCE adds to.
 *
 * <p>Per message: SYNC and CONTEXT are optional (as in FreeRDP); one FRAME_BEGIN, then REGIONs, then FRAME_END,
 * which must be the last block (FreeRDP 2.11 refuses bytes after it). A REGION outside FRAME_BEGIN … FRAME_END is
 * ignored, as 2.2.4.2.1.5 requires. Tiles: TILE_SIMPLE, TILE_FIRST (with its progressive quality) and TILE_UPGRADE
 * (its SRL and RAW bits added to the tile's coefficients under the sign state kept since the first pass; an upgrade
 * to a coarser bit position, of a tile never drawn, or whose streams' lengths differ from the bits they hold is
 * refused, the last as FreeRDP 2.11 does, which also accepts one spare byte of SRL data). Pixels are written only
 * where a tile meets its region's rects.
 *
 * <p>Every malformed input gives a {@link DecodeException} naming the block and field; the decoder's state is then
 * undefined (discard it, as a client would reset the surface). Not thread-safe.
 */
public final class ProgressiveDecoder {
    static final String NAME = "RfxProgressiveBitmapStream";
    private static final String SYNC = "RfxProgressiveSync";
    private static final String CONTEXT = "RfxProgressiveContext";
    private static final String FRAME_BEGIN = "RfxProgressiveFrameBegin";
    private static final String FRAME_END = "RfxProgressiveFrameEnd";
    private static final String REGION = "RfxProgressiveRegion";
    private static final String TILE_SIMPLE = "RfxProgressiveTileSimple";
    private static final String TILE_FIRST = "RfxProgressiveTileFirst";
    private static final String TILE_UPGRADE = "RfxProgressiveTileUpgrade";

    /**
     * FreeRDP 2.11 refuses a region with more than 7 quantisation tables ({@code progressive_wb_read_region_header});
     * the spec sets no lower bound than the 8-bit count, so a server that wants xfreerdp to draw must stay within 7.
     */
    static final int MAX_QUANT = 7;

    private final RfxColor.Reconstruction reconstruction;
    private final int surfaceWidth;
    private final int surfaceHeight;
    private final int gridWidth;
    /** Per grid tile: what later passes build on (null until the tile is first drawn). */
    private final TileState[] current;
    private int contextFlags;

    private final short[] scratch = new short[4096];
    private final short[][] planes = {new short[4096], new short[4096], new short[4096]};
    private final int[] tilePixels = new int[TILE_SIZE * TILE_SIZE];
    private final UpgradeCoding.SrlReader srl = new UpgradeCoding.SrlReader();
    private final UpgradeCoding.BitReader raw = new UpgradeCoding.BitReader();

    /**
     * A tile's decoder state ([MS-RDPEGFX] 3.3.8.2): per component the dequantised coefficients, the sign state of
     * each coefficient (the quantised value of the first pass, then each value an SRL stream makes significant) and
     * the bit position reached in each band (quantVals + the progressive table of the last pass, wire order).
     */
    private static final class TileState {
        final short[][] coefficients = new short[3][4096];
        final short[][] sign = new short[3][4096];
        final int[][] bitPos = new int[3][10];
    }

    /** A decoder that rounds colours as xfreerdp does on x86-64 ({@link RfxColor.Reconstruction#FREERDP_SSE2}). */
    public ProgressiveDecoder(int surfaceWidth, int surfaceHeight) {
        this(RfxColor.Reconstruction.FREERDP_SSE2, surfaceWidth, surfaceHeight);
    }

    public ProgressiveDecoder(RfxColor.Reconstruction reconstruction, int surfaceWidth, int surfaceHeight) {
        if (surfaceWidth < 1 || surfaceHeight < 1 || surfaceWidth > 0xFFFF || surfaceHeight > 0xFFFF) {
            throw new IllegalArgumentException("surface " + surfaceWidth + "x" + surfaceHeight);
        }
        this.reconstruction = reconstruction;
        this.surfaceWidth = surfaceWidth;
        this.surfaceHeight = surfaceHeight;
        this.gridWidth = (surfaceWidth + TILE_SIZE - 1) / TILE_SIZE;
        this.current = new TileState[gridWidth * ((surfaceHeight + TILE_SIZE - 1) / TILE_SIZE)];
    }

    /** What one message did: its frame index, the rects of its regions, and the tiles it carried. */
    public record Frame(long frameIndex, List<Rect> rects, List<Tile> tiles) {
        public Frame {
            rects = List.copyOf(rects);
            tiles = List.copyOf(tiles);
        }
    }

    /** A decoded tile: its block type, grid position and quality (0xFF for TILE_SIMPLE). */
    public record Tile(int blockType, int xIdx, int yIdx, int quality) {
    }

    /** The flags of the last CONTEXT block (0 before one). */
    public int contextFlags() {
        return contextFlags;
    }

    /**
     * Decodes every block of {@code stream} (its readable bytes, consumed) onto the surface pixels {@code surface}
     * (0xFFRRGGBB, {@code stride} ints per row, pixel (0, 0) at index 0).
     *
     * @return the frame, or null for a message without FRAME_BEGIN (headers only)
     */
    public Frame decode(ByteBuf stream, int[] surface, int stride) {
        if (stride < surfaceWidth || surface.length < (long) stride * (surfaceHeight - 1) + surfaceWidth) {
            throw new IllegalArgumentException("destination smaller than the surface");
        }
        boolean begun = false;
        boolean ended = false;
        long frameIndex = 0;
        List<Rect> rects = new ArrayList<>();
        List<Tile> tiles = new ArrayList<>();
        while (stream.isReadable()) {
            if (ended) {
                throw DecodeException.invalidField(FRAME_END, "blockType", "a block follows FRAME_END");
            }
            Wire.ensureReadable(stream, BLOCK_HEADER_SIZE, NAME);
            int blockType = stream.readUnsignedShortLE();
            long blockLen = stream.readUnsignedIntLE();
            if (blockLen < BLOCK_HEADER_SIZE) {
                throw DecodeException.invalidField(NAME, "blockLen", blockLen + " is shorter than the block header");
            }
            ByteBuf body = Wire.readSlice(stream, blockLen - BLOCK_HEADER_SIZE, NAME, "blockLen");
            switch (blockType) {
                case WBT_SYNC -> {
                    checkLength(SYNC, blockLen, SYNC_SIZE);
                    if (begun) {
                        throw DecodeException.invalidField(SYNC, "blockType", "SYNC inside a frame");
                    }
                    long magic = body.readUnsignedIntLE();
                    int version = body.readUnsignedShortLE();
                    if (magic != SYNC_MAGIC) {
                        throw DecodeException.invalidField(SYNC, "magic", "0x" + Long.toHexString(magic));
                    }
                    if (version != SYNC_VERSION) {
                        throw DecodeException.unsupportedValue(SYNC, "version", "0x" + Integer.toHexString(version));
                    }
                }
                case WBT_CONTEXT -> {
                    checkLength(CONTEXT, blockLen, CONTEXT_SIZE);
                    body.skipBytes(1); // ctxId: "The decoder SHOULD ignore this value" (2.2.4.2.1.4)
                    int tileSize = body.readUnsignedShortLE();
                    if (tileSize != TILE_SIZE) {
                        throw DecodeException.invalidField(CONTEXT, "tileSize", tileSize + " is not 64");
                    }
                    contextFlags = body.readUnsignedByte();
                }
                case WBT_FRAME_BEGIN -> {
                    checkLength(FRAME_BEGIN, blockLen, FRAME_BEGIN_SIZE);
                    if (begun) {
                        throw DecodeException.invalidField(FRAME_BEGIN, "blockType", "a second FRAME_BEGIN");
                    }
                    begun = true;
                    frameIndex = body.readUnsignedIntLE();
                    body.skipBytes(2); // regionCount: inconsistencies are to be ignored (2.2.4.2.1.2)
                }
                case WBT_FRAME_END -> {
                    checkLength(FRAME_END, blockLen, FRAME_END_SIZE);
                    if (!begun) {
                        throw DecodeException.invalidField(FRAME_END, "blockType", "FRAME_END without FRAME_BEGIN");
                    }
                    ended = true;
                }
                case WBT_REGION -> region(body, begun, surface, stride, rects, tiles);
                default -> throw DecodeException.invalidField(NAME, "blockType",
                        "0x" + Integer.toHexString(blockType) + " is not a progressive block here");
            }
        }
        if (begun && !ended) {
            throw DecodeException.invalidField(NAME, "blockType", "the frame has no FRAME_END");
        }
        return begun ? new Frame(frameIndex, rects, tiles) : null;
    }

    private static void checkLength(String pdu, long blockLen, int expected) {
        if (blockLen != expected) {
            throw DecodeException.invalidField(pdu, "blockLen", blockLen + " where the block has " + expected);
        }
    }

    /** An RFX_PROGRESSIVE_REGION body (after its 6-byte header), 2.2.4.2.1.5. */
    private void region(ByteBuf body, boolean inFrame, int[] surface, int stride, List<Rect> allRects,
            List<Tile> allTiles) {
        Wire.ensureReadable(body, REGION_FIXED_SIZE - BLOCK_HEADER_SIZE, REGION);
        int tileSize = body.readUnsignedByte();
        int numRects = body.readUnsignedShortLE();
        int numQuant = body.readUnsignedByte();
        int numProgQuant = body.readUnsignedByte();
        int flags = body.readUnsignedByte();
        int numTiles = body.readUnsignedShortLE();
        long tileDataSize = body.readUnsignedIntLE();
        if (tileSize != TILE_SIZE) {
            throw DecodeException.invalidField(REGION, "tileSize", tileSize + " is not 64");
        }
        if (numRects == 0) {
            throw DecodeException.invalidField(REGION, "numRects", "0: a region needs a rect");
        }
        if (numQuant == 0 || numQuant > MAX_QUANT) {
            throw DecodeException.invalidField(REGION, "numQuant", numQuant + " outside 1.." + MAX_QUANT);
        }
        Wire.ensureReadable(body, (long) numRects * RECT_SIZE + (long) numQuant * ComponentQuant.SIZE
                + (long) numProgQuant * PROG_QUANT_SIZE, REGION);
        List<Rect> rects = new ArrayList<>(numRects);
        for (int i = 0; i < numRects; i++) {
            Rect r = new Rect(body.readUnsignedShortLE(), body.readUnsignedShortLE(), body.readUnsignedShortLE(),
                    body.readUnsignedShortLE());
            if (r.right() > surfaceWidth || r.bottom() > surfaceHeight) {
                throw DecodeException.invalidField(REGION, "rects", r + " passes the " + surfaceWidth + "x"
                        + surfaceHeight + " surface");
            }
            rects.add(r);
        }
        ComponentQuant[] quantVals = new ComponentQuant[numQuant];
        for (int i = 0; i < numQuant; i++) {
            quantVals[i] = ComponentQuant.decodeFactors(body);
        }
        ComponentQuant[][] progQuant = new ComponentQuant[numProgQuant][];
        for (int i = 0; i < numProgQuant; i++) {
            body.skipBytes(1); // quality: informative (the tile's progressiveQuality indexes this array)
            progQuant[i] = new ComponentQuant[] {ComponentQuant.decode(body), ComponentQuant.decode(body),
                    ComponentQuant.decode(body)};
        }
        ByteBuf tilesData = Wire.readSlice(body, tileDataSize, REGION, "tileDataSize");
        Wire.ensureFullyConsumed(body, REGION);
        if (!inFrame) {
            return; // "If a block is not present between FRAME_BEGIN and FRAME_END, the decoder MUST ignore it."
        }
        boolean extrapolate = (flags & RFX_DWT_REDUCE_EXTRAPOLATE) != 0;
        int count = 0;
        while (tilesData.isReadable()) {
            Wire.ensureReadable(tilesData, BLOCK_HEADER_SIZE, REGION);
            int blockType = tilesData.readUnsignedShortLE();
            long blockLen = tilesData.readUnsignedIntLE();
            if (blockLen < BLOCK_HEADER_SIZE) {
                throw DecodeException.invalidField(REGION, "tiles", "tile blockLen " + blockLen
                        + " is shorter than the block header");
            }
            ByteBuf tile = Wire.readSlice(tilesData, blockLen - BLOCK_HEADER_SIZE, REGION, "tiles");
            if (++count > numTiles) {
                throw DecodeException.invalidField(REGION, "numTiles", numTiles + " but more tiles follow");
            }
            Tile t = switch (blockType) {
                case WBT_TILE_SIMPLE -> tile(tile, false, quantVals, progQuant, extrapolate, rects, surface, stride);
                case WBT_TILE_FIRST -> tile(tile, true, quantVals, progQuant, extrapolate, rects, surface, stride);
                case WBT_TILE_UPGRADE -> upgrade(tile, quantVals, progQuant, extrapolate, rects, surface, stride);
                default -> throw DecodeException.invalidField(REGION, "tiles", "block type 0x"
                        + Integer.toHexString(blockType) + " is not a tile");
            };
            allTiles.add(t);
        }
        if (count != numTiles) {
            throw DecodeException.invalidField(REGION, "numTiles", numTiles + " but " + count + " tiles present");
        }
        allRects.addAll(rects);
    }

    /** A TILE_SIMPLE (2.2.4.2.1.5.3) or TILE_FIRST (2.2.4.2.1.5.4) body, decoded and painted. */
    private Tile tile(ByteBuf body, boolean first, ComponentQuant[] quantVals, ComponentQuant[][] progQuant,
            boolean extrapolate, List<Rect> rects, int[] surface, int stride) {
        String pdu = first ? TILE_FIRST : TILE_SIMPLE;
        Wire.ensureReadable(body, (first ? TILE_FIRST_FIXED_SIZE : TILE_SIMPLE_FIXED_SIZE) - BLOCK_HEADER_SIZE, pdu);
        int[] quantIdx = {body.readUnsignedByte(), body.readUnsignedByte(), body.readUnsignedByte()};
        int xIdx = body.readUnsignedShortLE();
        int yIdx = body.readUnsignedShortLE();
        int flags = body.readUnsignedByte();
        int quality = first ? body.readUnsignedByte() : QUALITY_FULL;
        int[] lengths = {body.readUnsignedShortLE(), body.readUnsignedShortLE(), body.readUnsignedShortLE()};
        int tailLen = body.readUnsignedShortLE();
        String[] quantFields = {"quantIdxY", "quantIdxCb", "quantIdxCr"};
        for (int c = 0; c < 3; c++) {
            if (quantIdx[c] >= quantVals.length) {
                throw DecodeException.invalidField(pdu, quantFields[c], quantIdx[c] + " >= numQuant "
                        + quantVals.length);
            }
        }
        if (quality != QUALITY_FULL && quality >= progQuant.length) {
            throw DecodeException.invalidField(pdu, "progressiveQuality", quality + " >= numProgQuant "
                    + progQuant.length);
        }
        if (xIdx * TILE_SIZE >= surfaceWidth || yIdx * TILE_SIZE >= surfaceHeight) {
            throw DecodeException.invalidField(pdu, "xIdx/yIdx", "tile (" + xIdx + ", " + yIdx + ") lies outside the "
                    + surfaceWidth + "x" + surfaceHeight + " surface");
        }
        String[] lengthFields = {"yLen", "cbLen", "crLen"};
        byte[][] data = new byte[3][];
        for (int c = 0; c < 3; c++) {
            ByteBuf slice = Wire.readSlice(body, lengths[c], pdu, lengthFields[c]);
            data[c] = new byte[lengths[c]];
            slice.readBytes(data[c]);
        }
        Wire.readSlice(body, tailLen, pdu, "tailLen"); // tailData: reserved, not interpreted
        Wire.ensureFullyConsumed(body, pdu);

        int index = yIdx * gridWidth + xIdx;
        if (current[index] == null) {
            current[index] = new TileState();
        }
        TileState state = current[index];
        boolean difference = (flags & RFX_TILE_DIFFERENCE) != 0;
        for (int c = 0; c < 3; c++) {
            ComponentQuant prog = quality == QUALITY_FULL ? ComponentQuant.ZERO : progQuant[quality][c];
            int[] shifts = ComponentQuant.shifts(quantVals[quantIdx[c]], prog);
            short[] plane = planes[c];
            Rlgr.decode(RlgrMode.RLGR1, data[c], 0, data[c].length, plane);
            // The sign state of an upgrade pass: the values as entropy-coded (3.3.8.2.1.2).
            System.arraycopy(plane, 0, state.sign[c], 0, 4096);
            for (int b = 0; b < 10; b++) {
                state.bitPos[c][b] = shifts[b] + 1;
            }
            ProgressiveBlocks.dequantize(plane, shifts, extrapolate);
            short[] coefficients = state.coefficients[c];
            if (difference) {
                // Sub-band diffing (3.2.8.1.1): the coefficients are a change to the tile's last ones.
                for (int i = 0; i < 4096; i++) {
                    plane[i] = (short) (plane[i] + coefficients[i]);
                }
            }
            System.arraycopy(plane, 0, coefficients, 0, 4096);
            inverse(plane, extrapolate);
        }
        paint(xIdx, yIdx, rects, surface, stride);
        return new Tile(first ? WBT_TILE_FIRST : WBT_TILE_SIMPLE, xIdx, yIdx, quality);
    }

    private void inverse(short[] plane, boolean extrapolate) {
        if (extrapolate) {
            ReduceExtrapolateDwt.inverse(plane, scratch);
        } else {
            Dwt.inverse(plane, scratch);
        }
    }

    /** Colour-converts {@link #planes} and copies the tile where it meets the region's rects. */
    private void paint(int xIdx, int yIdx, List<Rect> rects, int[] surface, int stride) {
        RfxColor.toArgb(reconstruction, planes[0], planes[1], planes[2], tilePixels, 0, TILE_SIZE, TILE_SIZE,
                TILE_SIZE);
        Rect tileRect = new Rect(xIdx * TILE_SIZE, yIdx * TILE_SIZE, TILE_SIZE, TILE_SIZE);
        for (Rect r : rects) {
            Rect clip = r.intersect(tileRect);
            for (int y = clip.y(); y < clip.bottom(); y++) {
                System.arraycopy(tilePixels, (y - tileRect.y()) * TILE_SIZE + (clip.x() - tileRect.x()), surface,
                        y * stride + clip.x(), clip.width());
            }
        }
    }

    /**
     * A TILE_UPGRADE body (2.2.4.2.1.5.5): per component, the bits between the tile's bit position and the new one
     * ({@code quantVals + progressive table}, per band) are added to its coefficients (3.3.8.2.1.2), then the tile
     * is transformed and painted again. The bands are those of the region's DWT (FreeRDP 2.11 always uses the
     * reduce-extrapolate offsets here, so upgrades in a classic-DWT region would differ there; Oriel writes none).
     */
    private Tile upgrade(ByteBuf body, ComponentQuant[] quantVals, ComponentQuant[][] progQuant, boolean extrapolate,
            List<Rect> rects, int[] surface, int stride) {
        Wire.ensureReadable(body, TILE_UPGRADE_FIXED_SIZE - BLOCK_HEADER_SIZE, TILE_UPGRADE);
        int[] quantIdx = {body.readUnsignedByte(), body.readUnsignedByte(), body.readUnsignedByte()};
        int xIdx = body.readUnsignedShortLE();
        int yIdx = body.readUnsignedShortLE();
        int quality = body.readUnsignedByte();
        int[] lengths = new int[6];
        for (int i = 0; i < 6; i++) {
            lengths[i] = body.readUnsignedShortLE();
        }
        String[] quantFields = {"quantIdxY", "quantIdxCb", "quantIdxCr"};
        for (int c = 0; c < 3; c++) {
            if (quantIdx[c] >= quantVals.length) {
                throw DecodeException.invalidField(TILE_UPGRADE, quantFields[c], quantIdx[c] + " >= numQuant "
                        + quantVals.length);
            }
        }
        if (quality != QUALITY_FULL && quality >= progQuant.length) {
            throw DecodeException.invalidField(TILE_UPGRADE, "progressiveQuality", quality + " >= numProgQuant "
                    + progQuant.length);
        }
        if (xIdx * TILE_SIZE >= surfaceWidth || yIdx * TILE_SIZE >= surfaceHeight) {
            throw DecodeException.invalidField(TILE_UPGRADE, "xIdx/yIdx", "tile (" + xIdx + ", " + yIdx
                    + ") lies outside the " + surfaceWidth + "x" + surfaceHeight + " surface");
        }
        String[] lengthFields = {"ySrlLen", "yRawLen", "cbSrlLen", "cbRawLen", "crSrlLen", "crRawLen"};
        byte[][] data = new byte[6][];
        for (int i = 0; i < 6; i++) {
            ByteBuf slice = Wire.readSlice(body, lengths[i], TILE_UPGRADE, lengthFields[i]);
            data[i] = new byte[lengths[i]];
            slice.readBytes(data[i]);
        }
        Wire.ensureFullyConsumed(body, TILE_UPGRADE);
        TileState state = current[yIdx * gridWidth + xIdx];
        if (state == null) {
            throw DecodeException.invalidField(TILE_UPGRADE, "xIdx/yIdx", "tile (" + xIdx + ", " + yIdx
                    + ") has had no first pass to upgrade");
        }
        int[] off = extrapolate ? EXTRAPOLATE_OFFSETS : CLASSIC_OFFSETS;
        int[] cnt = extrapolate ? EXTRAPOLATE_COUNTS : CLASSIC_COUNTS;
        int[][] newBitPos = new int[3][10];
        for (int c = 0; c < 3; c++) {
            int[] q = quantVals[quantIdx[c]].toArray();
            int[] p = (quality == QUALITY_FULL ? ComponentQuant.ZERO : progQuant[quality][c]).toArray();
            for (int b = 0; b < 10; b++) {
                newBitPos[c][b] = q[b] + p[b];
                if (newBitPos[c][b] > state.bitPos[c][b]) {
                    throw DecodeException.invalidField(TILE_UPGRADE, "progressiveQuality", "bit position "
                            + newBitPos[c][b] + " is coarser than the tile's " + state.bitPos[c][b]);
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            short[] coefficients = state.coefficients[c];
            short[] sign = state.sign[c];
            srl.reset(data[2 * c], 0, lengths[2 * c], TILE_UPGRADE, lengthFields[2 * c]);
            raw.reset(data[2 * c + 1], 0, lengths[2 * c + 1], TILE_UPGRADE, lengthFields[2 * c + 1]);
            for (int b : UPGRADE_ORDER) {
                int numBits = state.bitPos[c][b] - newBitPos[c][b];
                if (numBits == 0) {
                    continue;
                }
                int shift = newBitPos[c][b] - 1;
                for (int i = off[b], end = off[b] + cnt[b]; i < end; i++) {
                    int input;
                    if (b == 0) {
                        input = raw.read(numBits); // LL3: unsigned refinement bits
                    } else if (sign[i] > 0) {
                        input = raw.read(numBits);
                    } else if (sign[i] < 0) {
                        input = -raw.read(numBits);
                    } else {
                        input = srl.read(numBits);
                        sign[i] = (short) input;
                    }
                    coefficients[i] = (short) (coefficients[i] + (input << shift));
                }
            }
            // Both streams end at a byte boundary; FreeRDP also accepts one unused whole byte of SRL data.
            if (raw.bytesUsed() != lengths[2 * c + 1]) {
                throw DecodeException.invalidField(TILE_UPGRADE, lengthFields[2 * c + 1], lengths[2 * c + 1]
                        + " bytes where the coefficients use " + raw.bytesUsed());
            }
            int srlUsed = srl.bits.bytesUsed();
            if (srlUsed != lengths[2 * c] && srlUsed + 1 != lengths[2 * c]) {
                throw DecodeException.invalidField(TILE_UPGRADE, lengthFields[2 * c], lengths[2 * c]
                        + " bytes where the coefficients use " + srlUsed);
            }
            System.arraycopy(newBitPos[c], 0, state.bitPos[c], 0, 10);
            System.arraycopy(coefficients, 0, planes[c], 0, 4096);
            inverse(planes[c], extrapolate);
        }
        paint(xIdx, yIdx, rects, surface, stride);
        return new Tile(WBT_TILE_UPGRADE, xIdx, yIdx, quality);
    }
}
