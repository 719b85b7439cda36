package dev.oriel.rdp.testkit.gfx;

import dev.oriel.rdp.core.graphics.AlphaCodecDecoder;
import dev.oriel.rdp.core.graphics.PlanarDecoder;
import dev.oriel.rdp.core.graphics.Uncompressed;
import dev.oriel.rdp.core.graphics.clear.ClearDecoder;
import dev.oriel.rdp.core.graphics.progressive.ProgressiveDecoder;
import dev.oriel.rdp.core.graphics.rfx.RfxDecoder;
import dev.oriel.rdp.core.graphics.zgfx.ZgfxDecompressor;
import dev.oriel.rdp.core.pdu.gfx.CacheImportReply;
import dev.oriel.rdp.core.pdu.gfx.CacheToSurface;
import dev.oriel.rdp.core.pdu.gfx.CapsConfirm;
import dev.oriel.rdp.core.pdu.gfx.CreateSurface;
import dev.oriel.rdp.core.pdu.gfx.DeleteEncodingContext;
import dev.oriel.rdp.core.pdu.gfx.DeleteSurface;
import dev.oriel.rdp.core.pdu.gfx.EndFrame;
import dev.oriel.rdp.core.pdu.gfx.EvictCacheEntry;
import dev.oriel.rdp.core.pdu.gfx.GfxPdu;
import dev.oriel.rdp.core.pdu.gfx.GfxPoint;
import dev.oriel.rdp.core.pdu.gfx.GfxRect;
import dev.oriel.rdp.core.pdu.gfx.MapSurfaceToOutput;
import dev.oriel.rdp.core.pdu.gfx.MapSurfaceToScaledOutput;
import dev.oriel.rdp.core.pdu.gfx.MapSurfaceToScaledWindow;
import dev.oriel.rdp.core.pdu.gfx.MapSurfaceToWindow;
import dev.oriel.rdp.core.pdu.gfx.ResetGraphics;
import dev.oriel.rdp.core.pdu.gfx.SolidFill;
import dev.oriel.rdp.core.pdu.gfx.StartFrame;
import dev.oriel.rdp.core.pdu.gfx.SurfaceToCache;
import dev.oriel.rdp.core.pdu.gfx.SurfaceToSurface;
import dev.oriel.rdp.core.pdu.gfx.WireToSurface1;
import dev.oriel.rdp.core.pdu.gfx.WireToSurface2;
import dev.oriel.rdp.core.pdu.gfx.ZgfxSegments;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a graphics pipeline client does with the server's messages, for tests and conformance checks: unwraps and
 * decompresses the RDP8 container, decodes every PDU and applies it to surfaces and a bitmap cache the way
 * [MS-RDPEGFX] 3.2.5 says a client must, checking the rules a real client enforces (frames bracketed, surfaces exist, rectangles inside them, cache slots within the
 * confirmed budget and filled before use). A broken rule fails the test with an {@link AssertionError}.
 */
public final class GfxClientModel {
    private final int maxCacheSlots;
    /** The client's half of the bulk compression: its history follows every message, compressed or not. */
    private final ZgfxDecompressor zgfx = new ZgfxDecompressor();
    /** One RemoteFX context per connection, as FreeRDP keeps; rounding as xfreerdp's SSE2 path on x86-64. */
    private final RfxDecoder remoteFx = new RfxDecoder();
    private long lossyTiles;
    private final Map<Integer, int[]> surfaces = new HashMap<>();
    private final Map<Integer, int[]> sizes = new HashMap<>();
    private final Map<Integer, int[]> cache = new HashMap<>();
    private final Map<Integer, int[]> cacheSizes = new HashMap<>();
    private final List<GfxPdu> received = new ArrayList<>();
    private final List<Long> endedFrames = new ArrayList<>();
    /** RAIL window id → the surface mapped to it (HiDef RemoteApp). */
    private final Map<Long, Integer> windows = new HashMap<>();
    /** ClearCodec state: one context for all surfaces, as FreeRDP's gdi keeps. */
    private final ClearDecoder clear = new ClearDecoder();
    /** RemoteFX Progressive tile state per surface. */
    private final Map<Integer, ProgressiveDecoder> progressive = new HashMap<>();
    /** RAIL window id → its last scaled mapping. */
    private final Map<Long, MapSurfaceToScaledWindow> scaledWindows = new HashMap<>();
    private CapsConfirm confirm;
    private ResetGraphics reset;
    private Long openFrame;
    private long messageBytes;

