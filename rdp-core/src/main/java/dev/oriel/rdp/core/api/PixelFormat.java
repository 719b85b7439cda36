package dev.oriel.rdp.core.api;

/** Layouts of 32-bit pixels accepted by {@link PixelBuffer}. */
public enum PixelFormat {
    /** Opaque pixels: {@code 0x..RRGGBB} ints, or B, G, R, X bytes; the top byte is ignored. */
    XRGB32,
    /** Pixels with straight alpha: {@code 0xAARRGGBB} ints, or B, G, R, A bytes. */
    ARGB32
}
