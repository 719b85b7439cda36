package dev.oriel.rdp.core.api;

import java.util.List;
import java.util.Objects;

/**
 * New pixels for a session's desktop: the whole desktop-sized {@link PixelBuffer} and the rectangles that changed.
 * Only damaged rectangles are read and sent.
 *
 * @param pixels the desktop's pixels; its size should equal the session's desktop size (larger is clipped)
 * @param damage rectangles (exclusive edges) that changed since the previous frame; clipped to the desktop
 */
public record Frame(PixelBuffer pixels, List<Rect> damage) {
    public Frame {
        Objects.requireNonNull(pixels, "pixels");
        damage = List.copyOf(damage);
    }

    /** A frame whose whole area is damaged. */
    public static Frame full(PixelBuffer pixels) {
        return new Frame(pixels, List.of(new Rect(0, 0, pixels.width(), pixels.height())));
    }
}
