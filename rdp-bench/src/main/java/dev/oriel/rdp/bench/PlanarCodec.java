package dev.oriel.rdp.bench;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.bench.Frames.Frame;
import dev.oriel.rdp.core.graphics.PlanarDecoder;
import dev.oriel.rdp.core.graphics.PlanarEncoder;
import dev.oriel.rdp.core.graphics.Psnr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Oriel's planar encoder per 64 × 64 tile, RLE, no alpha plane, rows bottom-up: what FreeRDP's
 * {@code planar-tile64} figure measures (its encoder writes bitmap-update row order).
 */
public final class PlanarCodec implements FrameCodec {
    @Override
    public String name() {
        return "planar-tile64";
    }

    @Override
    public Worker newWorker() {
        PlanarEncoder encoder = new PlanarEncoder(64 * 64);
        ByteBuf dst = Unpooled.buffer(64 * 64 * 4 + 64);
        return (f, first, step) -> {
            long total = 0;
            int n = FrameCodec.tileCount(f);
            for (int t = first; t < n; t += step) {
                Rect r = FrameCodec.tile(f, t);
                dst.clear();
                total += encoder.encode(f.argb(), r.y() * f.width() + r.x(), f.width(), r.width(), r.height(),
                        false, true, dst);
            }
            return total;
        };
    }

    @Override
    public String quality(Frame f) {
        PlanarEncoder encoder = new PlanarEncoder(64 * 64);
        ByteBuf dst = Unpooled.buffer(64 * 64 * 4 + 64);
        int[] decoded = new int[f.argb().length];
        for (int t = 0; t < FrameCodec.tileCount(f); t++) {
            Rect r = FrameCodec.tile(f, t);
            int x = r.x();
            int y = r.y();
            int w = r.width();
            int h = r.height();
            dst.clear();
            encoder.encode(f.argb(), y * f.width() + x, f.width(), w, h, false, true, dst);
            int[] tile = PlanarDecoder.decode(dst, w, h, true);
            for (int row = 0; row < h; row++) {
                System.arraycopy(tile, row * w, decoded, (y + row) * f.width() + x, w);
            }
        }
        return FrameCodec.describe(Psnr.of(f.argb(), decoded));
    }
}
