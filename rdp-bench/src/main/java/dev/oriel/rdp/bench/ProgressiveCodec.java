package dev.oriel.rdp.bench;

import dev.oriel.rdp.bench.Frames.Frame;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.Psnr;
import dev.oriel.rdp.core.graphics.progressive.ProgressiveDecoder;
import dev.oriel.rdp.core.graphics.progressive.ProgressiveEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Oriel's progressive RemoteFX encoder ([MS-RDPEGFX] 2.2.4.2): TILE_SIMPLE tiles, reduce-extrapolate DWT, RLGR1,
 * FreeRDP's default quantisation; one stream (with SYNC and CONTEXT) for the whole frame on one thread, one per
 * thread's share of the tiles otherwise, as {@link RemoteFxCodec} does. No FreeRDP column: the harness does not
 * drive FreeRDP 2.11's {@code progressive_compress_ex}, which writes TILE_SIMPLE with the classic DWT through its
 * RemoteFX encoder (so it would measure {@code rfx} with RLGR1 again, not the same transform).
 */
public final class ProgressiveCodec implements FrameCodec {
    @Override
    public String name() {
        return "progressive";
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
        return (f, first, step) -> {
            if (!FrameCodec.share(f, first, step, rects)) {
                return 0;
            }
            dst.clear();
            return encoder.encode(f.argb(), 0, f.width(), f.width(), f.height(), rects, 0, true, dst);
        };
    }

    @Override
    public String quality(Frame f) {
        ByteBuf dst = Unpooled.buffer(1 << 20);
        try {
            new ProgressiveEncoder().encode(f.argb(), 0, f.width(), f.width(), f.height(),
                    List.of(new Rect(0, 0, f.width(), f.height())), 0, true, dst);
            int[] decoded = new int[f.argb().length];
            new ProgressiveDecoder(f.width(), f.height()).decode(dst, decoded, f.width());
            return FrameCodec.describe(Psnr.of(f.argb(), decoded));
        } finally {
            dst.release();
        }
    }
}
