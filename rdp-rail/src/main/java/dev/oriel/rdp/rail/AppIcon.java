package dev.oriel.rdp.rail;

import dev.oriel.rdp.rail.orders.IconInfo;
import java.util.Objects;

/**
 * A window or tray icon: {@code 0xAARRGGBB} pixels, row-major, top row first, with real alpha. At most 96×96
 * pixels; clients without high-DPI icon support get it scaled to 32×32 (P-RAIL-6).
 */
public final class AppIcon {
    public static final int MAX_SIZE = 96;
    private final int width;
    private final int height;
    private final int[] argb;

    public AppIcon(int width, int height, int[] argb) {
        if (width <= 0 || height <= 0 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("icon size must be 1.." + MAX_SIZE + ": " + width + "x" + height);
        }
        Objects.requireNonNull(argb, "argb");
        if (argb.length != width * height) {
            throw new IllegalArgumentException("need " + width * height + " pixels, got " + argb.length);
        }
        this.width = width;
        this.height = height;
        this.argb = argb.clone();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A copy of the pixels, {@code 0xAARRGGBB}, top row first. */
    public int[] argb() {
        return argb.clone();
    }

    /** The icon at most {@code max} pixels on each side (nearest-neighbour downscale), as TS_ICON_INFO. */
    IconInfo toIconInfo(int max) {
        if (width <= max && height <= max) {
            return IconInfo.fromArgb(width, height, argb);
        }
        double scale = Math.min((double) max / width, (double) max / height);
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(height - 1, (int) (y / scale));
            for (int x = 0; x < w; x++) {
                out[y * w + x] = argb[sy * width + Math.min(width - 1, (int) (x / scale))];
            }
        }
        return IconInfo.fromArgb(w, h, out);
    }
}
