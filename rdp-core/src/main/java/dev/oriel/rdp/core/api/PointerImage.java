package dev.oriel.rdp.core.api;

import java.util.Arrays;

/**
 * A colour pointer (cursor) image with straight alpha and a hot spot. Up to 96×96 works with every client; up to
 * 384×384 with clients that support large pointers.
 */
public final class PointerImage {
    private final int width;
    private final int height;
    private final int hotSpotX;
    private final int hotSpotY;
    private final int[] argb;

    /**
     * @param argb {@code width × height} pixels {@code 0xAARRGGBB}, row-major, top row first; copied
     */
    public PointerImage(int width, int height, int hotSpotX, int hotSpotY, int[] argb) {
        if (width < 1 || height < 1 || width > 384 || height > 384) {
            throw new IllegalArgumentException("pointer size must be 1..384: " + width + "x" + height);
        }
        if (hotSpotX < 0 || hotSpotX >= width || hotSpotY < 0 || hotSpotY >= height) {
            throw new IllegalArgumentException("hot spot outside the image");
        }
        if (argb.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + argb.length);
        }
        this.width = width;
        this.height = height;
        this.hotSpotX = hotSpotX;
        this.hotSpotY = hotSpotY;
        this.argb = argb.clone();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int hotSpotX() {
        return hotSpotX;
    }

    public int hotSpotY() {
        return hotSpotY;
    }

    /** A copy of the pixels. */
    public int[] argb() {
        return argb.clone();
    }

    /** The pixel at column {@code x}, row {@code y}. */
    public int pixel(int x, int y) {
        return argb[y * width + x];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointerImage p && p.width == width && p.height == height && p.hotSpotX == hotSpotX
                && p.hotSpotY == hotSpotY && Arrays.equals(p.argb, argb);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(argb) + width * 7 + height * 13 + hotSpotX * 17 + hotSpotY;
    }

    @Override
    public String toString() {
        return "PointerImage[" + width + "x" + height + " hot=" + hotSpotX + "," + hotSpotY + "]";
    }
}
