package dev.oriel.rdp.bench;

import dev.oriel.rdp.bench.Frames.Frame;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.Psnr;
import dev.oriel.rdp.core.graphics.rfx.RfxDecoder;
import dev.oriel.rdp.core.graphics.rfx.RfxMessageEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Oriel's RemoteFX encoder, RLGR3 with FreeRDP's default quantisation, as FreeRDP's {@code rfx} figure measures it:
 * one message for the whole frame (one thread). With several threads each encodes its share of the tiles into a
 * message of its own (the header blocks then count once per thread).
 */
public final class RemoteFxCodec implements FrameCodec {
    @Override
    public String name() {
        return "rfx";
    }

    @Override
    public Worker newWorker() {
        RfxMessageEncoder encoder = new RfxMessageEncoder();
        ByteBuf dst = Unpooled.buffer(1 << 20);
        List<Rect> rects = new ArrayList<>();
        return (f, first, step) -> {
            if (!FrameCodec.share(f, first, step, rects)) {
                return 0;
            }
            dst.clear();
            return encoder.encode(f.argb(), 0, f.width(), f.width(), f.height(), rects, true, 0, dst);
        };
    }

    @Override
    public String quality(Frame f) {
        ByteBuf dst = Unpooled.buffer(1 << 20);
        new RfxMessageEncoder().encode(f.argb(), 0, f.width(), f.width(), f.height(),
                List.of(new Rect(0, 0, f.width(), f.height())), true, 0, dst);
        int[] decoded = new int[f.argb().length];
        new RfxDecoder().decode(dst, decoded, 0, f.width(), f.width(), f.height());
        return FrameCodec.describe(Psnr.of(f.argb(), decoded));
    }
}
