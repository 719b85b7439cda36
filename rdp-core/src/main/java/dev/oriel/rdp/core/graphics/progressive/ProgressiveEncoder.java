package dev.oriel.rdp.core.graphics.progressive;

import static dev.oriel.rdp.core.graphics.progressive.ProgressiveBlocks.*;

import dev.oriel.rdp.core.api.Rect;
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
 * <p>Not thread-safe (scratch planes); keep one per encoding thread. Pure: no I/O.
 */
public final class ProgressiveEncoder {
    /** Room for one component's RLGR stream: yLen, cbLen and crLen are 16-bit fields (2.2.4.2.1.5.3). */
    private static final int MAX_COMPONENT_BYTES = 0xFFFF;

    private final ComponentQuant quant;
    private final int[] shifts;
    private final short[][] planes = {new short[4096], new short[4096], new short[4096]};
    private final short[] scratch = new short[4096];
    private final byte[] component = new byte[MAX_COMPONENT_BYTES];
    private boolean[] marked = new boolean[0];

    /** An encoder with FreeRDP's default RemoteFX quantisation ({@link ComponentQuant#DEFAULT}). */
    public ProgressiveEncoder() {
        this(ComponentQuant.DEFAULT);
    }

    /** @param quant the quantisation factors (6..15 each) for all three components */
    public ProgressiveEncoder(ComponentQuant quant) {
        if (Arrays.stream(quant.toArray()).anyMatch(v -> v < 6)) {
            throw new IllegalArgumentException("quantisation factors must be 6..15: " + quant);
        }
        this.quant = quant;
        this.shifts = ComponentQuant.shifts(quant, ComponentQuant.ZERO);
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
        } else {
            Arrays.fill(marked, 0, gridW * gridH, false);
        }
        int numTiles = 0;
        for (Rect r : clipped) {
            for (int ty = r.y() / TILE_SIZE; ty <= (r.bottom() - 1) / TILE_SIZE; ty++) {
                for (int tx = r.x() / TILE_SIZE; tx <= (r.right() - 1) / TILE_SIZE; tx++) {
                    if (!marked[ty * gridW + tx]) {
                        marked[ty * gridW + tx] = true;
                        numTiles++;
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
            dst.writeByte(0); // flags: no sub-band diffing, every tile stands alone
        }
        dst.writeShortLE(WBT_FRAME_BEGIN);
        dst.writeIntLE(FRAME_BEGIN_SIZE);
        dst.writeIntLE((int) frameIndex);
        dst.writeShortLE(1); // regionCount
        final int region = dst.writerIndex();
        dst.writeShortLE(WBT_REGION);
        dst.writeIntLE(0); // blockLen, patched below
        dst.writeByte(TILE_SIZE);
        dst.writeShortLE(Wire.u16(clipped.size(), "RfxProgressiveRegion", "numRects"));
        dst.writeByte(1); // numQuant
        dst.writeByte(0); // numProgQuant: TILE_SIMPLE needs no progressive table
        dst.writeByte(RFX_DWT_REDUCE_EXTRAPOLATE);
        dst.writeShortLE(Wire.u16(numTiles, "RfxProgressiveRegion", "numTiles"));
        final int tileDataSizeAt = dst.writerIndex();
        dst.writeIntLE(0); // tileDataSize, patched below
        for (Rect r : clipped) {
            dst.writeShortLE(r.x());
            dst.writeShortLE(r.y());
            dst.writeShortLE(r.width());
            dst.writeShortLE(r.height());
        }
        quant.encode(dst);
        final int tiles = dst.writerIndex();
        for (int ty = 0; ty < gridH; ty++) {
            for (int tx = 0; tx < gridW; tx++) {
                if (marked[ty * gridW + tx]) {
                    writeTile(argb, offset, stride, surfaceWidth, surfaceHeight, tx, ty, dst);
                }
            }
        }
        dst.setIntLE(tileDataSizeAt, dst.writerIndex() - tiles);
        dst.setIntLE(region + 2, dst.writerIndex() - region);
        dst.writeShortLE(WBT_FRAME_END);
        dst.writeIntLE(FRAME_END_SIZE);
        return dst.writerIndex() - start;
    }

    /** One RFX_PROGRESSIVE_TILE_SIMPLE for grid tile (tx, ty); partial edge tiles are padded by edge replication. */
    private void writeTile(int[] argb, int offset, int stride, int surfaceWidth, int surfaceHeight, int tx, int ty,
            ByteBuf dst) {
        int x = tx * TILE_SIZE;
        int y = ty * TILE_SIZE;
        int w = Math.min(TILE_SIZE, surfaceWidth - x);
        int h = Math.min(TILE_SIZE, surfaceHeight - y);
        RfxColor.toYCbCr(argb, offset + y * stride + x, stride, w, h, planes[0], planes[1], planes[2]);
        final int at = dst.writerIndex();
        dst.writeShortLE(WBT_TILE_SIMPLE);
        dst.writeIntLE(0); // blockLen, patched below
        dst.writeByte(0); // quantIdxY
        dst.writeByte(0); // quantIdxCb
        dst.writeByte(0); // quantIdxCr
        dst.writeShortLE(tx);
        dst.writeShortLE(ty);
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
        short first = plane[0];
        if (isConstant(plane, first)) {
            // Flat content (common on desktops): the transform of a constant is that constant in every LL3
            // coefficient and zero elsewhere (extrapolation continues it exactly), so skip the DWT. Same bytes.
            Arrays.fill(plane, (short) 0);
            Arrays.fill(plane, ReduceExtrapolateDwt.LL3, 4096, first);
        } else {
            ReduceExtrapolateDwt.forward(plane, scratch);
        }
        ProgressiveBlocks.quantize(plane, shifts, true);
        return Rlgr.encode(RlgrMode.RLGR1, plane, component, 0, component.length);
    }
}
