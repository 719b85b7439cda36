package dev.oriel.rdp.bench;

import dev.oriel.rdp.bench.Frames.Frame;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.Psnr;
import java.util.List;

/**
 * An Oriel encoder as the codec bench drives it: a frame cut into 64 × 64 tiles (the unit both the graphics
 * pipeline and bitmap updates use), encoded by one or more threads, each with its own {@link Worker}.
 */
public interface FrameCodec {
    /** The name used in the tables, the same as the FreeRDP harness's where they compare. */
    String name();

    /** Per-thread encoder state; allocation-free after creation, as in the server. */
    interface Worker {
        /** Encodes tiles {@code first, first + step, …} of {@code f}; returns the bytes written. */
        long encode(Frame f, int first, int step);
    }

    Worker newWorker();

    /**
     * Whether the FreeRDP harness has the same codec to measure (FreeRDP 2.11 has no ClearCodec encoder, and its
     * progressive one uses the classic transform); rows without one show "-" there.
     */
    default boolean hasFreeRdpReference() {
        return true;
    }

    /** Encodes the whole frame once, decodes it with the matching decoder, and describes the result quality. */
    String quality(Frame f);

    static int tilesX(Frame f) {
        return (f.width() + 63) / 64;
    }

    static int tileCount(Frame f) {
        return tilesX(f) * ((f.height() + 63) / 64);
    }

    /** Tile {@code t} (row-major) of {@code f}: 64 × 64, smaller at the right and bottom edges. */
    static Rect tile(Frame f, int t) {
        int tx = tilesX(f);
        int x = (t % tx) * 64;
        int y = (t / tx) * 64;
        return new Rect(x, y, Math.min(64, f.width() - x), Math.min(64, f.height() - y));
    }

    /**
     * Fills {@code rects} with what a worker encodes as one message: the whole frame for a single thread, else the
     * tiles {@code first, first + step, …}; false when that share is empty.
     */
    static boolean share(Frame f, int first, int step, List<Rect> rects) {
        rects.clear();
        if (step == 1) {
            rects.add(new Rect(0, 0, f.width(), f.height()));
            return true;
        }
        for (int t = first; t < tileCount(f); t += step) {
            rects.add(tile(f, t));
        }
        return !rects.isEmpty();
    }

    static String describe(double psnr) {
        return Double.isInfinite(psnr) ? "exact" : String.format("PSNR %.2f dB", psnr);
    }
}
