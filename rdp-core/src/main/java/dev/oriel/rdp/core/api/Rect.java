package dev.oriel.rdp.core.api;

/**
 * An axis-aligned rectangle with exclusive right and bottom edges ({@code x + width}, {@code y + height}).
 * Wire structures that are inclusive are converted in the PDU layer only.
 */
public record Rect(int x, int y, int width, int height) {
    public Rect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + height);
        }
    }

    public static Rect of(DesktopSize size) {
        return new Rect(0, 0, size.width(), size.height());
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** The intersection with {@code other}; empty (possibly at an arbitrary position) when they do not overlap. */
    public Rect intersect(Rect other) {
        int l = Math.max(x, other.x);
        int t = Math.max(y, other.y);
        int r = Math.min(right(), other.right());
        int b = Math.min(bottom(), other.bottom());
        return r <= l || b <= t ? new Rect(l, t, 0, 0) : new Rect(l, t, r - l, b - t);
    }

    /** The smallest rectangle containing both. */
    public Rect union(Rect other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        int l = Math.min(x, other.x);
        int t = Math.min(y, other.y);
        return new Rect(l, t, Math.max(right(), other.right()) - l, Math.max(bottom(), other.bottom()) - t);
    }

    public boolean contains(int px, int py) {
        return px >= x && py >= y && px < right() && py < bottom();
    }
}
