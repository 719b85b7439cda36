package dev.oriel.rdp.core.api;

/** A desktop size in pixels. */
public record DesktopSize(int width, int height) {
    public DesktopSize {
        if (width <= 0 || height <= 0 || width > 32766 || height > 32766) {
            throw new IllegalArgumentException("invalid desktop size " + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
