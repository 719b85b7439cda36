package dev.oriel.rdp.core.graphics;

/**
 * Peak signal-to-noise ratio of two pictures over R, G and B (alpha ignored), in dB: the quality figure lossy codecs
 * are reported and tested by. Identical pictures give {@link Double#POSITIVE_INFINITY}.
 */
public final class Psnr {
    private Psnr() {
    }

    /** PSNR of two equally sized 0x..RRGGBB pixel arrays. */
    public static double of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("pictures of " + a.length + " and " + b.length + " pixels");
        }
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s <= 16; s += 8) {
                int d = (a[i] >> s & 0xFF) - (b[i] >> s & 0xFF);
                se += d * d;
            }
        }
        double mse = se / (3.0 * a.length);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
