package dev.oriel.rdp.core.graphics.gfx;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.PlanarEncoder;
import dev.oriel.rdp.core.pdu.gfx.CacheToSurface;
import dev.oriel.rdp.core.pdu.gfx.EvictCacheEntry;
import dev.oriel.rdp.core.pdu.gfx.GfxPdu;
import dev.oriel.rdp.core.pdu.gfx.GfxPoint;
import dev.oriel.rdp.core.pdu.gfx.GfxRect;
import dev.oriel.rdp.core.pdu.gfx.SolidFill;
import dev.oriel.rdp.core.pdu.gfx.SurfaceToCache;
import dev.oriel.rdp.core.pdu.gfx.WireToSurface1;
import dev.oriel.rdp.core.session.Framebuffer;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a framebuffer's damage into the drawing PDUs of one graphics frame for one surface, choosing per 64 × 64 tile
 * the cheapest way to bring the client's copy up to date:
 * <ol>
 *   <li>nothing, when the damaged pixels equal what the client already shows (applications often repaint more than
 *       changed);
 *   <li>a solid fill ([MS-RDPEGFX] 2.2.2.4) when the region is one colour;
 *   <li>cache to surface ([MS-RDPEGFX] 2.2.2.7) when a whole tile's content was sent before and is still cached;
 *   <li>otherwise planar (lossless, [MS-RDPEGDI] 3.1.9), and a whole tile is then copied into the client's cache
 *       ([MS-RDPEGFX] 2.2.2.6), evicting the least recently used entry when the budget is spent (2.2.2.8).
 * </ol>
 * The counters ({@link #stats()}) show which way each tile went.
 *
 * <p>Not thread-safe: confined to the connection's event loop. Pixel work is allocation-free; the PDU records are
 * small per-tile objects.
 */
public final class GfxSurfaceEncoder {
    private static final int TILE = Framebuffer.TILE;

    private final int surfaceId;
    private final int width;
    private final int height;
    private final int tilesX;
    /** What the client's surface shows, where {@link #known}; rows of the surface. */
    private final int[][] shadow;
    /** Per tile: the client's copy of the whole tile is known (it was sent whole at least once). */
    private final boolean[] known;
    private final GfxBitmapCache cache;
    private final int[] tile = new int[TILE * TILE];
    private final PlanarEncoder planar = new PlanarEncoder(TILE * TILE);
    /** Large enough for a raw 64 × 64 planar stream with all four planes. */
    private final ByteBuf scratch = Unpooled.wrappedBuffer(new byte[TILE * TILE * 4 + 16]);
    private final Stats stats = new Stats();

    /** How tiles were sent, cumulative for the surface. */
    public static final class Stats {
        long unchanged;
        long solid;
        long cacheHits;
        long planar;
        long codecBytes;

        public long unchanged() {
            return unchanged;
        }

        public long solid() {
            return solid;
        }

        public long cacheHits() {
            return cacheHits;
        }

        public long planar() {
            return planar;
        }

        /** Bytes of codec payload (planar streams), without PDU headers. */
        public long codecBytes() {
            return codecBytes;
        }

        @Override
        public String toString() {
            return "unchanged=" + unchanged + " solid=" + solid + " cacheHits=" + cacheHits + " planar=" + planar
                    + " codecBytes=" + codecBytes;
        }
    }

    public GfxSurfaceEncoder(int surfaceId, int width, int height, int cacheSlots, long cacheBytes) {
        this.surfaceId = surfaceId;
        this.width = width;
        this.height = height;
        this.tilesX = (width + TILE - 1) / TILE;
        this.shadow = new int[height][width];
        this.known = new boolean[tilesX * ((height + TILE - 1) / TILE)];
        this.cache = new GfxBitmapCache(cacheSlots, cacheBytes, TILE * TILE * 4);
    }

    public Stats stats() {
        return stats;
    }

    int cacheCapacity() {
        return cache.capacity();
    }

    /**
     * Takes up to {@code maxTiles} dirty regions from {@code fb} and appends the PDUs that draw them to {@code out}
     * (the caller frames them with Start/End Frame).
     *
     * @return the number of dirty regions taken (including those found unchanged)
     */
    public int encode(Framebuffer fb, int maxTiles, List<GfxPdu> out) {
        Map<Integer, List<GfxRect>> fills = new LinkedHashMap<>();
        int taken = 0;
        while (taken < maxTiles) {
            Rect r = fb.takeDirtyTile(tile);
            if (r == null) {
                break;
            }
            taken++;
            encodeRegion(r, fills, out);
        }
        fills.forEach((colour, rects) -> out.add(new SolidFill(surfaceId, colour, rects)));
        return taken;
    }

    private void encodeRegion(Rect r, Map<Integer, List<GfxRect>> fills, List<GfxPdu> out) {
        int t = (r.y() / TILE) * tilesX + r.x() / TILE;
        boolean wholeTile = r.width() == TILE && r.height() == TILE;
        if (known[t] && sameAsShadow(r)) {
            stats.unchanged++;
            return;
        }
        toShadow(r);
        if (wholeTile || (r.x() % TILE == 0 && r.y() % TILE == 0 && r.right() == Math.min(width, r.x() + TILE)
                && r.bottom() == Math.min(height, r.y() + TILE))) {
            known[t] = true;
        }
        int n = r.width() * r.height();
        GfxRect dest = new GfxRect(r.x(), r.y(), r.right(), r.bottom());
        int first = tile[0];
        if (isSolid(n, first)) {
            // The XA byte of RDPGFX_COLOR32 is ignored on XRGB surfaces; send it opaque.
            fills.computeIfAbsent(first | 0xFF00_0000, c -> new ArrayList<>()).add(dest);
            stats.solid++;
            return;
        }
        long key = 0;
        if (wholeTile) {
            key = hash(tile, n);
            int slot = cache.lookup(key);
            if (slot != 0) {
                out.add(new CacheToSurface(slot, surfaceId, List.of(new GfxPoint(r.x(), r.y()))));
                stats.cacheHits++;
                return;
            }
        }
        byte[] bytes = planarTile(r.width(), r.height());
        out.add(new WireToSurface1(surfaceId, WireToSurface1.CODEC_PLANAR, GfxPdu.PIXEL_FORMAT_XRGB_8888, dest,
                Bytes.of(bytes)));
        stats.planar++;
        stats.codecBytes += bytes.length;
        if (wholeTile) {
            int slot = cache.insert(key, evicted -> out.add(new EvictCacheEntry(evicted)));
            out.add(new SurfaceToCache(surfaceId, key, slot, dest));
        }
    }

    private byte[] planarTile(int w, int h) {
        scratch.clear();
        // Planar, lossless, rows top-down as surfaces are ([MS-RDPEGFX] 2.2.4.3), no alpha plane.
        int len = planar.encode(tile, 0, w, w, h, false, false, scratch);
        return Arrays.copyOf(scratch.array(), len);
    }

    private boolean isSolid(int n, int first) {
        for (int i = 1; i < n; i++) {
            if (((tile[i] ^ first) & 0x00FF_FFFF) != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean sameAsShadow(Rect r) {
        int w = r.width();
        for (int y = 0; y < r.height(); y++) {
            int[] row = shadow[r.y() + y];
            int o = y * w;
            for (int x = 0; x < w; x++) {
                if (((row[r.x() + x] ^ tile[o + x]) & 0x00FF_FFFF) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private void toShadow(Rect r) {
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(tile, y * r.width(), shadow[r.y() + y], r.x(), r.width());
        }
    }

    /** Forgets what the client shows, e.g. after the surface was recreated: everything is sent again. */
    public void reset() {
        Arrays.fill(known, false);
        cache.clear();
    }

    /**
     * A 64-bit content key for {@code n} pixels (alpha ignored, as on XRGB surfaces): two multiply-xorshift lanes
     * over pixel pairs, then a 64-bit finaliser so every input bit reaches every key bit.
     */
    static long hash(int[] px, int n) {
        long h1 = 0x9E37_79B9_7F4A_7C15L ^ n;
        long h2 = 0xC2B2_AE3D_27D4_EB4FL;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            h1 = (h1 ^ (px[i] & 0x00FF_FFFFL)) * 0xFF51_AFD7_ED55_8CCDL;
            h1 ^= h1 >>> 29;
            h2 = (h2 ^ (px[i + 1] & 0x00FF_FFFFL)) * 0xC4CE_B9FE_1A85_EC53L;
            h2 ^= h2 >>> 31;
        }
        if (i < n) {
            h1 = (h1 ^ (px[i] & 0x00FF_FFFFL)) * 0xFF51_AFD7_ED55_8CCDL;
        }
        long h = h1 ^ Long.rotateLeft(h2, 31);
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        h ^= h >>> 33;
        return h;
    }
}
