package dev.oriel.rdp.core.graphics.gfx;

import dev.oriel.rdp.core.graphics.PlanarEncoder;
import dev.oriel.rdp.core.session.Framebuffer;
import io.netty.buffer.ByteBuf;

/**
 * One thread's codec state: encodes a tile of a surface's shadow copy into an output buffer. Not thread-safe; the
 * pool keeps one per thread and a surface encoder one for tiles it encodes inline.
 */
final class GfxTileWorker {
    private static final int TILE = Framebuffer.TILE;
    private final int[] pixels = new int[TILE * TILE];
    private final PlanarEncoder planar = new PlanarEncoder(TILE * TILE);

    /** Largest planar output for one tile: raw planes, header and pad. */
    static final int MAX_OUTPUT = TILE * TILE * 4 + 2;

    /**
     * Planar, lossless, rows top-down as surfaces are ([MS-RDPEGFX] 2.2.4.3), no alpha plane: the XRGB surface
     * ignores alpha.
     */
    void encodePlanar(int[][] rows, int x, int y, int w, int h, ByteBuf out) {
        for (int r = 0; r < h; r++) {
            System.arraycopy(rows[y + r], x, pixels, r * w, w);
        }
        planar.encode(pixels, 0, w, w, h, false, false, out);
    }
}
