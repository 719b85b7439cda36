package dev.oriel.rdp.core.session;

import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.Rect;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The server's copy of a session's desktop plus the damage not yet sent, tracked per 64×64 tile as a bounding
 * box inside the tile (so damage is coalesced with a fixed memory cost, whatever the application submits).
 *
 * <p>Thread-safety: {@link #copyFrom} is called by application threads, everything else by the connection's event
 * loop; all methods synchronise on this object and hold the lock only for copying pixels.
 */
public final class Framebuffer {
    public static final int TILE = 64;

    private final int width;
    private final int height;
    private final int tilesX;
    private final int tilesY;
    /**
     * One array per scanline rather than one for the desktop: a 1024×768 desktop in a single array is a G1
     * "humongous" object that occupies whole regions (4 MiB of heap for 3 MiB of pixels with 2 MiB regions);
     * rows (32 KiB at the default width limit of 8192) are ordinary young-generation objects.
     */
    private final int[][] rows;
    /** Per tile: dirty bounding box as x0, y0, x1, y1 (exclusive, desktop coordinates); x1 == 0 when clean. */
    private final int[] dirty;
    private int dirtyTiles;
    /** Row-major tile index after the one taken last, so a busy region cannot starve the rest of the desktop. */
    private int cursor;
    /** Completed when every damage submitted so far has been taken; shared by all frames since the last completion. */
    private CompletableFuture<Void> waiter;

    public Framebuffer(int width, int height) {
        this.width = width;
        this.height = height;
        this.tilesX = (width + TILE - 1) / TILE;
        this.tilesY = (height + TILE - 1) / TILE;
        this.rows = new int[height][width];
        this.dirty = new int[tilesX * tilesY * 4];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Copies {@code damage} (clipped to both sizes) from {@code src}, marks it dirty, and returns the stage that
     * completes once that damage has been taken for sending ({@link #takeWaiterIfClean}).
     */
    public synchronized CompletableFuture<Void> copyFrom(PixelBuffer src, List<Rect> damage) {
        Rect bounds = new Rect(0, 0, Math.min(width, src.width()), Math.min(height, src.height()));
        for (Rect d : damage) {
            Rect r = d.intersect(bounds);
            if (r.isEmpty()) {
                continue;
            }
            for (int y = r.y(); y < r.bottom(); y++) {
                src.copyRow(r.x(), y, r.width(), rows[y], r.x());
            }
            markDirty(r);
        }
        if (waiter == null) {
            waiter = new CompletableFuture<>();
        }
        return waiter;
    }

    /**
     * When nothing is dirty, hands out (and forgets) the stage of the frames submitted so far, for the caller to
     * complete; null otherwise. Checked and taken under the same lock as {@link #copyFrom}, so a frame submitted
     * concurrently is never acknowledged before its damage is taken.
     */
    public synchronized CompletableFuture<Void> takeWaiterIfClean() {
        if (dirtyTiles != 0) {
            return null;
        }
        CompletableFuture<Void> w = waiter;
        waiter = null;
        return w;
    }

    /** Hands out the pending stage whatever the damage (to fail it when the session closes). */
    public synchronized CompletableFuture<Void> takeWaiter() {
        CompletableFuture<Void> w = waiter;
        waiter = null;
        return w;
    }

    /** Marks {@code r} (clipped to the desktop) to be sent again, e.g. after a Refresh Rect PDU. */
    public synchronized void invalidate(Rect r) {
        Rect c = r.intersect(new Rect(0, 0, width, height));
        if (!c.isEmpty()) {
            markDirty(c);
        }
    }

    /** Forgets all damage, e.g. of a desktop nobody is shown; its stage then completes as if sent. */
    public synchronized void discardDamage() {
        java.util.Arrays.fill(dirty, 0);
        dirtyTiles = 0;
    }

    public synchronized boolean hasDamage() {
        return dirtyTiles > 0;
    }

    private void markDirty(Rect r) {
        int tx0 = r.x() / TILE;
        int ty0 = r.y() / TILE;
        int tx1 = (r.right() - 1) / TILE;
        int ty1 = (r.bottom() - 1) / TILE;
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                int i = (ty * tilesX + tx) * 4;
                int x0 = Math.max(r.x(), tx * TILE);
                int y0 = Math.max(r.y(), ty * TILE);
                int x1 = Math.min(r.right(), (tx + 1) * TILE);
                int y1 = Math.min(r.bottom(), (ty + 1) * TILE);
                if (dirty[i + 2] == 0) {
                    dirty[i] = x0;
                    dirty[i + 1] = y0;
                    dirty[i + 2] = x1;
                    dirty[i + 3] = y1;
                    dirtyTiles++;
                } else {
                    dirty[i] = Math.min(dirty[i], x0);
                    dirty[i + 1] = Math.min(dirty[i + 1], y0);
                    dirty[i + 2] = Math.max(dirty[i + 2], x1);
                    dirty[i + 3] = Math.max(dirty[i + 3], y1);
                }
            }
        }
    }

    /**
     * Takes the next dirty region (in row-major tile order, starting after the tile taken last), copies its
     * pixels into {@code dst} (row-major, {@code width} ints per row) and marks it clean. Returns the region, or
     * null when nothing is dirty. {@code dst} must hold {@code TILE * TILE} ints.
     */
    public synchronized Rect takeDirtyTile(int[] dst) {
        return takeDirtyTile(dst, null);
    }

    /**
     * As {@link #takeDirtyTile(int[])}, but passing over the tiles flagged in {@code skip} (row-major tile indices)
     * and flagging the tile it takes. An encoder that sends a batch later uses it so a tile damaged again while the
     * batch is collected is left for the next batch instead of appearing twice in this one.
     */
    public synchronized Rect takeDirtyTile(int[] dst, boolean[] skip) {
        if (dirtyTiles == 0) {
            return null;
        }
        int n = tilesX * tilesY;
        for (int k = 0; k < n; k++) {
            int t = (cursor + k) % n;
            int i = t * 4;
            if (dirty[i + 2] != 0 && (skip == null || !skip[t])) {
                if (skip != null) {
                    skip[t] = true;
                }
                Rect r = new Rect(dirty[i], dirty[i + 1], dirty[i + 2] - dirty[i], dirty[i + 3] - dirty[i + 1]);
                dirty[i] = dirty[i + 1] = dirty[i + 2] = dirty[i + 3] = 0;
                dirtyTiles--;
                cursor = (t + 1) % n;
                for (int y = 0; y < r.height(); y++) {
                    System.arraycopy(rows[r.y() + y], r.x(), dst, y * r.width(), r.width());
                }
                return r;
            }
        }
        if (skip != null) {
            return null; // every dirty tile is one this batch already took
        }
        throw new IllegalStateException("dirty tile count out of sync");
    }

    /** How many 64 × 64 tiles hold damage. */
    public synchronized int dirtyTileCount() {
        return dirtyTiles;
    }

    /** The bounding box of all dirty regions, or null when nothing is dirty. */
    public synchronized Rect dirtyBounds() {
        if (dirtyTiles == 0) {
            return null;
        }
        int x0 = width;
        int y0 = height;
        int x1 = 0;
        int y1 = 0;
        for (int i = 0; i < dirty.length; i += 4) {
            if (dirty[i + 2] != 0) {
                x0 = Math.min(x0, dirty[i]);
                y0 = Math.min(y0, dirty[i + 1]);
                x1 = Math.max(x1, dirty[i + 2]);
                y1 = Math.max(y1, dirty[i + 3]);
            }
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** A hash of {@code length} pixels of a row from {@code offset}. */
    @FunctionalInterface
    public interface RowHash {
        long of(int[] row, int offset, int length);
    }

    /**
     * Hashes each row of {@code r} (inside the desktop) with {@code hash} into {@code out[0 .. r.height())}, without
     * copying the pixels.
     */
    public synchronized void rowHashes(Rect r, RowHash hash, long[] out) {
        for (int y = 0; y < r.height(); y++) {
            out[y] = hash.of(rows[r.y() + y], r.x(), r.width());
        }
    }

    /** Whether {@code length} pixels of row {@code y} from {@code x} equal {@code other} from {@code offset} (RGB). */
    public synchronized boolean rowEquals(int y, int x, int length, int[] other, int offset) {
        int[] row = rows[y];
        for (int i = 0; i < length; i++) {
            if (((row[x + i] ^ other[offset + i]) & 0x00FF_FFFF) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the whole desktop (for tests and diagnostics). */
    public synchronized int[] snapshot() {
        int[] all = new int[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(rows[y], 0, all, y * width, width);
        }
        return all;
    }
}