    public GfxClientModel(int maxCacheSlots) {
        this.maxCacheSlots = maxCacheSlots;
    }

    /** Applies one server-to-client DVC message (released by the caller). */
    public void accept(ByteBuf message) {
        messageBytes += message.readableBytes();
        ByteBuf raw = ZgfxSegments.unwrap(message.duplicate(), 64 << 20, zgfx, ByteBufAllocator.DEFAULT);
        try {
            for (GfxPdu pdu : GfxPdu.decodeAll(raw)) {
                received.add(pdu);
                apply(pdu);
            }
        } finally {
            raw.release();
        }
    }

    private void apply(GfxPdu pdu) {
        if (confirm == null && !(pdu instanceof CapsConfirm)) {
            throw new AssertionError("a " + pdu.name() + " before the capability confirm");
        }
        if (pdu instanceof CapsConfirm c) {
            confirm = c;
        } else if (pdu instanceof ResetGraphics r) {
            reset = r;
        } else if (pdu instanceof CreateSurface c) {
            check(!surfaces.containsKey(c.surfaceId()), "surface " + c.surfaceId() + " created twice");
            surfaces.put(c.surfaceId(), new int[c.width() * c.height()]);
            sizes.put(c.surfaceId(), new int[] {c.width(), c.height(), c.pixelFormat()});
        } else if (pdu instanceof DeleteSurface d) {
            check(surfaces.remove(d.surfaceId()) != null, "deleting unknown surface " + d.surfaceId());
            progressive.remove(d.surfaceId());
            windows.values().removeIf(id -> id == d.surfaceId());
            scaledWindows.values().removeIf(m -> m.surfaceId() == d.surfaceId());
        } else if (pdu instanceof MapSurfaceToOutput m) {
            surface(m.surfaceId());
        } else if (pdu instanceof StartFrame f) {
            check(openFrame == null, "frame " + f.frameId() + " started inside frame " + openFrame);
            openFrame = f.frameId();
        } else if (pdu instanceof EndFrame f) {
            check(openFrame != null && openFrame == f.frameId(), "end of frame " + f.frameId() + " not started");
            openFrame = null;
            endedFrames.add(f.frameId());
        } else if (pdu instanceof WireToSurface1 w) {
            inFrame(w);
            applyWireToSurface(w);
        } else if (pdu instanceof WireToSurface2 w) {
            // [MS-RDPEGFX] 2.2.2.2: RemoteFX Progressive, tile state per surface (as FreeRDP keys it), positions
            // absolute on the surface.
            inFrame(w);
            check(w.codecId() == WireToSurface2.CODEC_CAPROGRESSIVE, "codec " + w.codecId() + " in wire-to-surface 2");
            int[] wh = sizes.get(w.surfaceId());
            check(wh != null, "surface " + w.surfaceId() + " does not exist");
            ProgressiveDecoder decoder = progressive.computeIfAbsent(w.surfaceId(),
                    id -> new ProgressiveDecoder(wh[0], wh[1]));
            decoder.decode(Unpooled.wrappedBuffer(w.bitmapData().toArray()), surface(w.surfaceId()), wh[0]);
            lossyTiles++;
        } else if (pdu instanceof DeleteEncodingContext d) {
            progressive.remove(d.surfaceId());
        } else if (pdu instanceof SolidFill f) {
            inFrame(f);
            for (GfxRect r : f.rects()) {
                inside(f.surfaceId(), r);
                int[] s = surface(f.surfaceId());
                int sw = sizes.get(f.surfaceId())[0];
                for (int y = r.top(); y < r.bottom(); y++) {
                    // The XA byte is alpha on ARGB surfaces, ignored (opaque) on XRGB ones.
                    int px = sizes.get(f.surfaceId())[2] == GfxPdu.PIXEL_FORMAT_ARGB_8888 ? f.fillPixel()
                            : f.fillPixel() | 0xFF00_0000;
                    java.util.Arrays.fill(s, y * sw + r.left(), y * sw + r.right(), px);
                }
            }
        } else if (pdu instanceof SurfaceToCache c) {
            inFrame(c);
            check(c.cacheSlot() <= maxCacheSlots, "cache slot " + c.cacheSlot() + " beyond " + maxCacheSlots);
            GfxRect r = inside(c.surfaceId(), c.rectSrc());
            int rw = r.right() - r.left();
            int rh = r.bottom() - r.top();
            cache.put(c.cacheSlot(), copy(c.surfaceId(), r));
            cacheSizes.put(c.cacheSlot(), new int[] {rw, rh});
        } else if (pdu instanceof CacheToSurface c) {
            inFrame(c);
            int[] px = cache.get(c.cacheSlot());
            check(px != null, "cache slot " + c.cacheSlot() + " used while empty");
            int[] wh = cacheSizes.get(c.cacheSlot());
            for (GfxPoint p : c.destPts()) {
                inside(c.surfaceId(), new GfxRect(p.x(), p.y(), p.x() + wh[0], p.y() + wh[1]));
                blit(px, wh[0], wh[1], c.surfaceId(), p.x(), p.y());
            }
        } else if (pdu instanceof EvictCacheEntry e) {
            check(cache.remove(e.cacheSlot()) != null, "evicting empty slot " + e.cacheSlot());
            cacheSizes.remove(e.cacheSlot());
        } else if (pdu instanceof SurfaceToSurface s) {
            inFrame(s);
            GfxRect r = inside(s.surfaceIdSrc(), s.rectSrc());
            int[] px = copy(s.surfaceIdSrc(), r);
            int rw = r.right() - r.left();
            int rh = r.bottom() - r.top();
            for (GfxPoint p : s.destPts()) {
                inside(s.surfaceIdDest(), new GfxRect(p.x(), p.y(), p.x() + rw, p.y() + rh));
                blit(px, rw, rh, s.surfaceIdDest(), p.x(), p.y());
            }
        } else if (pdu instanceof MapSurfaceToWindow m) {
            surface(m.surfaceId());
            windows.put(m.windowId(), m.surfaceId());
        } else if (pdu instanceof MapSurfaceToScaledWindow m) {
            surface(m.surfaceId());
            int[] wh = sizes.get(m.surfaceId());
            check(m.mappedWidth() <= wh[0] && m.mappedHeight() <= wh[1] && m.targetWidth() > 0 && m.targetHeight() > 0,
                    m + " outside surface " + m.surfaceId() + " of " + wh[0] + "x" + wh[1] + " or empty");
            windows.put(m.windowId(), m.surfaceId());
            scaledWindows.put(m.windowId(), m);
        } else if (pdu instanceof MapSurfaceToScaledOutput m) {
            surface(m.surfaceId());
        } else if (!(pdu instanceof CacheImportReply)) {
            throw new AssertionError("a client does not expect " + pdu.name() + " from the server");
        }
    }

