package dev.oriel.rdp.core.graphics.progressive;

import static dev.oriel.rdp.core.graphics.progressive.ProgressiveBlocks.*;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.rfx.Quantization;
import dev.oriel.rdp.core.graphics.rfx.RfxColor;
import dev.oriel.rdp.core.graphics.rfx.Rlgr;
import dev.oriel.rdp.core.graphics.rfx.RlgrMode;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes pixels of a surface as one RFX_PROGRESSIVE_BITMAP_STREAM ([MS-RDPEGFX] 2.2.4.2), the bitmapData of an
 * RDPGFX_WIRE_TO_SURFACE_PDU_2 (2.2.2.2) with codecId RDPGFX_CODECID_CAPROGRESSIVE (0x0009) and a codecContextId of
 * the server's choosing. WIRE_TO_SURFACE_2, not _1: the spec puts the progressive stream there (2.2.4.2), and
 * FreeRDP 2.11's client ({@code libfreerdp/gdi/gfx.c}, {@code gdi_SurfaceCommand_Progressive}) decodes codec 0x0009
 * with the destination offset taken from the command, which a WIRE_TO_SURFACE_2 leaves at zero: tile positions are
 * absolute surface coordinates (a WIRE_TO_SURFACE_1 would offset them by its destRect's origin).
 *
 * <p>Blocks written: SYNC and CONTEXT (when asked, e.g. on a surface's first message; the client needs neither but
 * they are cheap), FRAME_BEGIN, one REGION whose rects are the damage and whose tiles are every 64 × 64 grid tile
 * that meets it, each a TILE_SIMPLE (2.2.4.2.1.5.3: one pass, full quality), FRAME_END. The region sets
 * RFX_DWT_REDUCE_EXTRAPOLATE, so tiles use {@link ReduceExtrapolateDwt}; one quantisation table serves Y, Cb and Cr.
 * Entropy coding is RLGR1, the only mode progressive tiles use (3.2.8.1.3). Colour conversion, RLGR and band
 * quantisation are the RemoteFX ones.
 *
 * <p>Progressive passes ([MS-RDPEGFX] 3.2.8.1.4): {@link #encodeFirstPass} sends each damaged tile as a TILE_FIRST
 * at the coarsest of the encoder's progressive tables ({@link #DEFAULT_PASSES} unless given) and fills the caller's
 * {@link ProgressiveTileState} of that tile; each later {@link #encodeUpgradePass} sends the next TILE_UPGRADE of
 * the tiles it is given from their states alone (no pixels), until {@link ProgressiveTileState#isFinal()}. Every
 * message is FRAME_BEGIN, one REGION (carrying quantVals and all the progressive tables), FRAME_END; the last pass
 * leaves the client with exactly the coefficients, hence pixels, of the TILE_SIMPLE of the same quantisation.
 *
 * <p>Not thread-safe (scratch planes); keep one per encoding thread. Tile states are the caller's, one per surface
 * tile, used by one thread at a time; any encoder with the same settings may upgrade them. Pure: no I/O.
 */
public final class ProgressiveEncoder {
    /** Room for one component's RLGR stream: yLen, cbLen and crLen are 16-bit fields (2.2.4.2.1.5.3). */
    private static final int MAX_COMPONENT_BYTES = 0xFFFF;

    /**
     * The progressive quantisation tables of {@link #DEFAULT_PASSES}, wire order (LL3, HL3, LH3, HH3, HL2, LH2, HH2,
     * HL1, LH1, HH1): bits left out per band on top of the quantVals, for Y and for both chroma components.
     */
    private static final int[][][] DEFAULT_TABLES = {
            {{2, 3, 3, 3, 4, 4, 4, 5, 5, 5}, {3, 4, 4, 4, 5, 5, 5, 6, 6, 6}},
            {{1, 2, 2, 2, 2, 2, 3, 3, 3, 3}, {2, 2, 2, 3, 3, 3, 3, 4, 4, 4}},
            {{0, 1, 1, 1, 1, 1, 1, 1, 1, 2}, {1, 1, 1, 1, 1, 1, 2, 2, 2, 2}}};

    /**
     * Oriel's default progression: three coarse passes (qualities 25, 50 and 75) before the final one, each a
     * progressive quantisation table ([MS-RDPEGFX] 2.2.4.2.1.5.1) that leaves out more bits of the finer bands than
     * of the coarser ones and one more of chroma than of luma: the first pass leaves out 2 bits of Y's LL3 up to 5
     * of its level-1 bands (3 to 6 for Cb and Cr), the second about half as many, the third at most 2. The spec
     * fixes no tables (the values are the server's choice, 3.2.8.1.4; decoders only add them to quantVals), and
     * these are not copied from a Windows server: they were chosen so that each pass carries a comparable share of
     * the bits and no pass upgrades a band by more than {@link #MAX_PASS_BITS} bits.
     */
    public static final List<ProgressiveCodecQuant> DEFAULT_PASSES = defaultPasses();

    /** The most bits one upgrade pass may add to a band: bounds an SRL component within its 16-bit length. */
    public static final int MAX_PASS_BITS = 6;

    /** The quantisation and progression an encoder follows; a {@link ProgressiveTileState} records it. */
    record Passes(ComponentQuant quant, List<ProgressiveCodecQuant> levels) {
        /** Bits left out of band {@code b} (wire order) of component {@code c} at pass {@code p} (0 when final). */
        int leftOut(int p, int c, int b) {
            return p >= levels.size() ? 0 : levels.get(p).component(c).toArray()[b];
        }
    }

    private final ComponentQuant quant;
    private final int[] shifts;
    private final Passes passes;
    /** [pass][component][band]: {@link Passes#leftOut}, precomputed. */
    private final int[][][] leftOut;
    private final short[][] planes = {new short[4096], new short[4096], new short[4096]};
    private final short[] scratch = new short[4096];
    private final byte[] component = new byte[MAX_COMPONENT_BYTES];
    private final UpgradeCoding.SrlWriter srl = new UpgradeCoding.SrlWriter(MAX_COMPONENT_BYTES);
    private final UpgradeCoding.BitWriter raw = new UpgradeCoding.BitWriter(MAX_COMPONENT_BYTES);
    private boolean[] marked = new boolean[0];
    /** Per grid tile of a first pass: the damage's bounding box within it (x0, y0, x1, y1). */
    private int[] boxes = new int[0];

    /** An encoder with FreeRDP's default RemoteFX quantisation ({@link ComponentQuant#DEFAULT}). */
    public ProgressiveEncoder() {
        this(ComponentQuant.DEFAULT);
    }

    /** @param quant the quantisation factors (6..15 each) for all three components */
    public ProgressiveEncoder(ComponentQuant quant) {
        this(quant, DEFAULT_PASSES);
    }

    /**
     * @param quant the quantisation factors (6..15 each) for all three components, the final quality
     * @param passes the progressive tables of the passes before the final one, coarsest first: per band, each
     *     leaves out no fewer bits than the next, and at most {@link #MAX_PASS_BITS} more (the final pass leaves out
     *     none); at most 254 (0xFF is the final quality). Empty: a first pass is already final.
     */
    public ProgressiveEncoder(ComponentQuant quant, List<ProgressiveCodecQuant> passes) {
        if (Arrays.stream(quant.toArray()).anyMatch(v -> v < 6)) {
            throw new IllegalArgumentException("quantisation factors must be 6..15: " + quant);
        }
        if (passes.size() >= QUALITY_FULL) {
            throw new IllegalArgumentException(passes.size() + " passes");
        }
        this.quant = quant;
        this.shifts = ComponentQuant.shifts(quant, ComponentQuant.ZERO);
        this.passes = new Passes(quant, List.copyOf(passes));
        this.leftOut = new int[passes.size() + 1][3][10];
        for (int p = 0; p <= passes.size(); p++) {
            for (int c = 0; c < 3; c++) {
                for (int b = 0; b < 10; b++) {
                    leftOut[p][c][b] = this.passes.leftOut(p, c, b);
                    if (p > 0 && (leftOut[p][c][b] > leftOut[p - 1][c][b]
                            || leftOut[p - 1][c][b] - leftOut[p][c][b] > MAX_PASS_BITS)) {
                        throw new IllegalArgumentException("pass " + p + " of component " + c + " band " + b
                                + " must leave out 0.." + MAX_PASS_BITS + " bits fewer than the pass before");
                    }
                }
            }
        }
    }

    private static List<ProgressiveCodecQuant> defaultPasses() {
        int[] quality = {25, 50, 75};
        List<ProgressiveCodecQuant> out = new java.util.ArrayList<>();
        for (int p = 0; p < DEFAULT_TABLES.length; p++) {
            ComponentQuant luma = ComponentQuant.of(DEFAULT_TABLES[p][0]);
            ComponentQuant chroma = ComponentQuant.of(DEFAULT_TABLES[p][1]);
            out.add(new ProgressiveCodecQuant(quality[p], luma, chroma, chroma));
        }
        return List.copyOf(out);
    }

    /** Passes per tile, the first and the final one included. */
    public int passCount() {
        return passes.levels().size() + 1;
    }

    /** Where {@link #encodeFirstPass} finds the state of each tile it codes (the caller owns them). */
    @FunctionalInterface
    public interface TileStates {
        /** The state for grid tile ({@code xIdx}, {@code yIdx}), to be overwritten; never null. */
        ProgressiveTileState state(int xIdx, int yIdx);
    }

    /**
     * Appends one progressive bitmap stream to {@code dst} for the damage {@code rects} of a
     * {@code surfaceWidth × surfaceHeight} surface whose pixels (0xAARRGGBB, alpha not coded) are in {@code argb}
     * from {@code offset} with {@code stride} ints per row. Rects are clipped to the surface and empty ones dropped;
     * at least one must remain, since a region needs a rect (FreeRDP rejects numRects 0).
     *
     * @param frameIndex RFX_PROGRESSIVE_FRAME_BEGIN.frameIndex (decoders ignore it; use the RDPGFX frame id)
     * @param withHeaders whether to start with SYNC and CONTEXT
     * @return the number of bytes written
     * @throws IllegalArgumentException when no rect meets the surface, or a field overflows its wire width
     */
    public int encode(int[] argb, int offset, int stride, int surfaceWidth, int surfaceHeight, List<Rect> rects,
            long frameIndex, boolean withHeaders, ByteBuf dst) {
        return encodeTiles(argb, offset, stride, surfaceWidth, surfaceHeight, rects, null, frameIndex, withHeaders,
                dst);
    }

    /**
     * Appends one progressive bitmap stream that sends the first pass of every 64 × 64 grid tile the damage
     * {@code rects} meet: a TILE_FIRST (2.2.4.2.1.5.4) at the coarsest quality of this encoder's passes, in a region
     * that carries all the passes' progressive tables. Each tile's state, from {@code states}, is overwritten with
     * what its later passes need; send those with {@link #encodeUpgradePass}. Arguments and result as
     * {@link #encode}. A tile whose passes list is empty is final at once.
     */
    public int encodeFirstPass(int[] argb, int offset, int stride, int surfaceWidth, int surfaceHeight,
            List<Rect> rects, TileStates states, long frameIndex, boolean withHeaders, ByteBuf dst) {
        if (states == null) {
            throw new IllegalArgumentException("no tile states");
        }
        return encodeTiles(argb, offset, stride, surfaceWidth, surfaceHeight, rects, states, frameIndex,
                withHeaders, dst);
    }

    /**
     * Appends one progressive bitmap stream (FRAME_BEGIN, one REGION, FRAME_END; no SYNC or CONTEXT) that sends the
     * next pass of each tile in {@code tiles}, as a TILE_UPGRADE (2.2.4.2.1.5.5) coded from its state alone, and
     * advances the states. The region paints, per tile, the part its first pass painted. The states must have been
     * started by an encoder with the same quantisation and passes, must not be final, and must be distinct tiles;
     * they may be at different passes.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException when {@code tiles} is empty or holds a tile twice
     * @throws IllegalStateException when a state is not started, already final, or from other settings
     */
    public int encodeUpgradePass(List<ProgressiveTileState> tiles, long frameIndex, ByteBuf dst) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("no tiles to upgrade");
        }
        for (int i = 0; i < tiles.size(); i++) {
            ProgressiveTileState t = tiles.get(i);
            if (!t.isStarted() || t.isFinal() || !passes.equals(t.passes)) {
                throw new IllegalStateException("tile (" + t.xIdx + ", " + t.yIdx + ") has no upgrade pass to send"
                        + " with these settings: " + (t.isStarted() ? t.isFinal() ? "final" : "other settings"
                        : "not started"));
            }
            for (int j = 0; j < i; j++) {
                if (tiles.get(j).xIdx == t.xIdx && tiles.get(j).yIdx == t.yIdx) {
                    throw new IllegalArgumentException("tile (" + t.xIdx + ", " + t.yIdx + ") twice");
                }
            }
        }
        final int start = dst.writerIndex();
        writeFrameBegin(dst, frameIndex);
        int[] head = writeRegionHead(dst, tiles.size(), tiles.size());
        for (ProgressiveTileState t : tiles) {
            dst.writeShortLE(t.boxX);
            dst.writeShortLE(t.boxY);
            dst.writeShortLE(t.boxWidth);
            dst.writeShortLE(t.boxHeight);
        }
        final int tilesAt = writeTables(dst, head);
        for (ProgressiveTileState t : tiles) {
            writeUpgradeTile(t, dst);
        }
        endRegionAndFrame(dst, head, tilesAt);
        return dst.writerIndex() - start;
    }

    private int encodeTiles(int[] argb, int offset, int stride, int surfaceWidth, int surfaceHeight,
            List<Rect> rects, TileStates states, long frameIndex, boolean withHeaders, ByteBuf dst) {
        if (surfaceWidth < 1 || surfaceHeight < 1 || surfaceWidth > 0xFFFF || surfaceHeight > 0xFFFF) {
            throw new IllegalArgumentException("surface " + surfaceWidth + "x" + surfaceHeight);
        }
        Rect bounds = new Rect(0, 0, surfaceWidth, surfaceHeight);
        List<Rect> clipped = rects.stream().map(r -> r.intersect(bounds)).filter(r -> !r.isEmpty()).toList();
        if (clipped.isEmpty()) {
            throw new IllegalArgumentException("no rect meets the " + surfaceWidth + "x" + surfaceHeight + " surface");
        }
        int gridW = (surfaceWidth + TILE_SIZE - 1) / TILE_SIZE;
        int gridH = (surfaceHeight + TILE_SIZE - 1) / TILE_SIZE;
        if (marked.length < gridW * gridH) {
            marked = new boolean[gridW * gridH];
            boxes = new int[4 * gridW * gridH];
        } else {
            Arrays.fill(marked, 0, gridW * gridH, false);
        }
        int numTiles = 0;
        for (Rect r : clipped) {
            for (int ty = r.y() / TILE_SIZE; ty <= (r.bottom() - 1) / TILE_SIZE; ty++) {
                for (int tx = r.x() / TILE_SIZE; tx <= (r.right() - 1) / TILE_SIZE; tx++) {
                    int t = ty * gridW + tx;
                    int x0 = Math.max(r.x(), tx * TILE_SIZE);
                    int y0 = Math.max(r.y(), ty * TILE_SIZE);
                    int x1 = Math.min(r.right(), tx * TILE_SIZE + TILE_SIZE);
                    int y1 = Math.min(r.bottom(), ty * TILE_SIZE + TILE_SIZE);
                    if (!marked[t]) {
                        marked[t] = true;
                        numTiles++;
                        boxes[4 * t] = x0;
                        boxes[4 * t + 1] = y0;
                        boxes[4 * t + 2] = x1;
                        boxes[4 * t + 3] = y1;
                    } else {
                        boxes[4 * t] = Math.min(boxes[4 * t], x0);
                        boxes[4 * t + 1] = Math.min(boxes[4 * t + 1], y0);
                        boxes[4 * t + 2] = Math.max(boxes[4 * t + 2], x1);
                        boxes[4 * t + 3] = Math.max(boxes[4 * t + 3], y1);
                    }
                }
            }
        }
        final int start = dst.writerIndex();
        if (withHeaders) {
            dst.writeShortLE(WBT_SYNC);
            dst.writeIntLE(SYNC_SIZE);
            dst.writeIntLE((int) SYNC_MAGIC);
            dst.writeShortLE(SYNC_VERSION);
            dst.writeShortLE(WBT_CONTEXT);
            dst.writeIntLE(CONTEXT_SIZE);
            dst.writeByte(0); // ctxId: SHOULD be 0 (2.2.4.2.1.4)
            dst.writeShortLE(TILE_SIZE);
            // flags: TILE_SIMPLE streams say no sub-band diffing. Progressive passes set RFX_SUBBAND_DIFFING (which
            // permits tiles flagged RFX_TILE_DIFFERENCE, though Oriel flags none), because FreeRDP 2.11 logs a
            // warning for every TILE_UPGRADE decoded under a context without it.
            dst.writeByte(states == null ? 0 : RFX_SUBBAND_DIFFING);
        }
        writeFrameBegin(dst, frameIndex);
        int[] head = writeRegionHead(dst, clipped.size(), numTiles);
        for (Rect r : clipped) {
            dst.writeShortLE(r.x());
            dst.writeShortLE(r.y());
            dst.writeShortLE(r.width());
            dst.writeShortLE(r.height());
        }
        final int tiles = states == null ? writeQuant(dst) : writeTables(dst, head);
        for (int ty = 0; ty < gridH; ty++) {
            for (int tx = 0; tx < gridW; tx++) {
                int t = ty * gridW + tx;
                if (!marked[t]) {
                    continue;
                }
                if (states == null) {
                    writeTile(argb, offset, stride, surfaceWidth, surfaceHeight, tx, ty, dst);
                } else {
                    ProgressiveTileState state = states.state(tx, ty);
                    state.boxX = boxes[4 * t];
                    state.boxY = boxes[4 * t + 1];
                    state.boxWidth = boxes[4 * t + 2] - boxes[4 * t];
                    state.boxHeight = boxes[4 * t + 3] - boxes[4 * t + 1];
                    writeFirstTile(argb, offset, stride, surfaceWidth, surfaceHeight, tx, ty, state, dst);
                }
            }
        }
        endRegionAndFrame(dst, head, tiles);
        return dst.writerIndex() - start;
    }

    private static void writeFrameBegin(ByteBuf dst, long frameIndex) {
        dst.writeShortLE(WBT_FRAME_BEGIN);
        dst.writeIntLE(FRAME_BEGIN_SIZE);
        dst.writeIntLE((int) frameIndex);
        dst.writeShortLE(1); // regionCount
    }

    /** The region's fixed part; returns where it starts and where its tileDataSize goes. */
    private int[] writeRegionHead(ByteBuf dst, int numRects, int numTiles) {
        final int region = dst.writerIndex();
        dst.writeShortLE(WBT_REGION);
        dst.writeIntLE(0); // blockLen, patched below
        dst.writeByte(TILE_SIZE);
        dst.writeShortLE(Wire.u16(numRects, "RfxProgressiveRegion", "numRects"));
        dst.writeByte(1); // numQuant
        dst.writeByte(0); // numProgQuant, set by writeTables
        dst.writeByte(RFX_DWT_REDUCE_EXTRAPOLATE);
        dst.writeShortLE(Wire.u16(numTiles, "RfxProgressiveRegion", "numTiles"));
        final int tileDataSizeAt = dst.writerIndex();
        dst.writeIntLE(0); // tileDataSize, patched below
        return new int[] {region, tileDataSizeAt};
    }

    /** The one quantVals table; returns where the tiles start. */
    private int writeQuant(ByteBuf dst) {
        quant.encode(dst);
        return dst.writerIndex();
    }

    /** quantVals and every progressive table (numProgQuant patched); returns where the tiles start. */
    private int writeTables(ByteBuf dst, int[] head) {
        dst.setByte(head[0] + 10, passes.levels().size());
        quant.encode(dst);
        for (ProgressiveCodecQuant q : passes.levels()) {
            q.encode(dst);
        }
        return dst.writerIndex();
    }

    private void endRegionAndFrame(ByteBuf dst, int[] head, int tiles) {
        int region = head[0];
        dst.setIntLE(head[1], dst.writerIndex() - tiles);
        dst.setIntLE(region + 2, dst.writerIndex() - region);
        dst.writeShortLE(WBT_FRAME_END);
        dst.writeIntLE(FRAME_END_SIZE);
    }

    /** One RFX_PROGRESSIVE_TILE_SIMPLE for grid tile (tx, ty); partial edge tiles are padded by edge replication. */
    private void writeTile(int[] argb, int offset, int stride, int surfaceWidth, int surfaceHeight, int tx, int ty,
            ByteBuf dst) {
        loadTile(argb, offset, stride, surfaceWidth, surfaceHeight, tx, ty);
        final int at = writeTileStart(WBT_TILE_SIMPLE, tx, ty, dst);
        dst.writeByte(0); // flags: not a difference
        final int lengths = dst.writerIndex();
        dst.writeZero(8); // yLen, cbLen, crLen, tailLen (0: no tail data)
        for (int c = 0; c < 3; c++) {
            int n = encodeComponent(planes[c]);
            dst.setShortLE(lengths + 2 * c, n);
            dst.writeBytes(component, 0, n);
        }
        dst.setIntLE(at + 2, dst.writerIndex() - at);
    }

    /** Grid tile (tx, ty) into {@link #planes} as Y, Cb, Cr; a partial edge tile is padded by replication. */
    private void loadTile(int[] argb, int offset, int stride, int surfaceWidth, int surfaceHeight, int tx, int ty) {
        int x = tx * TILE_SIZE;
        int y = ty * TILE_SIZE;
        int w = Math.min(TILE_SIZE, surfaceWidth - x);
        int h = Math.min(TILE_SIZE, surfaceHeight - y);
        RfxColor.toYCbCr(argb, offset + y * stride + x, stride, w, h, planes[0], planes[1], planes[2]);
    }

    /**
     * The fields every tile block starts with (2.2.4.2.1.5.3-5): blockType, blockLen (0, patched by the caller once
     * the block is written), the quantisation indices (all 0: one table) and the grid position. Returns where the
     * block starts.
     */
    private static int writeTileStart(int blockType, int tx, int ty, ByteBuf dst) {
        int at = dst.writerIndex();
        dst.writeShortLE(blockType);
        dst.writeIntLE(0); // blockLen, patched by the caller
        dst.writeByte(0); // quantIdxY
        dst.writeByte(0); // quantIdxCb
        dst.writeByte(0); // quantIdxCr
        dst.writeShortLE(tx);
        dst.writeShortLE(ty);
        return at;
    }

    private static boolean isConstant(short[] plane, short value) {
        for (short v : plane) {
            if (v != value) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reduce-extrapolate DWT, quantisation, LL3 differential, RLGR1 ([MS-RDPEGFX] 3.2.8.1); the bytes land in
     * {@link #component}.
     */
    private int encodeComponent(short[] plane) {
        transform(plane);
        ProgressiveBlocks.quantize(plane, shifts, true);
        return Rlgr.encode(RlgrMode.RLGR1, plane, component, 0, component.length);
    }

    /** The reduce-extrapolate DWT, in place. */
    private void transform(short[] plane) {
        short first = plane[0];
        if (isConstant(plane, first)) {
            // Flat content (common on desktops): the transform of a constant is that constant in every LL3
            // coefficient and zero elsewhere (extrapolation continues it exactly), so skip the DWT. Same bytes.
            Arrays.fill(plane, (short) 0);
            Arrays.fill(plane, ReduceExtrapolateDwt.LL3, 4096, first);
        } else {
            ReduceExtrapolateDwt.forward(plane, scratch);
        }
    }

    /**
     * A TILE_FIRST for grid tile (tx, ty) at the first pass's quality. Every coefficient is quantised to the final
     * quality first, exactly as a TILE_SIMPLE would be, and kept in the state; the first pass sends those values
     * with the pass's extra bits dropped (3.2.8.1.4): towards zero by magnitude outside LL3 (so later passes add
     * magnitude bits under the sign, and SRL codes the coefficients that become significant), and by an arithmetic
     * shift in LL3 (whose upgrade bits are unsigned). The last pass thus restores the final values exactly: the tile
     * ends as the TILE_SIMPLE of the same quantisation would paint it.
     */
    private void writeFirstTile(int[] argb, int offset, int stride, int surfaceWidth, int surfaceHeight, int tx,
            int ty, ProgressiveTileState state, ByteBuf dst) {
        loadTile(argb, offset, stride, surfaceWidth, surfaceHeight, tx, ty);
        state.xIdx = tx;
        state.yIdx = ty;
        state.passes = passes;
        state.pass = 0;
        final int at = writeTileStart(WBT_TILE_FIRST, tx, ty, dst);
        dst.writeByte(0); // flags: not a difference
        dst.writeByte(passes.levels().isEmpty() ? QUALITY_FULL : 0); // progressiveQuality: index of the table
        final int lengths = dst.writerIndex();
        dst.writeZero(8); // yLen, cbLen, crLen, tailLen (0: no tail data)
        for (int c = 0; c < 3; c++) {
            short[] plane = planes[c];
            transform(plane);
            for (int b = 0; b < 10; b++) {
                Quantization.quantizeBand(plane, EXTRAPOLATE_OFFSETS[b], EXTRAPOLATE_COUNTS[b], shifts[b]);
            }
            System.arraycopy(plane, 0, state.coefficients[c], 0, 4096);
            for (int b = 0; b < 10; b++) {
                int d = leftOut[0][c][b];
                if (d == 0) {
                    continue;
                }
                for (int i = EXTRAPOLATE_OFFSETS[b], end = i + EXTRAPOLATE_COUNTS[b]; i < end; i++) {
                    int v = plane[i];
                    plane[i] = (short) (b == 0 || v >= 0 ? v >> d : -((-v) >> d));
                }
            }
            Quantization.differentialEncode(plane, EXTRAPOLATE_OFFSETS[0], EXTRAPOLATE_COUNTS[0]);
            int n = Rlgr.encode(RlgrMode.RLGR1, plane, component, 0, component.length);
            dst.setShortLE(lengths + 2 * c, n);
            dst.writeBytes(component, 0, n);
        }
        dst.setIntLE(at + 2, dst.writerIndex() - at);
    }

    /**
     * The TILE_UPGRADE of the state's next pass (3.2.8.1.4, 3.3.8.2.1.2): per component and band (in
     * {@link ProgressiveBlocks#UPGRADE_ORDER}), the bits between the last pass's bit position and this one's. A
     * coefficient the decoder already holds as non-zero, and every LL3 one, gets them in the RAW stream; the others
     * are SRL-coded with their sign, those that stay zero as runs.
     */
    private void writeUpgradeTile(ProgressiveTileState state, ByteBuf dst) {
        final int p = state.pass + 1;
        final int at = writeTileStart(WBT_TILE_UPGRADE, state.xIdx, state.yIdx, dst);
        dst.writeByte(p < passes.levels().size() ? p : QUALITY_FULL); // progressiveQuality
        final int lengths = dst.writerIndex();
        dst.writeZero(12); // ySrlLen, yRawLen, cbSrlLen, cbRawLen, crSrlLen, crRawLen
        for (int c = 0; c < 3; c++) {
            short[] q = state.coefficients[c];
            srl.reset();
            raw.reset();
            for (int b : UPGRADE_ORDER) {
                int before = leftOut[p - 1][c][b];
                int after = leftOut[p][c][b];
                int n = before - after;
                if (n == 0) {
                    continue;
                }
                int mask = (1 << n) - 1;
                for (int i = EXTRAPOLATE_OFFSETS[b], end = i + EXTRAPOLATE_COUNTS[b]; i < end; i++) {
                    int v = q[i];
                    if (b == 0) {
                        raw.write(v >> after & mask, n);
                        continue;
                    }
                    int m = Math.abs(v);
                    if (m >> before != 0) {
                        raw.write(m >> after & mask, n);
                    } else {
                        srl.write(v < 0 ? -(m >> after) : m >> after, n);
                    }
                }
            }
            srl.finish();
            int srlLen = srl.bits.bytes();
            int rawLen = raw.bytes();
            dst.setShortLE(lengths + 4 * c, srlLen);
            dst.setShortLE(lengths + 4 * c + 2, rawLen);
            dst.writeBytes(srl.bits.data, 0, srlLen);
            dst.writeBytes(raw.data, 0, rawLen);
        }
        dst.setIntLE(at + 2, dst.writerIndex() - at);
        state.pass = p;
    }
}
