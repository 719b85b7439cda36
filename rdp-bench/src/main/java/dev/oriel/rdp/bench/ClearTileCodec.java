package dev.oriel.rdp.bench;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.bench.Frames.Frame;
import dev.oriel.rdp.core.graphics.Psnr;
import dev.oriel.rdp.core.graphics.clear.ClearDecoder;
import dev.oriel.rdp.core.graphics.clear.ClearEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Oriel's ClearCodec encoder ([MS-RDPEGFX] 2.2.4.1) per 64 × 64 tile, as the graphics pipeline would send the frame.
 * Each encode of the frame starts from a new encoder, i.e. empty V-Bar, Short V-Bar and Glyph Storage, so the bytes
 * are those of a first frame (a warm cache only makes later frames smaller) and compare with planar's, which has no
 * state. No FreeRDP column: FreeRDP 2.11's {@code clear_compress} is a stub that logs "TODO: not implemented!".
 */
public final class ClearTileCodec implements FrameCodec {
    @Override
    public String name() {
        return "clear-tile64";
    }

    @Override
    public boolean hasFreeRdpReference() {
        return false;
    }

    @Override
    public Worker newWorker() {
        ByteBuf dst = Unpooled.buffer(64 * 64 * 4 + 64);
        return (f, first, step) -> {
            ClearEncoder encoder = new ClearEncoder();
            long total = 0;
            int n = FrameCodec.tileCount(f);
            for (int t = first; t < n; t += step) {
                Rect r = FrameCodec.tile(f, t);
                dst.clear();
                total += encoder.encode(f.argb(), r.y() * f.width() + r.x(), f.width(), r.width(), r.height(),
                        dst);
            }
            return total;
        };
    }

    @Override
    public String quality(Frame f) {
        ClearEncoder encoder = new ClearEncoder();
        ClearDecoder decoder = new ClearDecoder();
        ByteBuf dst = Unpooled.buffer(64 * 64 * 4 + 64);
        int[] decoded = new int[f.argb().length];
        for (int t = 0; t < FrameCodec.tileCount(f); t++) {
            Rect r = FrameCodec.tile(f, t);
            int x = r.x();
            int y = r.y();
            int w = r.width();
            int h = r.height();
            dst.clear();
            encoder.encode(f.argb(), y * f.width() + x, f.width(), w, h, dst);
            decoder.decode(dst, w, h, decoded, y * f.width() + x, f.width());
        }
        return FrameCodec.describe(Psnr.of(f.argb(), decoded)); // alpha ignored: ClearCodec carries none
    }
}