    private void applyWireToSurface(WireToSurface1 w) {
        GfxRect r = inside(w.surfaceId(), w.destRect());
        int rw = r.right() - r.left();
        int rh = r.bottom() - r.top();
        if (w.codecId() == WireToSurface1.CODEC_CAVIDEO) {
            // RemoteFX ([MS-RDPEGFX] 2.2.4.1): tiles relative to the rectangle's origin, clipped to the surface.
            int sw = sizes.get(w.surfaceId())[0];
            int sh = sizes.get(w.surfaceId())[1];
            remoteFx.decode(Unpooled.wrappedBuffer(w.bitmapData().toArray()), surface(w.surfaceId()),
                    r.top() * sw + r.left(), sw, sw - r.left(), sh - r.top());
            lossyTiles++;
            return;
        }
        if (w.codecId() == WireToSurface1.CODEC_UNCOMPRESSED) {
            int[] wh = sizes.get(w.surfaceId());
            Uncompressed.decode(Unpooled.wrappedBuffer(w.bitmapData().toArray()), rw, rh,
                    wh[2] == GfxPdu.PIXEL_FORMAT_ARGB_8888, surface(w.surfaceId()), r.top() * wh[0] + r.left(), wh[0]);
            return;
        }
        if (w.codecId() == WireToSurface1.CODEC_CLEARCODEC) {
            // [MS-RDPEGFX] 2.2.4.1: one ClearCodec context for the connection, its caches following the stream.
            int sw = sizes.get(w.surfaceId())[0];
            clear.decode(Unpooled.wrappedBuffer(w.bitmapData().toArray()), rw, rh, surface(w.surfaceId()),
                    r.top() * sw + r.left(), sw);
            return;
        }
        if (w.codecId() == WireToSurface1.CODEC_ALPHA) {
            // [MS-RDPEGFX] 2.2.4.3: only the alpha of the rectangle changes (after RemoteFX drew it opaque).
            int[] wh = sizes.get(w.surfaceId());
            check(wh[2] == GfxPdu.PIXEL_FORMAT_ARGB_8888, "alpha codec on an XRGB surface " + w.surfaceId());
            AlphaCodecDecoder.decode(Unpooled.wrappedBuffer(w.bitmapData().toArray()), rw, rh, surface(w.surfaceId()),
                    r.top() * wh[0] + r.left(), wh[0]);
            return;
        }
        check(w.codecId() == WireToSurface1.CODEC_PLANAR, "codec " + w.codecId() + " not modelled");
        int[] px = PlanarDecoder.decode(Unpooled.wrappedBuffer(w.bitmapData().toArray()), rw, rh, false);
        blit(px, rw, rh, w.surfaceId(), r.left(), r.top());
    }

