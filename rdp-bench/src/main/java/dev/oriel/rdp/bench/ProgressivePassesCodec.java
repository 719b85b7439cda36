package dev.oriel.rdp.bench;

import dev.oriel.rdp.bench.Frames.Frame;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.Psnr;
import dev.oriel.rdp.core.graphics.progressive.ProgressiveDecoder;
import dev.oriel.rdp.core.graphics.progressive.ProgressiveEncoder;
import dev.oriel.rdp.core.graphics.progressive.ProgressiveTileState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Oriel's progressive passes ([MS-RDPEGFX] 2.2.4.2.1.5.4–5): the frame's tiles sent coarse first
 * ({@code ProgressiveEncoder.encodeFirstPass}, TILE_FIRST, with SYNC and CONTEXT) and refined by every upgrade
 * pass ({@code encodeUpgradePass}, TILE_UPGRADE) up to the final quality, which paints what the {@code progressive}
 * row's TILE_SIMPLE does. Bytes and time are those of all the passes together; the quality column gives each pass's
 * bytes and the PSNR after it. One tile state per grid tile, kept by the worker as a server would keep them.
 */
public final class ProgressivePassesCodec implements FrameCodec {
    @Override
    public String name() {
        return "progressive-passes";
    }

    @Override
    public boolean hasFreeRdpReference() {
        return false;
    }

    @Override
    public Worker newWorker() {
        ProgressiveEncoder encoder = new ProgressiveEncoder();
        ByteBuf dst = Unpooled.buffer(1 << 20);
        List<Rect> rects = new ArrayList<>();
        List<ProgressiveTileState> started = new ArrayList<>();
        ProgressiveTileState[][] grid = {new ProgressiveTileState[0]};
        return (f, first, step) -> {
            int tiles = FrameCodec.tileCount(f);
            if (grid[0].length < tiles) {
                grid[0] = new ProgressiveTileState[tiles];
                for (int i = 0; i < tiles; i++) {
                    grid[0][i] = new ProgressiveTileState();
                }
            }
            int tx = FrameCodec.tilesX(f);
            rects.clear();
            for (int t = first; t < tiles; t += step) {
                rects.add(FrameCodec.tile(f, t));
            }
            if (rects.isEmpty()) {
                return 0;
            }
            dst.clear();
            long bytes = encoder.encodeFirstPass(f.argb(), 0, f.width(), f.width(), f.height(), rects,
                    (x, y) -> grid[0][y * tx + x], 0, true, dst);
            started.clear();
            for (int t = first; t < tiles; t += step) {
                started.add(grid[0][t]);
            }
            for (int p = 1; p < encoder.passCount(); p++) {
                dst.clear();
                bytes += encoder.encodeUpgradePass(started, p, dst);
            }
            return bytes;
        };
    }

    @Override
    public String quality(Frame f) {
        ProgressiveEncoder encoder = new ProgressiveEncoder();
        int tx = FrameCodec.tilesX(f);
        ProgressiveTileState[] grid = new ProgressiveTileState[FrameCodec.tileCount(f)];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = new ProgressiveTileState();
        }
        ProgressiveDecoder decoder = new ProgressiveDecoder(f.width(), f.height());
        int[] decoded = new int[f.argb().length];
        StringBuilder out = new StringBuilder("passes");
        ByteBuf dst = Unpooled.buffer(1 << 20);
        try {
            for (int p = 0; p < encoder.passCount(); p++) {
                dst.clear();
                int n = p == 0 ? encoder.encodeFirstPass(f.argb(), 0, f.width(), f.width(), f.height(),
                        List.of(new Rect(0, 0, f.width(), f.height())), (x, y) -> grid[y * tx + x], 0, true, dst)
                        : encoder.encodeUpgradePass(List.of(grid), p, dst);
                decoder.decode(dst, decoded, f.width());
                double psnr = Psnr.of(f.argb(), decoded);
                out.append(String.format("%s %,d B %.2f dB", p == 0 ? ":" : ";", n, psnr));
            }
            return out.toString();
        } finally {
            dst.release();
        }
    }
}
