package dev.oriel.rdp.core.graphics.progressive;

/**
 * What {@link ProgressiveEncoder} keeps of one surface tile between its progressive passes, so that each upgrade
 * pass is coded from it without the pixels: the tile's coefficients quantised to the final quality (Y, Cb, Cr;
 * 24 KiB, allocated once with the object), its grid position, the part of it that the first pass painted, and the
 * passes sent so far.
 *
 * <p>One object per surface tile that is being refined; reusable: a new first pass overwrites it (e.g. when the
 * tile changes again before its last pass), {@link #reset()} forgets it. Not thread-safe: a caller encodes a given
 * tile on one thread at a time, and hands the object between threads with a happens-before edge (as an executor
 * hand-off gives).
 */
public final class ProgressiveTileState {
    /** Per component, the quantised coefficients of the final quality, sub-band layout, LL3 not differenced. */
    final short[][] coefficients = new short[3][4096];
    int xIdx;
    int yIdx;
    /** The area of the tile a pass paints (surface coordinates): the first pass's damage within the tile. */
    int boxX;
    int boxY;
    int boxWidth;
    int boxHeight;
    /** Index of the last pass sent: −1 before the first, 0 for the first, {@code passes.size()} when final. */
    int pass = -1;
    /** The encoder settings the passes follow (a state is upgraded only by an encoder with the same ones). */
    ProgressiveEncoder.Passes passes;

    /** Whether a first pass has been sent and not {@link #reset()}. */
    public boolean isStarted() {
        return pass >= 0;
    }

    /** Whether the tile has reached its final quality: no upgrade pass is left to send. */
    public boolean isFinal() {
        return pass >= 0 && pass == passes.levels().size();
    }

    /** Passes sent so far, the first included (0 before the first). */
    public int passesSent() {
        return pass + 1;
    }

    /** The grid column of the tile (valid once started). */
    public int xIdx() {
        return xIdx;
    }

    /** The grid row of the tile (valid once started). */
    public int yIdx() {
        return yIdx;
    }

    /** Forgets the tile: no pass sent. */
    public void reset() {
        pass = -1;
        passes = null;
    }
}