    private void inFrame(GfxPdu pdu) {
        check(openFrame != null, pdu.name() + " outside a frame");
    }

    private GfxRect inside(int surfaceId, GfxRect r) {
        surface(surfaceId);
        int[] wh = sizes.get(surfaceId);
        check(r.right() <= wh[0] && r.bottom() <= wh[1] && r.right() > r.left() && r.bottom() > r.top(),
                "rectangle " + r + " outside surface " + surfaceId + " of " + wh[0] + "x" + wh[1]);
        return r;
    }

    private int[] copy(int surfaceId, GfxRect r) {
        int[] s = surface(surfaceId);
        int sw = sizes.get(surfaceId)[0];
        int rw = r.right() - r.left();
        int[] out = new int[rw * (r.bottom() - r.top())];
        for (int y = r.top(); y < r.bottom(); y++) {
            System.arraycopy(s, y * sw + r.left(), out, (y - r.top()) * rw, rw);
        }
        return out;
    }

    private void blit(int[] px, int w, int h, int surfaceId, int x0, int y0) {
        int[] s = surface(surfaceId);
        int sw = sizes.get(surfaceId)[0];
        for (int y = 0; y < h; y++) {
            System.arraycopy(px, y * w, s, (y0 + y) * sw + x0, w);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    /** The pixels of a surface (0xAARRGGBB, row-major). */
    public int[] surface(int surfaceId) {
        int[] s = surfaces.get(surfaceId);
        check(s != null, "surface " + surfaceId + " does not exist");
        return s;
    }

    public CapsConfirm confirm() {
        return confirm;
    }

    public ResetGraphics reset() {
        return reset;
    }

    public List<GfxPdu> received() {
        return received;
    }

    public List<Long> endedFrames() {
        return endedFrames;
    }

    public int cachedEntries() {
        return cache.size();
    }

    /** The surface mapped to a RAIL window, if any. */
    public java.util.Optional<Integer> surfaceOfWindow(long windowId) {
        return java.util.Optional.ofNullable(windows.get(windowId));
    }

    /** How the surface mapped to a RAIL window is scaled on the client, when it was mapped scaled. */
    public java.util.Optional<MapSurfaceToScaledWindow> scaledMapping(long windowId) {
        return java.util.Optional.ofNullable(scaledWindows.get(windowId));
    }

    /** RemoteFX (lossy) payloads drawn so far. */
    public long lossyTiles() {
        return lossyTiles;
    }

    /** Bytes of every message accepted, as sent on the channel. */
    public long messageBytes() {
        return messageBytes;
    }
}
