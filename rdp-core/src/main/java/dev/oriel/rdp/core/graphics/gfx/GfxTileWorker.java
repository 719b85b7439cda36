package dev.oriel.rdp.core.graphics.gfx;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.AlphaCodecEncoder;
import dev.oriel.rdp.core.graphics.PlanarEncoder;
import dev.oriel.rdp.core.graphics.progressive.ComponentQuant;
import dev.oriel.rdp.core.graphics.progressive.ProgressiveEncoder;
import dev.oriel.rdp.core.graphics.progressive.ProgressiveTileState;
import dev.oriel.rdp.core.graphics.rfx.RfxMessageEncoder;
import dev.oriel.rdp.core.graphics.rfx.RfxQuant;
import dev.oriel.rdp.core.graphics.rfx.RlgrMode;
import dev.oriel.rdp.core.session.Framebuffer;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * One thread's codec state: encodes a tile of a surface's shadow copy into an output buffer. Not thread-safe; the
 * pool keeps one per thread and a surface encoder one for tiles it encodes inline.
 */
final class GfxTileWorker {
    private static final int TILE = Framebuffer.TILE;
    private final int[] pixels = new int[TILE * TILE];
    private final PlanarEncoder planar = new PlanarEncoder(TILE * TILE);
    /** One RemoteFX encoder per quantisation in use (sessions may differ); usually one. */
    private final java.util.Map<RfxQuant, RfxMessageEncoder> rfx = new java.util.HashMap<>();

    /**
     * Largest output for one tile: planar raw planes with header and pad, or a RemoteFX message (headers, one
     * region, one tile whose three components are at most 64 × 64 × 2 bytes each after RLGR's worst case).
     */
    static final int MAX_OUTPUT = TILE * TILE * 4 + 2;
    static final int MAX_RFX_OUTPUT = 3 * TILE * TILE * 2 + 512;
    static final int MAX_ALPHA_OUTPUT = AlphaCodecEncoder.maxEncodedSize(TILE, TILE);
    /** A progressive stream of one tile: SYNC, CONTEXT, FRAME_BEGIN, one region with its rect, the tile, FRAME_END. */
    static final int MAX_PROGRESSIVE_OUTPUT = MAX_RFX_OUTPUT;
    /** One progressive encoder per quantisation in use, as for RemoteFX. */
    private final java.util.Map<RfxQuant, ProgressiveEncoder> progressive = new java.util.HashMap<>();
    private final AlphaCodecEncoder alpha = new AlphaCodecEncoder();

    /** Copies the {@code w × h} region at ({@code x}, {@code y}) of {@code rows} into {@code dst}, row after row. */
    static void copy(int[][] rows, int x, int y, int w, int h, int[] dst) {
        for (int r = 0; r < h; r++) {
            System.arraycopy(rows[y + r], x, dst, r * w, w);
        }
    }

    /**
     * Planar, rows top-down as surfaces are ([MS-RDPEGFX] 2.2.4.3); the alpha plane only for ARGB surfaces (XRGB ones
     * ignore alpha); lossless, or with a colour loss level of 1..7 and chroma subsampling ([MS-RDPEGDI] 3.1.9.1.2-4).
     */
    void encodePlanar(int[][] rows, int x, int y, int w, int h, boolean alpha, int colorLossLevel, ByteBuf out) {
        copy(rows, x, y, w, h, pixels);
        planar.encode(pixels, 0, w, w, h, alpha, false, colorLossLevel, colorLossLevel > 0, out);
    }

    /**
     * RemoteFX Progressive ([MS-RDPEGFX] 2.2.4.2): the coarse first pass (TILE_FIRST) of the grid tile holding
     * {@code rect}, which it paints on the client, from the whole tile of {@code rows}, keeping in {@code state} what
     * the upgrade passes need; with SYNC and CONTEXT first when {@code headers}.
     */
    void encodeProgressiveFirst(int[][] rows, int surfaceWidth, int surfaceHeight, Rect rect, RfxQuant quant,
            boolean headers, ProgressiveTileState state, ByteBuf out) {
        int x0 = rect.x() / TILE * TILE;
        int y0 = rect.y() / TILE * TILE;
        int w = Math.min(TILE, surfaceWidth - x0);
        int h = Math.min(TILE, surfaceHeight - y0);
        copy(rows, x0, y0, w, h, pixels);
        // The encoder addresses the surface; the offset maps the tile's surface position to the copy's origin.
        progressive(quant).encodeFirstPass(pixels, -(y0 * w + x0), w, surfaceWidth, surfaceHeight, List.of(rect),
                (x, y) -> state, 0, headers, out);
    }

    /** The next progressive pass (TILE_UPGRADE) of a tile, from its state alone. */
    void encodeProgressiveUpgrade(ProgressiveTileState state, RfxQuant quant, ByteBuf out) {
        progressive(quant).encodeUpgradePass(List.of(state), 0, out);
    }

    private ProgressiveEncoder progressive(RfxQuant q) {
        return progressive.computeIfAbsent(q, k -> new ProgressiveEncoder(new ComponentQuant(k.ll3(), k.hl3(),
                k.lh3(), k.hh3(), k.hl2(), k.lh2(), k.hh2(), k.hl1(), k.lh1(), k.hh1())));
    }

    /** The alpha of a tile of an ARGB surface, with the alpha codec ([MS-RDPEGFX] 2.2.4.3), after its RemoteFX. */
    void encodeAlpha(int[][] rows, int x, int y, int w, int h, ByteBuf out) {
        copy(rows, x, y, w, h, pixels);
        alpha.encode(pixels, 0, w, w, h, out);
    }

    /**
     * RemoteFX ([MS-RDPRFX]) in the form RDPGFX carries it (CAVIDEO, header blocks in every message, tile positions
     * relative to the destination rectangle, [MS-RDPEGFX] 2.2.4.1), RLGR3.
     */
    void encodeRemoteFx(int[][] rows, int x, int y, int w, int h, RfxQuant quant, ByteBuf out) {
        copy(rows, x, y, w, h, pixels);
        RfxMessageEncoder encoder = rfx.computeIfAbsent(quant, q -> new RfxMessageEncoder(RlgrMode.RLGR3, q));
        encoder.encodeForGfx(pixels, 0, w, w, h, List.of(new Rect(0, 0, w, h)), 0, out);
    }
}
