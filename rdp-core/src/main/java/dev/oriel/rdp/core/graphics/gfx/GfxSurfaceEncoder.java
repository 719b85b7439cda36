package dev.oriel.rdp.core.graphics.gfx;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.clear.ClearEncoder;
import dev.oriel.rdp.core.graphics.progressive.ProgressiveTileState;
import dev.oriel.rdp.core.graphics.rfx.RfxQuant;
import dev.oriel.rdp.core.pdu.gfx.CacheToSurface;
import dev.oriel.rdp.core.pdu.gfx.EvictCacheEntry;
import dev.oriel.rdp.core.pdu.gfx.GfxPdu;
import dev.oriel.rdp.core.pdu.gfx.GfxPoint;
import dev.oriel.rdp.core.pdu.gfx.GfxRect;
import dev.oriel.rdp.core.pdu.gfx.SolidFill;
import dev.oriel.rdp.core.pdu.gfx.SurfaceToCache;
import dev.oriel.rdp.core.pdu.gfx.SurfaceToSurface;
import dev.oriel.rdp.core.pdu.gfx.WireToSurface1;
import dev.oriel.rdp.core.pdu.gfx.WireToSurface2;
import dev.oriel.rdp.core.session.Framebuffer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a framebuffer's damage into the drawing PDUs of one graphics frame for one surface, choosing per 64 × 64 tile
 * the cheapest way to bring the client's copy up to date:
 * <ol>
 *   <li>nothing, when the damaged pixels equal what the client already shows (applications often repaint more than
 *       changed);
 *   <li>a solid fill ([MS-RDPEGFX] 2.2.2.4) when the region is one colour;
 *   <li>cache to surface ([MS-RDPEGFX] 2.2.2.7) when a whole tile's content was sent before and is still cached;
 *   <li>RemoteFX ([MS-RDPRFX], lossy) when the content is photo-like and the session allows it; once such a tile
 *       stays still it is sent again losslessly ({@link #refine}), so a still picture ends up exact;
 *   <li>otherwise planar (lossless, [MS-RDPEGDI] 3.1.9), and a whole tile is then copied into the client's cache
 *       ([MS-RDPEGFX] 2.2.2.6), evicting the least recently used entry when the budget is spent (2.2.2.8).
 * </ol>
 * The choice is made on the event loop ({@link #prepare}), which is cheap; the codec work of a {@link Frame} runs on
 * an {@link GfxEncoderPool} spread over its threads, or inline when the frame is small. The counters
 * ({@link #stats()}) show which way each tile went.
 *
 * <p>Codec workers read the pixels from this encoder's shadow copy (what the client will show), which only
 * {@link #prepare} writes: a caller must not prepare the next frame before the previous one is encoded.
 *
 * <p>Not thread-safe: confined to the connection's event loop.
 */
public final class GfxSurfaceEncoder {
    private static final int TILE = Framebuffer.TILE;
    /** Frames with at most this many tiles to encode are encoded on the calling thread: the hand-off costs more. */
    static final int INLINE_TILES = 2;

    private final int surfaceId;
    private final int width;
    private final int height;
    private final int tilesX;
    /** What the client's surface shows once the frames prepared so far are drawn; rows of the surface. */
    private final int[][] shadow;
    /** Per tile: the client's copy of the whole tile is known (it was sent whole at least once). */
    private final boolean[] known;
    private final boolean[] takenThisFrame;
    private final GfxBitmapCache cache;
    /** RemoteFX quantisation for photo-like tiles, or null when they are planar too. */
    private final RfxQuant photoQuant;
    /**
     * Without RemoteFX, photo-like tiles go planar with colour loss and chroma subsampling (lossy, refined like
     * RemoteFX): for thin clients, which RemoteFX's transform would burden ([MS-RDPEGFX] 2.2.3.1 THINCLIENT).
     */
    private final boolean lossyPlanar;
    /** Photo-like tiles go RemoteFX Progressive (WireToSurface2) rather than RemoteFX, with {@link #photoQuant}. */
    private final boolean progressive;
    /** A progressive stream went out on this surface: later ones need not repeat SYNC and CONTEXT. */
    private boolean progressiveHeadersSent;
    /** The codec context of this surface's progressive streams ([MS-RDPEGFX] 2.2.2.2): its surface id. */
    private final long progressiveContext;
    /**
     * Per tile, its progressive passes while it is being refined (first pass sent, upgrades to come), else null:
     * 24 KiB each, so only tiles in refinement hold one.
     */
    private final ProgressiveTileState[] progressiveStates;
    /** The channel's ClearCodec encoder when text and UI tiles go ClearCodec (XRGB surfaces only); else null. */
    private final ClearEncoder clear;
    private final int[] clearPixels;
    /**
     * Colour loss level of lossy planar, with chroma subsampling ([MS-RDPEGDI] 2.2.2.5.1): the reference photo tile
     * takes 6,146 bytes instead of 12,290 at 31.0 dB (the subsampling costs most of the quality; levels 1 to 3 differ
     * by 0.2 dB), the UI tile 1,018 instead of 2,371.
     */
    static final int LOSSY_PLANAR_CLL = 2;
    /** ARGB surface: alpha is part of every pixel (planar alpha plane, compared, hashed, filled). */
    private final boolean alpha;
    private final int pixelMask;
    private final long hashMask;
    /** Per tile: the client shows a lossy picture of it, to be refined ({@link #refine}). */
    private final boolean[] lossy;
    private final long[] lossySince;
    private int lossyCount;
    private final int[] tile = new int[TILE * TILE];
    /** Open-addressing set for counting colours ({@link #photoLike}); entries valid when their generation matches. */
    private final int[] colourKeys = new int[1024];
    private final int[] colourGen = new int[1024];
    private int generation;
    /** The time of the frame being prepared (the session's clock, in nanoseconds). */
    private long now;
    private final GfxTileWorker inlineWorker = new GfxTileWorker();
    /** Codec state of each encoder pool thread. */
    private static final ThreadLocal<GfxTileWorker> WORKERS = ThreadLocal.withInitial(GfxTileWorker::new);
    private final Stats stats = new Stats();
    private final ScrollDetector scrolls = new ScrollDetector();

    /** How tiles were sent, cumulative for the surface. Read on the event loop. */
    public static final class Stats {
        long unchanged;
        long solid;
        long cacheHits;
        long planar;
        long remoteFx;
        long alpha;
        long lossyPlanar;
        long upgrades;
        long refined;
        long scrolls;
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

        /** Photo-like tiles sent with RemoteFX (lossy). */
        public long remoteFx() {
            return remoteFx;
        }

        /** RemoteFX tiles of an ARGB surface that were not opaque: their alpha followed with the alpha codec. */
        public long alpha() {
            return alpha;
        }

        /** Photo-like tiles sent planar with colour loss and chroma subsampling (thin clients; lossy). */
        public long lossyPlanar() {
            return lossyPlanar;
        }

        /** Progressive upgrade passes sent for photo-like tiles that stayed still (each makes a tile finer). */
        public long upgrades() {
            return upgrades;
        }

        /** Lossy tiles sent again losslessly once they stayed still. */
        public long refined() {
            return refined;
        }

        /** Surface-to-surface copies sent for content that moved up or down. */
        public long scrolls() {
            return scrolls;
        }

        /** Bytes of codec payload (planar, RemoteFX, alpha), without PDU headers. */
        public long codecBytes() {
            return codecBytes;
        }

        /** The sum of this and {@code other}, e.g. over a channel's surfaces. */
        public Stats plus(Stats other) {
            Stats s = new Stats();
            s.unchanged = unchanged + other.unchanged;
            s.solid = solid + other.solid;
            s.cacheHits = cacheHits + other.cacheHits;
            s.planar = planar + other.planar;
            s.remoteFx = remoteFx + other.remoteFx;
            s.alpha = alpha + other.alpha;
            s.lossyPlanar = lossyPlanar + other.lossyPlanar;
            s.upgrades = upgrades + other.upgrades;
            s.refined = refined + other.refined;
            s.scrolls = scrolls + other.scrolls;
            s.codecBytes = codecBytes + other.codecBytes;
            return s;
        }

        @Override
        public String toString() {
            return "unchanged=" + unchanged + " solid=" + solid + " cacheHits=" + cacheHits + " planar=" + planar
                    + " remoteFx=" + remoteFx + " alpha=" + alpha + " lossyPlanar=" + lossyPlanar
                    + " upgrades=" + upgrades + " refined=" + refined + " scrolls=" + scrolls + " codecBytes="
                    + codecBytes;
        }
    }

    /**
     * An XRGB surface.
     *
     * @param photoQuant the RemoteFX quantisation for photo-like tiles, or null to send them planar
     */
    public GfxSurfaceEncoder(int surfaceId, int width, int height, int cacheSlots, long cacheBytes,
            RfxQuant photoQuant) {
        this(surfaceId, width, height, cacheSlots, cacheBytes, photoQuant, false);
    }

    /**
     * @param alpha an ARGB surface ([MS-RDPEGFX] 2.2.1.4 PIXEL_FORMAT_ARGB_8888), e.g. a RemoteApp window's: planar
     *              tiles carry the alpha plane, RemoteFX ones (which have no alpha) are followed by the alpha codec
     *              where the tile is not opaque, and scrolls are not detected
     */
    public GfxSurfaceEncoder(int surfaceId, int width, int height, int cacheSlots, long cacheBytes,
            RfxQuant photoQuant, boolean alpha) {
        this(surfaceId, width, height, new GfxBitmapCache(cacheSlots, cacheBytes, TILE * TILE * 4), photoQuant,
                false, false, alpha);
    }

    /**
     * @param cache       the client's bitmap cache, shared by every surface of the channel (the client has one)
     * @param photoQuant  RemoteFX quantisation of photo-like tiles, or null for planar
     * @param progressive photo-like tiles as RemoteFX Progressive instead of RemoteFX (needs {@code photoQuant})
     * @param lossyPlanar without {@code photoQuant}, photo-like tiles as lossy planar
     */
    GfxSurfaceEncoder(int surfaceId, int width, int height, GfxBitmapCache cache, RfxQuant photoQuant,
            boolean progressive, boolean lossyPlanar, boolean alpha) {
        this(surfaceId, width, height, cache, photoQuant, progressive, lossyPlanar, null, alpha);
    }

    /**
     * @param clear the channel's ClearCodec encoder for lossless tiles (ignored on ARGB surfaces: ClearCodec has no
     *              alpha), or null for planar
     */
    GfxSurfaceEncoder(int surfaceId, int width, int height, GfxBitmapCache cache, RfxQuant photoQuant,
            boolean progressive, boolean lossyPlanar, ClearEncoder clear, boolean alpha) {
        this.surfaceId = surfaceId;
        this.alpha = alpha;
        this.pixelMask = alpha ? 0xFFFF_FFFF : 0x00FF_FFFF;
        this.hashMask = alpha ? 0xFFFF_FFFFL : 0x00FF_FFFFL;
        this.photoQuant = photoQuant;
        this.lossyPlanar = lossyPlanar && photoQuant == null;
        this.progressive = progressive && photoQuant != null;
        this.progressiveContext = surfaceId;
        this.clear = alpha ? null : clear;
        this.clearPixels = this.clear == null ? null : new int[TILE * TILE];
        this.width = width;
        this.height = height;
        this.tilesX = (width + TILE - 1) / TILE;
        this.shadow = new int[height][width];
        this.known = new boolean[tilesX * ((height + TILE - 1) / TILE)];
        this.lossy = new boolean[known.length];
        this.takenThisFrame = new boolean[known.length];
        this.lossySince = new long[known.length];
        this.progressiveStates = this.progressive ? new ProgressiveTileState[known.length] : null;
        this.cache = cache;
    }

    public int surfaceId() {
        return surfaceId;
    }

    /** [MS-RDPEGFX] 2.2.1.4 the surface's pixel format. */
    public int pixelFormat() {
        return alpha ? GfxPdu.PIXEL_FORMAT_ARGB_8888 : GfxPdu.PIXEL_FORMAT_XRGB_8888;
    }

    public Stats stats() {
        return stats;
    }

    /** A tile whose codec payload is still to be encoded, in its place among the frame's PDUs. */
    private static final class CodecTile {
        final Rect rect;
        /** {@link WireToSurface1#CODEC_PLANAR}, {@link WireToSurface1#CODEC_CAVIDEO} or {@code CODEC_ALPHA}. */
        final int codec;
        /** Planar with colour loss and chroma subsampling; for progressive, the stream starts with SYNC and CONTEXT. */
        final boolean lossy;
        /** Progressive: the tile's passes; an upgrade pass when {@link #upgrade}, else its first pass. */
        ProgressiveTileState state;
        boolean upgrade;
        ByteBuf data;

        CodecTile(Rect rect, int codec) {
            this(rect, codec, false);
        }

        CodecTile(Rect rect, int codec, boolean lossy) {
            this.rect = rect;
            this.codec = codec;
            this.lossy = lossy;
        }
    }

    /**
     * The drawing of one frame: PDUs decided on the event loop, and tiles to encode. {@link #encode} fills the tiles,
     * {@link #writeTo} writes everything in order and releases the tiles' buffers; {@link #release} drops a frame
     * that will not be sent.
     */
    public final class Frame {
        /** {@link GfxPdu}s and {@link CodecTile}s in drawing order. */
        private final List<Object> items = new ArrayList<>();
        private final List<CodecTile> tiles = new ArrayList<>();
        private int taken;

        /** Dirty regions taken from the framebuffer, including those found unchanged. */
        public int taken() {
            return taken;
        }

        /** Nothing to draw: every region taken was unchanged. */
        public boolean isEmpty() {
            return items.isEmpty();
        }

        /**
         * Encodes the codec tiles, on {@code pool}'s threads when there are more than {@value #INLINE_TILES} (then
         * the stage completes on a pool thread), else right here.
         */
        public CompletableFuture<Void> encode(GfxEncoderPool pool, ByteBufAllocator alloc) {
            for (CodecTile t : tiles) {
                if (t.codec == WireToSurface1.CODEC_CLEARCODEC) {
                    continue; // encoded in order by encodeInOrder, as the client's ClearCodec caches follow the stream
                }
                t.data = alloc.buffer(switch (t.codec) {
                    case WireToSurface1.CODEC_PLANAR -> GfxTileWorker.MAX_OUTPUT;
                    case WireToSurface1.CODEC_ALPHA -> GfxTileWorker.MAX_ALPHA_OUTPUT;
                    case WireToSurface2.CODEC_CAPROGRESSIVE -> GfxTileWorker.MAX_PROGRESSIVE_OUTPUT;
                    default -> GfxTileWorker.MAX_RFX_OUTPUT;
                });
            }
            if (encodesInline(pool)) {
                encodeRange(inlineWorker, 0, 1);
                return CompletableFuture.completedFuture(null);
            }
            int parts = Math.min(pool.threads(), tiles.size());
            CompletableFuture<Void> done = new CompletableFuture<>();
            AtomicInteger left = new AtomicInteger(parts);
            for (int p = 0; p < parts; p++) {
                int first = p;
                pool.execute(() -> {
                    try {
                        encodeRange(WORKERS.get(), first, parts);
                        if (left.decrementAndGet() == 0) {
                            done.complete(null);
                        }
                    } catch (RuntimeException | Error e) {
                        done.completeExceptionally(e);
                    }
                });
            }
            return done;
        }

        /** Whether {@link #encode} does the work on the calling thread (and returns a completed stage). */
        public boolean encodesInline(GfxEncoderPool pool) {
            return pool == null || tiles.size() <= INLINE_TILES;
        }

        private void encodeRange(GfxTileWorker worker, int first, int step) {
            for (int i = first; i < tiles.size(); i += step) {
                CodecTile t = tiles.get(i);
                if (t.codec == WireToSurface1.CODEC_CLEARCODEC) {
                    continue;
                }
                if (t.codec == WireToSurface1.CODEC_PLANAR) {
                    worker.encodePlanar(shadow, t.rect.x(), t.rect.y(), t.rect.width(), t.rect.height(), alpha,
                            t.lossy ? LOSSY_PLANAR_CLL : 0, t.data);
                } else if (t.codec == WireToSurface1.CODEC_ALPHA) {
                    worker.encodeAlpha(shadow, t.rect.x(), t.rect.y(), t.rect.width(), t.rect.height(), t.data);
                } else if (t.codec == WireToSurface2.CODEC_CAPROGRESSIVE && t.upgrade) {
                    worker.encodeProgressiveUpgrade(t.state, photoQuant, t.data);
                } else if (t.codec == WireToSurface2.CODEC_CAPROGRESSIVE) {
                    worker.encodeProgressiveFirst(shadow, width, height, t.rect, photoQuant, t.lossy, t.state, t.data);
                } else {
                    worker.encodeRemoteFx(shadow, t.rect.x(), t.rect.y(), t.rect.width(), t.rect.height(),
                            photoQuant, t.data);
                }
            }
        }

        /**
         * Encodes the ClearCodec tiles, in drawing order, with the channel's one ClearCodec encoder: after
         * {@link #encode}, before {@link #size} and {@link #writeTo}, on the thread assembling the frame (one frame of
         * a channel at a time, so streams come out in the order the client decodes them).
         */
        public void encodeInOrder(ByteBufAllocator alloc) {
            for (CodecTile t : tiles) {
                if (t.codec == WireToSurface1.CODEC_CLEARCODEC) {
                    Rect r = t.rect;
                    GfxTileWorker.copy(shadow, r.x(), r.y(), r.width(), r.height(), clearPixels);
                    t.data = alloc.buffer((int) ClearEncoder.maxEncodedSize(r.width(), r.height()));
                    clear.encode(clearPixels, 0, r.width(), r.width(), r.height(), t.data);
                }
            }
        }

        /** Writes the frame's PDUs in order and releases the tiles' buffers. */
        public void writeTo(ByteBuf dst) {
            try {
                for (Object item : items) {
                    if (item instanceof CodecTile t && t.codec == WireToSurface2.CODEC_CAPROGRESSIVE) {
                        // The stream names its tiles and rects itself; no destination rectangle.
                        stats.codecBytes += t.data.readableBytes();
                        WireToSurface2.encode(dst, surfaceId, t.codec, progressiveContext,
                                GfxPdu.PIXEL_FORMAT_XRGB_8888, t.data);
                    } else if (item instanceof CodecTile t) {
                        Rect r = t.rect;
                        stats.codecBytes += t.data.readableBytes();
                        WireToSurface1.encode(dst, surfaceId, t.codec, pixelFormat(),
                                new GfxRect(r.x(), r.y(), r.right(), r.bottom()), t.data);
                    } else {
                        ((GfxPdu) item).encode(dst);
                    }
                }
            } finally {
                release();
            }
        }

        /** Bytes {@link #writeTo} will write; valid once encoded. */
        public int size() {
            int n = 0;
            for (Object item : items) {
                if (item instanceof CodecTile t) {
                    n += GfxPdu.HEADER_SIZE + (t.codec == WireToSurface2.CODEC_CAPROGRESSIVE ? 13 : 17)
                            + t.data.readableBytes();
                } else {
                    n += ((GfxPdu) item).size();
                }
            }
            return n;
        }

        public void release() {
            for (CodecTile t : tiles) {
                if (t.data != null) {
                    t.data.release();
                    t.data = null;
                }
            }
        }
    }

    /**
     * Takes up to {@code maxTiles} dirty regions from {@code fb} and decides how each is drawn. The previous frame
     * must be encoded first (its workers read the shadow copy this updates).
     */
    public Frame prepare(Framebuffer fb, int maxTiles, long nowNanos) {
        Frame frame = new Frame();
        now = nowNanos;
        if (!alpha) {
            scrolls.detect(fb, frame.items);
        }
        Map<Integer, List<GfxRect>> fills = new LinkedHashMap<>();
        // Workers encode from the shadow after this returns, so a tile may appear once per frame: were it taken again
        // (damaged anew meanwhile), its first codec tile would carry the second content, and a cache entry made
        // from the first would name pixels the client does not hold.
        Arrays.fill(takenThisFrame, false);
        while (frame.taken < maxTiles) {
            Rect r = fb.takeDirtyTile(tile, takenThisFrame);
            if (r == null) {
                break;
            }
            frame.taken++;
            prepareRegion(r, fills, frame);
        }
        fills.forEach((colour, rects) -> frame.items.add(new SolidFill(surfaceId, colour, rects)));
        return frame;
    }

    private void prepareRegion(Rect r, Map<Integer, List<GfxRect>> fills, Frame frame) {
        int t = (r.y() / TILE) * tilesX + r.x() / TILE;
        boolean wholeTile = r.width() == TILE && r.height() == TILE;
        // The whole tile as far as the surface goes (edge tiles are smaller than 64 x 64).
        boolean fullTile = r.x() % TILE == 0 && r.y() % TILE == 0 && r.right() == Math.min(width, r.x() + TILE)
                && r.bottom() == Math.min(height, r.y() + TILE);
        boolean refine = false;
        if (known[t] && sameAsShadow(r)) {
            if (!(lossy[t] && fullTile)) {
                stats.unchanged++;
                return;
            }
            refine = true; // still, and shown lossy: now send it exactly
        }
        toShadow(r);
        if (fullTile) {
            known[t] = true;
        }
        int n = r.width() * r.height();
        // Whatever else draws on the tile makes its progressive passes stale: an upgrade repaints from old pixels.
        ProgressiveTileState passes = progressive ? progressiveStates[t] : null;
        if (passes != null) {
            progressiveStates[t] = null;
            if (refine && passes.isStarted() && !passes.isFinal()) {
                // Still, and not at its final quality yet: the next pass, from what the first pass kept.
                CodecTile upgrade = new CodecTile(r, WireToSurface2.CODEC_CAPROGRESSIVE);
                upgrade.state = passes;
                upgrade.upgrade = true;
                progressiveStates[t] = passes;
                frame.items.add(upgrade);
                frame.tiles.add(upgrade);
                stats.upgrades++;
                addAlphaIfTranslucent(r, n, frame);
                lossySince[t] = now;
                return;
            }
        }
        int first = tile[0];
        if (isSolid(n, first)) {
            // The XA byte of RDPGFX_COLOR32 is alpha on ARGB surfaces, ignored on XRGB ones (sent opaque).
            fills.computeIfAbsent(alpha ? first : first | 0xFF00_0000, c -> new ArrayList<>()).add(
                    new GfxRect(r.x(), r.y(), r.right(), r.bottom()));
            stats.solid++;
            markLossless(t, fullTile);
            return;
        }
        if (!refine && (photoQuant != null || lossyPlanar) && photoLike(n)) {
            CodecTile codecTile;
            if (progressive) {
                // A coarse first pass now; upgrade passes follow while the tile stays still (refine), then planar.
                codecTile = new CodecTile(r, WireToSurface2.CODEC_CAPROGRESSIVE, !progressiveHeadersSent);
                codecTile.state = passes != null ? passes : new ProgressiveTileState();
                progressiveStates[t] = codecTile.state;
                progressiveHeadersSent = true;
            } else if (photoQuant != null) {
                codecTile = new CodecTile(r, WireToSurface1.CODEC_CAVIDEO);
            } else {
                codecTile = new CodecTile(r, WireToSurface1.CODEC_PLANAR, true);
            }
            frame.items.add(codecTile);
            frame.tiles.add(codecTile);
            if (photoQuant == null) {
                stats.lossyPlanar++;
            } else {
                stats.remoteFx++;
                addAlphaIfTranslucent(r, n, frame);
            }
            if (!lossy[t]) {
                lossy[t] = true;
                lossyCount++;
            }
            lossySince[t] = now;
            return; // lossy tiles are not cached: a later hit would show the loss as if it were exact
        }
        long key = 0;
        if (wholeTile) {
            key = hash(tile, n, hashMask);
            int slot = cache.lookup(key);
            if (slot != 0) {
                frame.items.add(new CacheToSurface(slot, surfaceId, List.of(new GfxPoint(r.x(), r.y()))));
                stats.cacheHits++;
                markLossless(t, true);
                return;
            }
        }
        CodecTile codecTile = new CodecTile(r, clear != null ? WireToSurface1.CODEC_CLEARCODEC
                : WireToSurface1.CODEC_PLANAR);
        frame.items.add(codecTile);
        frame.tiles.add(codecTile);
        if (refine) {
            stats.refined++;
        } else {
            stats.planar++;
        }
        markLossless(t, fullTile);
        if (wholeTile) {
            int slot = cache.insert(key, evicted -> frame.items.add(new EvictCacheEntry(evicted)));
            frame.items.add(new SurfaceToCache(surfaceId, key, slot,
                    new GfxRect(r.x(), r.y(), r.right(), r.bottom())));
        }
    }

    /** A lossless update of the whole tile ends its lossy state; a partial one leaves the rest lossy. */
    private void markLossless(int t, boolean fullTile) {
        if (fullTile && lossy[t]) {
            lossy[t] = false;
            lossyCount--;
        }
    }

    /**
     * Photo-like content: among up to 256 pixels spread over the region, more than {@value #PHOTO_COLOURS} distinct
     * colours. UI and text (anti-aliasing included) reuse a few colours; photographs, video and gradients do not.
     * Regions under 32 × 32 pixels stay planar: RemoteFX codes whole 64 × 64 tiles.
     */
    private boolean photoLike(int n) {
        if (n < 1024) {
            return false;
        }
        if (++generation == 0) {
            Arrays.fill(colourGen, 0);
            generation = 1;
        }
        int step = n / 256;
        int distinct = 0;
        for (int i = 0; i < n; i += step) {
            int c = tile[i] & 0x00FF_FFFF;
            int h = (c * 0x9E37_79B1) >>> 22;
            while (colourGen[h] == generation && colourKeys[h] != c) {
                h = (h + 1) & 1023;
            }
            if (colourGen[h] != generation) {
                colourGen[h] = generation;
                colourKeys[h] = c;
                if (++distinct > PHOTO_COLOURS) {
                    return true;
                }
            }
        }
        return false;
    }

    static final int PHOTO_COLOURS = 96;

    /** Whether some tiles have progressive passes still to send. */
    public boolean hasPendingUpgrades() {
        if (progressiveStates == null || lossyCount == 0) {
            return false;
        }
        for (ProgressiveTileState p : progressiveStates) {
            if (p != null && !p.isFinal()) {
                return true;
            }
        }
        return false;
    }

    /** Whether some tiles are shown lossy. */
    public boolean hasLossyTiles() {
        return lossyCount > 0;
    }

    /**
     * Marks dirty in {@code fb} every lossy tile that has not changed since {@code stillSince} (on the clock given to
     * {@link #prepare}), so the next frame sends it losslessly; returns how many were marked.
     */
    public int refine(Framebuffer fb, long stillSince) {
        return refine(fb, stillSince, stillSince);
    }

    /**
     * As {@link #refine(Framebuffer, long)}, with tiles whose progressive passes are not final yet due for their next
     * pass once unchanged since {@code upgradeStillSince} (passes follow each other faster than the final refinement).
     */
    public int refine(Framebuffer fb, long stillSince, long upgradeStillSince) {
        int marked = 0;
        for (int t = 0; t < lossy.length && lossyCount > 0; t++) {
            boolean upgrading = progressiveStates != null && progressiveStates[t] != null
                    && !progressiveStates[t].isFinal();
            if (lossy[t] && lossySince[t] - (upgrading ? upgradeStillSince : stillSince) <= 0) {
                int x = (t % tilesX) * TILE;
                int y = (t / tilesX) * TILE;
                fb.invalidate(new Rect(x, y, Math.min(TILE, width - x), Math.min(TILE, height - y)));
                marked++;
            }
        }
        return marked;
    }

    /**
     * On an ARGB surface, after a RemoteFX or progressive pass over a tile that is not opaque: those codecs code colour
     * only and leave the pixels opaque ([MS-RDPEGFX] 2.2.4.1, 2.2.4.2), so the alpha codec then sets their alpha
     * exactly (2.2.4.3), in the same frame.
     */
    private void addAlphaIfTranslucent(Rect r, int n, Frame frame) {
        if (alpha && !opaque(n)) {
            CodecTile alphaTile = new CodecTile(r, WireToSurface1.CODEC_ALPHA);
            frame.items.add(alphaTile);
            frame.tiles.add(alphaTile);
            stats.alpha++;
        }
    }

    private boolean opaque(int n) {
        for (int i = 0; i < n; i++) {
            if (tile[i] >>> 24 != 0xFF) {
                return false;
            }
        }
        return true;
    }

    private boolean isSolid(int n, int first) {
        for (int i = 1; i < n; i++) {
            if (((tile[i] ^ first) & pixelMask) != 0) {
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
                if (((row[r.x() + x] ^ tile[o + x]) & pixelMask) != 0) {
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

    /**
     * Finds content of the damaged area that moved vertically since the client last saw it, and has the client copy
     * it ([MS-RDPEGFX] 2.2.2.5 surface to surface) instead of receiving it again; the tiles that then match the copy
     * are found unchanged by the per-tile pass, so only the newly exposed strip is encoded. A guess that turns out
     * wrong costs nothing in correctness: every tile is still compared with what the client shows.
     *
     * <p>Rows are compared by hash: for each new row, the old rows with the same hash vote for an offset; the offset
     * with the most votes is checked pixel by pixel, and its longest run of matching rows is copied if it spans at
     * least {@value #MIN_ROWS} rows.
     */
    private final class ScrollDetector {
        static final int MIN_ROWS = 64;
        /** Rows whose content occurs this often (blank lines) say nothing about where content went. */
        static final int COMMON_ROW = 8;
        private long[] newHashes = new long[0];
        private long[] oldHashes = new long[0];

        void detect(Framebuffer fb, List<Object> items) {
            Rect b = fb.dirtyBounds();
            if (b == null || b.height() < 2 * MIN_ROWS || b.width() < TILE || !allKnownAndExact(b)) {
                return;
            }
            long tilesInBounds = (long) ((b.right() - 1) / TILE - b.x() / TILE + 1) * ((b.bottom() - 1) / TILE
                    - b.y() / TILE + 1);
            if (2L * fb.dirtyTileCount() < tilesInBounds) {
                return; // scattered damage: a scroll moves one contiguous area
            }
            int w = b.width();
            int h = b.height();
            if (newHashes.length < h) {
                newHashes = new long[h];
                oldHashes = new long[h];
            }
            // The new rows are read in place, under the framebuffer's lock: no copy of the damaged area.
            fb.rowHashes(b, this::rowHash, newHashes);
            Map<Long, int[]> oldRows = new HashMap<>();
            for (int y = 0; y < h; y++) {
                oldHashes[y] = rowHash(shadow[b.y() + y], b.x(), w);
                oldRows.merge(oldHashes[y], new int[] {y, 1}, (a, c) -> new int[] {a[0], a[1] + 1});
            }
            Map<Integer, Integer> votes = new HashMap<>();
            for (int y = 0; y < h; y++) {
                int[] old = oldRows.get(newHashes[y]);
                if (old != null && old[1] < COMMON_ROW && old[0] != y) {
                    votes.merge(y - old[0], 1, Integer::sum);
                }
            }
            int dy = 0;
            int best = 0;
            for (Map.Entry<Integer, Integer> e : votes.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    dy = e.getKey();
                }
            }
            if (best < MIN_ROWS / 4) {
                return;
            }
            // The longest run of destination rows y whose new content equals the old row y - dy, exactly.
            int runStart = -1;
            int bestStart = 0;
            int bestLen = 0;
            for (int y = Math.max(0, dy); y <= Math.min(h, h + dy); y++) {
                boolean match = y < Math.min(h, h + dy) && fb.rowEquals(b.y() + y, b.x(), w, shadow[b.y() + y - dy],
                        b.x());
                if (match && runStart < 0) {
                    runStart = y;
                } else if (!match && runStart >= 0) {
                    if (y - runStart > bestLen) {
                        bestLen = y - runStart;
                        bestStart = runStart;
                    }
                    runStart = -1;
                }
            }
            if (bestLen < MIN_ROWS) {
                return;
            }
            int srcTop = b.y() + bestStart - dy;
            int dstTop = b.y() + bestStart;
            items.add(new SurfaceToSurface(surfaceId, surfaceId,
                    new GfxRect(b.x(), srcTop, b.right(), srcTop + bestLen), List.of(new GfxPoint(b.x(), dstTop))));
            // Mirror the client's copy (source and destination may overlap: copy in the safe direction).
            for (int i = 0; i < bestLen; i++) {
                int k = dy > 0 ? bestLen - 1 - i : i;
                System.arraycopy(shadow[srcTop + k], b.x(), shadow[dstTop + k], b.x(), w);
            }
            stats.scrolls++;
        }

        private boolean allKnownAndExact(Rect b) {
            for (int ty = b.y() / TILE; ty <= (b.bottom() - 1) / TILE; ty++) {
                for (int tx = b.x() / TILE; tx <= (b.right() - 1) / TILE; tx++) {
                    // A lossy tile's shadow is the exact picture, not what the client shows: never copy from one.
                    if (!known[ty * tilesX + tx] || lossy[ty * tilesX + tx]) {
                        return false;
                    }
                }
            }
            return true;
        }

        private long rowHash(int[] px, int off, int n) {
            long h = 0x9E37_79B9_7F4A_7C15L;
            for (int i = 0; i < n; i++) {
                h = (h ^ (px[off + i] & 0x00FF_FFFFL)) * 0xFF51_AFD7_ED55_8CCDL;
                h ^= h >>> 29;
            }
            return h;
        }

    }


    /**
     * A 64-bit content key for {@code n} pixels ({@code mask}ed: alpha counts on ARGB surfaces only): two
     * multiply-xorshift lanes over pixel pairs, then a 64-bit finaliser so every input bit reaches every key bit.
     */
    static long hash(int[] px, int n, long mask) {
        // The mask is in the seed: an XRGB and an ARGB tile never share a key, as their cached pixels differ in alpha.
        long h1 = 0x9E37_79B9_7F4A_7C15L ^ n ^ mask << 32;
        long h2 = 0xC2B2_AE3D_27D4_EB4FL;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            h1 = (h1 ^ (px[i] & mask)) * 0xFF51_AFD7_ED55_8CCDL;
            h1 ^= h1 >>> 29;
            h2 = (h2 ^ (px[i + 1] & mask)) * 0xC4CE_B9FE_1A85_EC53L;
            h2 ^= h2 >>> 31;
        }
        if (i < n) {
            h1 = (h1 ^ (px[i] & mask)) * 0xFF51_AFD7_ED55_8CCDL;
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
