package dev.oriel.rdp.bench;

import dev.oriel.rdp.bench.Frames.Frame;

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

    /** Encodes the whole frame once, decodes it with the matching decoder, and describes the result quality. */
    String quality(Frame f);

    static int tilesX(Frame f) {
        return (f.width() + 63) / 64;
    }

    static int tileCount(Frame f) {
        return tilesX(f) * ((f.height() + 63) / 64);
    }

    /** PSNR over R, G and B, in dB; infinite when identical. */
    static double psnr(int[] a, int[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s < 24; s += 8) {
                int d = ((a[i] >>> s) & 0xFF) - ((b[i] >>> s) & 0xFF);
                se += d * d;
            }
        }
        if (se == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 10 * Math.log10(255.0 * 255.0 / (se / (3.0 * a.length)));
    }

    static String describe(double psnr) {
        return Double.isInfinite(psnr) ? "exact" : String.format("PSNR %.2f dB", psnr);
    }
}
