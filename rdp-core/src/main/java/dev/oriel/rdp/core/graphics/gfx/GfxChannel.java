package dev.oriel.rdp.core.graphics.gfx;

import dev.oriel.rdp.core.api.GraphicsOptions;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.channel.dvc.DynamicChannelContext;
import dev.oriel.rdp.core.channel.dvc.DynamicChannelProcessor;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.graphics.clear.ClearEncoder;
import dev.oriel.rdp.core.graphics.rfx.RfxQuant;
import dev.oriel.rdp.core.graphics.zgfx.ZgfxCompressor;
import dev.oriel.rdp.core.pdu.gfx.CacheImportOffer;
import dev.oriel.rdp.core.pdu.gfx.CacheImportReply;
import dev.oriel.rdp.core.pdu.gfx.CapsAdvertise;
import dev.oriel.rdp.core.pdu.gfx.CapsConfirm;
import dev.oriel.rdp.core.pdu.gfx.CreateSurface;
import dev.oriel.rdp.core.pdu.gfx.DeleteSurface;
import dev.oriel.rdp.core.pdu.gfx.EndFrame;
import dev.oriel.rdp.core.pdu.gfx.FrameAcknowledge;
import dev.oriel.rdp.core.pdu.gfx.GfxPdu;
import dev.oriel.rdp.core.pdu.gfx.MapSurfaceToOutput;
import dev.oriel.rdp.core.pdu.gfx.MapSurfaceToScaledWindow;
import dev.oriel.rdp.core.pdu.gfx.ResetGraphics;
import dev.oriel.rdp.core.pdu.gfx.StartFrame;
import dev.oriel.rdp.core.pdu.gfx.ZgfxSegments;
import dev.oriel.rdp.core.session.Framebuffer;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the graphics pipeline DVC ({@code Microsoft::Windows::RDS::Graphics}, [MS-RDPEGFX] 3.3):
 * capability negotiation, then one XRGB surface the size of the desktop mapped at the origin, then frames of dirty
 * tiles ({@link GfxSurfaceEncoder}: skipped when unchanged, solid fills, cached tiles, scrolls, RemoteFX, planar),
 * bounded by the client's frame acknowledgements. Once the surface exists the session's graphics go here instead of
 * bitmap updates ({@link Host#graphicsPipelineReady}); if the channel closes they go back.
 *
 * <p>HiDef RemoteApp adds ARGB surfaces mapped to windows ({@link #createWindowSurface}) and may hide the desktop
 * surface ({@link #hideOutput}); each frame carries the tiles of every surface.
 *
 * <p>Confined to the connection's event loop, except {@link WindowSurface#submit}, {@link #metrics()} and
 * {@link #addStateListener}.
 */
public final class GfxChannel implements DynamicChannelProcessor {
    private static final Logger log = LoggerFactory.getLogger(GfxChannel.class);
    public static final String CHANNEL_NAME = "Microsoft::Windows::RDS::Graphics";
    /** The one surface of a desktop session, mapped to the output at the origin. */
    public static final int SURFACE_ID = 1;
    /** Frames sent and not yet acknowledged. FreeRDP acknowledges each frame as soon as it has decoded it. */
    public static final int MAX_FRAMES_IN_FLIGHT = 3;
    /** Tiles per frame, so one frame's message stays moderate and later damage is not starved. */
    public static final int MAX_TILES_PER_FRAME = 256;

    /** What the channel needs from its session. */
    public interface Host {
        /** The surface is ready: route graphics to {@link #encode} from now on, starting with the whole desktop. */
        void graphicsPipelineReady(GfxChannel channel);

        /** The channel is gone: go back to bitmap updates. */
        void graphicsPipelineClosed(GfxChannel channel);

        /** The client acknowledged frames, or a frame finished encoding: more can be sent. */
        void flushGraphics();

        /** A frame was written to the connection: flush it. */
        void graphicsFrameSent();
    }

    private final int width;
    private final int height;
    private final Host host;
    private final GfxFrameFlow flow = new GfxFrameFlow(MAX_FRAMES_IN_FLIGHT);
    private final LongSupplier clock;
    private final long startNanos;
    private final GfxEncoderPool pool;
    private final GraphicsOptions options;
    private Framebuffer framebuffer;
    private boolean refineScheduled;
    private GfxSurfaceEncoder surface;
    /** RemoteApp windows with surfaces of their own (HiDef), by window id, in creation order. */
    private final Map<Long, WindowSurface> windows = new LinkedHashMap<>();
    /** Surface ids in use besides the output surface's. */
    private final BitSet surfaceIds = new BitSet();
    /** How the window surfaces deleted so far (closed or replaced on resize) were drawn, for {@link #metrics()}. */
    private GfxSurfaceEncoder.Stats retiredWindowStats = new GfxSurfaceEncoder.Stats();
    /** Told when the pipeline becomes ready or closes ({@link #addStateListener}). */
    private final List<Runnable> stateListeners = new CopyOnWriteArrayList<>();
    /** The client's one bitmap cache, shared by all surfaces. */
    private GfxBitmapCache cache;
    /** A frame is being encoded on the pool; the next waits for it (its workers read the shadow copy). */
    private boolean encoding;
    private long framesSent;
    /** RDP8 bulk compressor of this channel's server-to-client messages, created with the surface. */
    private ZgfxCompressor zgfx;
    /** Control PDUs to send once the frame being encoded is sent. */
    private final List<GfxPdu> deferred = new ArrayList<>();
    private DynamicChannelContext context;
    private boolean ready;
    /** RemoteFX quantisation for photo-like tiles of the output surface, or null for planar only. */
    private RfxQuant outputQuant;
    /** Photo-like tiles go lossy planar instead (a thin client, when the server allows lossy photos). */
    private boolean lossyPlanar;
    /** Photo-like tiles as RemoteFX Progressive rather than RemoteFX. */
    private boolean progressive;
    /**
     * The channel's one ClearCodec encoder when text and UI tiles go ClearCodec: the client keeps one ClearCodec
     * context for all surfaces (FreeRDP's gdi shares it), so its caches and sequence number follow this stream.
     */
    private ClearEncoder clear;
    /** The output surface exists and is mapped; see {@link #hideOutput}. */
    private boolean outputShown = true;

    /**
     * @param pool    where tiles are encoded; null encodes every frame on the event loop
     * @param options codecs and compression ({@link GraphicsOptions#pipeline()} is the caller's business)
     * @param clock   monotonic nanoseconds (frame timestamps, lossy tile ages)
     */
    public GfxChannel(int width, int height, Host host, GfxEncoderPool pool, GraphicsOptions options,
            LongSupplier clock) {
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.width = width;
        this.height = height;
        this.host = host;
        this.pool = pool;
        this.options = options;
    }

    /** FreeRDP's default RemoteFX factors moved by {@code offset}, each kept within 6..15 ([MS-RDPRFX] 2.2.2.1.5). */
    static RfxQuant remoteFxQuant(int offset) {
        int[] q = RfxQuant.DEFAULT.toArray();
        for (int i = 0; i < q.length; i++) {
            q[i] = Math.max(6, Math.min(15, q[i] + offset));
        }
        return RfxQuant.of(q);
    }

    @Override
    public String name() {
        return CHANNEL_NAME;
    }

    @Override
    public void onOpen(DynamicChannelContext ctx) {
        this.context = ctx;
    }

    /** Client PDUs come without bulk compression ([MS-RDPEGFX] 2.2.5: only the server compresses). */
    @Override
    public void onData(ByteBuf message) {
        while (message.isReadable()) {
            Wire.ensureReadable(message, GfxPdu.HEADER_SIZE, GfxPdu.NAME);
            int cmdId = message.getUnsignedShortLE(message.readerIndex());
            if (cmdId != GfxPdu.CAPSADVERTISE && cmdId != GfxPdu.FRAMEACKNOWLEDGE
                    && cmdId != GfxPdu.QOEFRAMEACKNOWLEDGE && cmdId != GfxPdu.CACHEIMPORTOFFER) {
                // PDUs of versions newer than Oriel knows: skip them whole.
                long length = message.getUnsignedIntLE(message.readerIndex() + 4);
                if (length < GfxPdu.HEADER_SIZE) {
                    // A length under the header would not move past this PDU: the loop would never end.
                    throw DecodeException.invalidField(GfxPdu.NAME, "pduLength", "smaller than the header: " + length);
                }
                log.debug("Graphics PDU ignored cmdId=0x{} length={}", Integer.toHexString(cmdId), length);
                Wire.readSlice(message, length, GfxPdu.NAME, "pduLength");
                continue;
            }
            GfxPdu pdu = GfxPdu.decode(message);
            if (pdu instanceof CapsAdvertise caps) {
                onCaps(caps);
            } else if (pdu instanceof FrameAcknowledge ack) {
                flow.onAcknowledge(ack);
                host.flushGraphics();
            } else if (pdu instanceof CacheImportOffer offer) {
                // [MS-RDPEGFX] 3.3.5.2: entries of a persistent cache from an earlier session. Their keys are not
                // Oriel's content hashes, so none is accepted; the empty reply lets the client drop them.
                log.debug("Graphics cache import offer of {} entries declined", offer.entries().size());
                send(List.of(new CacheImportReply(List.of())));
            }
        }
    }

    private void onCaps(CapsAdvertise caps) {
        if (ready) {
            return;
        }
        GfxCapabilityNegotiation.Choice choice = GfxCapabilityNegotiation.choose(caps).orElse(null);
        if (choice == null) {
            log.info("Graphics pipeline: no common capability version, staying with bitmap updates");
            context.close();
            return;
        }
        log.debug("Graphics pipeline: confirming version 0x{} flags 0x{}", Long.toHexString(choice.confirm().version()),
                Long.toHexString(choice.confirm().flags()));
        zgfx = options.bulkCompression() ? new ZgfxCompressor(options.bulkHistory()) : null;
        // [MS-RDPEGFX] 3.3.5.19-3.3.5.15: confirm first, then reset graphics, then the surface and its mapping.
        send(List.of(new CapsConfirm(choice.confirm()),
                new ResetGraphics(width, height, List.of(new ResetGraphics.Monitor(0, 0, width - 1, height - 1,
                        ResetGraphics.MONITOR_PRIMARY))),
                new CreateSurface(SURFACE_ID, width, height, GfxPdu.PIXEL_FORMAT_XRGB_8888),
                new MapSurfaceToOutput(SURFACE_ID, 0, 0)));
        // A thin client asked to be spared work ([MS-RDPEGFX] 2.2.3.1 RDPGFX_CAPS_FLAG_THINCLIENT): planar decodes
        // far cheaper than RemoteFX's transform, so it gets planar for photo-like tiles too, with colour loss and
        // chroma subsampling where the server allows lossy photos (refined to lossless once still, as RemoteFX is).
        boolean lossyPhotos = options.lossyPhotos();
        progressive = options.photoCodec() == GraphicsOptions.PhotoCodec.PROGRESSIVE;
        cache = new GfxBitmapCache(choice.cacheSlots(), choice.cacheBytes(), Framebuffer.TILE * Framebuffer.TILE * 4);
        outputQuant = lossyPhotos && !choice.thinClient() ? remoteFxQuant(options.remoteFxQuant()) : null;
        lossyPlanar = lossyPhotos && choice.thinClient();
        clear = options.uiCodec() == GraphicsOptions.UiCodec.CLEARCODEC ? new ClearEncoder() : null;
        surface = new GfxSurfaceEncoder(SURFACE_ID, width, height, cache, outputQuant, progressive, lossyPlanar, clear,
                false);
        ready = true;
        // Listeners first: a HiDef RemoteApp desktop hides the output surface before the desktop would be sent to it.
        stateChanged();
        host.graphicsPipelineReady(this);
    }

    /**
     * Sends PDUs as one DVC message. Every message passes through the channel's one bulk compressor in the order it
     * is sent (the client's history follows that order), so while a frame is compressed on the pool these wait.
     */
    private void send(List<? extends GfxPdu> pdus) {
        if (encoding) {
            deferred.addAll(pdus);
            return;
        }
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        int size = 0;
        for (GfxPdu p : pdus) {
            size += p.size();
        }
        ByteBuf raw = alloc.buffer(size);
        try {
            for (GfxPdu p : pdus) {
                p.encode(raw);
            }
            context.send(bulk(raw, alloc));
        } finally {
            raw.release();
        }
    }

    /** [MS-RDPEGFX] 2.2.5 the RDP8 container, compressed when the channel has a compressor. */
    private ByteBuf bulk(ByteBuf raw, ByteBufAllocator alloc) {
        return zgfx == null ? ZgfxSegments.wrap(raw, alloc) : ZgfxSegments.wrap(raw, zgfx, alloc);
    }

    /**
     * Starts one frame of dirty tiles, when the acknowledgement window and the transport allow it and no frame is
     * being encoded. Small frames are encoded and sent at once; larger ones are encoded on the pool and sent from the
     * event loop when done ({@link Host#graphicsFrameSent}), after which the host flushes again. Returns the number
     * of dirty regions taken from {@code fb} (0 when nothing could start); regions found unchanged send no frame.
     */
    public int encode(Framebuffer fb, ByteBufAllocator alloc, BooleanSupplier writable) {
        framebuffer = fb;
        if (ready && !outputShown) {
            fb.discardDamage(); // no surface shows the desktop
        }
        completeCleanWindows();
        if (!ready || encoding || !flow.canSend() || !writable.getAsBoolean() || !anyDamage(fb)) {
            return 0;
        }
        // One frame for every surface: the output surface first, then the windows', within one tile budget.
        long now = clock.getAsLong();
        List<GfxSurfaceEncoder.Frame> frames = new ArrayList<>();
        int taken = 0;
        if (outputShown) {
            GfxSurfaceEncoder.Frame desktop = surface.prepare(fb, MAX_TILES_PER_FRAME, now);
            frames.add(desktop);
            taken += desktop.taken();
        }
        for (WindowSurface w : windows.values()) {
            if (taken < MAX_TILES_PER_FRAME && w.framebuffer.hasDamage()) {
                GfxSurfaceEncoder.Frame f = w.encoder.prepare(w.framebuffer, MAX_TILES_PER_FRAME - taken, now);
                frames.add(f);
                taken += f.taken();
            }
        }
        completeCleanWindows();
        frames.removeIf(GfxSurfaceEncoder.Frame::isEmpty);
        if (frames.isEmpty()) {
            return taken; // only unchanged pixels: no frame for the client to acknowledge
        }
        long frameId = flow.startFrame();
        long timestamp = timestamp();
        boolean inline = frames.stream().allMatch(f -> f.encodesInline(pool));
        CompletableFuture<ByteBuf> message;
        try {
            // Assembling and compressing run where the last tile finished: on the pool for large frames.
            CompletableFuture<?>[] encoded = new CompletableFuture<?>[frames.size()];
            for (int i = 0; i < frames.size(); i++) {
                encoded[i] = frames.get(i).encode(pool, alloc);
            }
            message = CompletableFuture.allOf(encoded).thenApply(v -> assemble(frames, timestamp, frameId, alloc));
        } catch (RuntimeException e) {
            frames.forEach(GfxSurfaceEncoder.Frame::release);
            throw e;
        }
        if (inline) {
            sendFrame(message.join());
            return taken;
        }
        encoding = true;
        message.whenComplete((m, error) -> {
            try {
                context.executor().execute(() -> frameEncoded(m, error, frames));
            } catch (RejectedExecutionException e) {
                // The connection's event loop is gone (the session closed while the frame was encoded): nobody will
                // send it, so free it here.
                frames.forEach(GfxSurfaceEncoder.Frame::release);
                if (m != null) {
                    m.release();
                }
            }
        });
        return taken;
    }

    /** A frame finished encoding on the pool (event loop): send it, then what waited for it. */
    private void frameEncoded(ByteBuf m, Throwable error, List<GfxSurfaceEncoder.Frame> frames) {
        encoding = false;
        if (error != null || !ready) {
            frames.forEach(GfxSurfaceEncoder.Frame::release);
            if (m != null) {
                m.release();
            }
            if (error != null) {
                log.warn("Graphics frame encoding failed channel={} error={}", context.channelId(), error.toString());
                context.close();
            }
            return;
        }
        sendFrame(m);
        if (!deferred.isEmpty()) {
            List<GfxPdu> later = List.copyOf(deferred);
            deferred.clear();
            send(later);
        }
        host.flushGraphics();
    }

    /** Completes the submissions of window surfaces whose damage has all been taken into frames. */
    private void completeCleanWindows() {
        for (WindowSurface w : windows.values()) {
            completeWaiter(w.framebuffer.takeWaiterIfClean());
        }
    }

    private boolean anyDamage(Framebuffer fb) {
        if (fb.hasDamage()) {
            return true;
        }
        for (WindowSurface w : windows.values()) {
            if (w.framebuffer.hasDamage()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The frames' PDUs between Start and End Frame, in the bulk container, their ClearCodec tiles encoded first in
     * drawing order; releases the frames' tile buffers.
     */
    private ByteBuf assemble(List<GfxSurfaceEncoder.Frame> frames, long timestamp, long frameId,
            ByteBufAllocator alloc) {
        try {
            int size = 2 * GfxPdu.HEADER_SIZE + 12;
            for (GfxSurfaceEncoder.Frame f : frames) {
                f.encodeInOrder(alloc);
                size += f.size();
            }
            ByteBuf raw = alloc.buffer(size);
            try {
                new StartFrame(timestamp, frameId).encode(raw);
                for (GfxSurfaceEncoder.Frame f : frames) {
                    f.writeTo(raw);
                }
                new EndFrame(frameId).encode(raw);
                return bulk(raw, alloc);
            } finally {
                raw.release();
            }
        } finally {
            frames.forEach(GfxSurfaceEncoder.Frame::release);
        }
    }

    /**
     * A RemoteApp window's own ARGB surface, mapped to the window: the HiDef RemoteApp way, where the client composes
     * the windows itself. The surface holds the window's pixels at their own size (the buffer), and the client shows
     * them scaled to the window's size on its desktop (the target), the same size unless the application renders at
     * another scale. Pixels go in with {@link #submit} (any thread); the rest is confined to the connection's event
     * loop, like the channel.
     *
     * <p>Always mapped with Map Surface To Scaled Window ([MS-RDPEGFX] 2.2.2.23), even unscaled: mstsc mishandles a
     * session that mixes it with the unscaled Map Surface To Window (Weston's RAIL backend, protocol map P-GFX-6).
     * Always ARGB ([MS-RDPEGFX] 2.2.1.4), even for opaque windows, for the same client.
     */
    public final class WindowSurface {
        private final long windowId;
        private int surfaceId;
        private int width;
        private int height;
        private int targetWidth;
        private int targetHeight;
        private Framebuffer framebuffer;
        private GfxSurfaceEncoder encoder;
        private volatile boolean closed;

        private WindowSurface(long windowId, int width, int height, int targetWidth, int targetHeight) {
            this.windowId = windowId;
            open(width, height, targetWidth, targetHeight);
        }

        private void open(int width, int height, int targetWidth, int targetHeight) {
            if (width <= 0 || height <= 0 || targetWidth <= 0 || targetHeight <= 0) {
                throw new IllegalArgumentException("empty window surface " + width + "x" + height + " -> "
                        + targetWidth + "x" + targetHeight);
            }
            int id = surfaceIds.nextClearBit(SURFACE_ID + 1);
            if (id > 0xFFFF) {
                throw new IllegalStateException("no surface id left");
            }
            surfaceIds.set(id);
            if (encoder != null) {
                retiredWindowStats = retiredWindowStats.plus(encoder.stats());
            }
            surfaceId = id;
            this.width = width;
            this.height = height;
            this.targetWidth = targetWidth;
            this.targetHeight = targetHeight;
            framebuffer = new Framebuffer(width, height);
            encoder = new GfxSurfaceEncoder(surfaceId, width, height, cache, outputQuant, progressive, lossyPlanar,
                    true);
            // Create, then map ([MS-RDPEGFX] 3.3.5.x): the window shows the surface from the next frame on.
            send(List.of(new CreateSurface(surfaceId, width, height, GfxPdu.PIXEL_FORMAT_ARGB_8888),
                    new MapSurfaceToScaledWindow(surfaceId, windowId, width, height, targetWidth, targetHeight)));
        }

        public long windowId() {
            return windowId;
        }

        public int surfaceId() {
            return surfaceId;
        }

        /** The surface's (buffer's) width in pixels. */
        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** The width the client shows the surface at. */
        public int targetWidth() {
            return targetWidth;
        }

        public int targetHeight() {
            return targetHeight;
        }

        public boolean isClosed() {
            return closed;
        }

        /**
         * Copies {@code damage} of {@code pixels} (ARGB, the surface's size; clipped to it) into the surface and sends
         * it. Completes when that damage has been taken into a frame (merged with later damage when the client is
         * slower than the application), or at once when the surface is closed.
         */
        public CompletionStage<Void> submit(PixelBuffer pixels, List<Rect> damage) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            CompletionStage<Void> taken = framebuffer.copyFrom(pixels, damage);
            context.executor().execute(host::flushGraphics);
            return taken;
        }

        /** A new buffer size shown at the same size: {@link #resize(int, int, int, int)}. */
        public void resize(int width, int height) {
            resize(width, height, width, height);
        }

        /**
         * A new size: a new surface mapped to the window, then the old one deleted, so the client never shows the
         * window without a surface (as Weston does). The new surface starts transparent: submit its pixels.
         */
        public void resize(int width, int height, int targetWidth, int targetHeight) {
            if (closed) {
                return;
            }
            int old = surfaceId;
            Framebuffer oldPixels = framebuffer;
            open(width, height, targetWidth, targetHeight);
            send(List.of(new DeleteSurface(old)));
            surfaceIds.clear(old);
            completeWaiter(oldPixels.takeWaiter());
        }

        /** Deletes the surface (the window is gone, or the client leaves HiDef). */
        public void close() {
            if (!closed) {
                closed = true;
                windows.remove(windowId);
                retiredWindowStats = retiredWindowStats.plus(encoder.stats());
                send(List.of(new DeleteSurface(surfaceId)));
                surfaceIds.clear(surfaceId);
                completeWaiter(framebuffer.takeWaiter());
            }
        }
    }

    private static void completeWaiter(CompletableFuture<Void> waiter) {
        if (waiter != null) {
            waiter.complete(null);
        }
    }

    /**
     * Creates a surface of its own for RemoteApp window {@code windowId} (a RAIL window the client knows already),
     * shown at its own size; empty before the pipeline is ready. Replaces a surface the window already has.
     */
    public Optional<WindowSurface> createWindowSurface(long windowId, int width, int height) {
        return createWindowSurface(windowId, width, height, width, height);
    }

    /**
     * Creates a surface of {@code width} × {@code height} for RemoteApp window {@code windowId}, which the client
     * shows scaled to {@code targetWidth} × {@code targetHeight}; empty before the pipeline is ready. Replaces a
     * surface the window already has.
     */
    public Optional<WindowSurface> createWindowSurface(long windowId, int width, int height, int targetWidth,
            int targetHeight) {
        if (!ready) {
            return Optional.empty();
        }
        WindowSurface existing = windows.get(windowId);
        if (existing != null) {
            existing.close();
        }
        WindowSurface w = new WindowSurface(windowId, width, height, targetWidth, targetHeight);
        windows.put(windowId, w);
        return Optional.of(w);
    }

    /**
     * Hides the desktop for the rest of the channel: the output surface is deleted and the session's desktop damage
     * dropped. A HiDef RemoteApp client composes its windows from their own surfaces and has no desktop to show (as
     * Weston's RAIL backend has no output surface). Ignored before the pipeline is ready.
     */
    public void hideOutput() {
        if (!ready || !outputShown) {
            return;
        }
        outputShown = false;
        send(List.of(new DeleteSurface(SURFACE_ID)));
    }

    /**
     * Runs {@code listener} on the connection's event loop each time the pipeline becomes ready or closes (check
     * {@link #ready()}); e.g. a RemoteApp desktop moving its windows onto surfaces of their own. Any thread.
     */
    public void addStateListener(Runnable listener) {
        stateListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void stateChanged() {
        for (Runnable l : stateListeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                log.warn("Graphics pipeline state listener failed error={}", e.toString(), e);
            }
        }
    }

    private void sendFrame(ByteBuf message) {
        context.send(message);
        framesSent++;
        host.graphicsFrameSent();
        scheduleRefine();
    }

    /**
     * Lossy tiles that stay still for {@link GraphicsOptions#refineAfter()} are sent again losslessly, checked that
     * long after each frame while any are lossy. Where the context cannot schedule, {@link #refineNow()} does it on
     * demand.
     */
    private void scheduleRefine() {
        if (refineScheduled || !anyLossy()) {
            return;
        }
        // Progressive passes follow each other faster than the final, lossless refinement.
        refineScheduled = context.schedule(() -> {
            refineScheduled = false;
            if (ready && refineNow() > 0) {
                host.flushGraphics();
            }
            scheduleRefine();
        }, anyPendingUpgrades() ? upgradeAfter() : options.refineAfter());
    }

    /** How long a photo-like tile in progressive refinement stays at one pass: a quarter of the refine delay. */
    private java.time.Duration upgradeAfter() {
        return options.refineAfter().dividedBy(4);
    }

    /**
     * Marks for sending every lossy tile unchanged for {@link GraphicsOptions#refineAfter()} (a quarter of it for a
     * tile with progressive passes to come); the caller then flushes graphics. Returns how many were marked.
     */
    public int refineNow() {
        long now = clock.getAsLong();
        long stillSince = now - options.refineAfter().toNanos();
        long upgradeSince = now - upgradeAfter().toNanos();
        int marked = 0;
        if (surface != null && framebuffer != null && outputShown) {
            marked += surface.refine(framebuffer, stillSince, upgradeSince);
        }
        for (WindowSurface w : windows.values()) {
            marked += w.encoder.refine(w.framebuffer, stillSince, upgradeSince);
        }
        return marked;
    }

    private boolean anyPendingUpgrades() {
        return anySurface(GfxSurfaceEncoder::hasPendingUpgrades);
    }

    private boolean anyLossy() {
        return anySurface(GfxSurfaceEncoder::hasLossyTiles);
    }

    /** Whether {@code test} holds for a shown surface: the output surface or a window's. */
    private boolean anySurface(java.util.function.Predicate<GfxSurfaceEncoder> test) {
        if (outputShown && test.test(surface)) {
            return true;
        }
        for (WindowSurface w : windows.values()) {
            if (test.test(w.encoder)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A snapshot of {@link #stats()} and the frame count, taken on the connection's event loop: safe from any
     * thread.
     */
    public CompletableFuture<GfxMetrics> metrics() {
        return CompletableFuture.supplyAsync(() -> {
            GfxSurfaceEncoder.Stats s = stats().plus(retiredWindowStats);
            for (WindowSurface w : windows.values()) {
                s = s.plus(w.encoder.stats());
            }
            return new GfxMetrics(framesSent, framesSent - flow.inFlight(), s.unchanged(), s.solid(), s.cacheHits(),
                    s.planar(), s.remoteFx(), s.alpha(), s.lossyPlanar(), s.upgrades(), s.refined(), s.scrolls(),
                    s.codecBytes());
        }, context.executor());
    }

    /** How tiles were sent so far, for tests on the event loop ({@link #metrics()} from elsewhere). */
    public GfxSurfaceEncoder.Stats stats() {
        return surface == null ? new GfxSurfaceEncoder.Stats() : surface.stats();
    }

    /** [MS-RDPEGFX] 2.2.2.11 timestamp: milliseconds (10 bits), seconds (6), minutes (6), hours (10). */
    private long timestamp() {
        long ms = (clock.getAsLong() - startNanos) / 1_000_000;
        long h = (ms / 3_600_000) & 0x3FF;
        long m = (ms / 60_000) % 60;
        long s = (ms / 1000) % 60;
        return h << 22 | m << 16 | s << 10 | (ms % 1000);
    }

    public boolean ready() {
        return ready;
    }

    /** Whether a frame is being encoded on the pool (its completion is still to run on the event loop). */
    public boolean encoding() {
        return encoding;
    }

    @Override
    public void onClose() {
        if (surface != null) {
            log.info("Graphics pipeline closed channel={} frames={} tiles: {}", context.channelId(), framesSent,
                    surface.stats());
        }
        // Window surfaces die with the channel; their owners see closed surfaces from now on.
        for (WindowSurface w : List.copyOf(windows.values())) {
            w.closed = true;
            completeWaiter(w.framebuffer.takeWaiter());
        }
        windows.clear();
        surfaceIds.clear();
        deferred.clear();
        outputShown = true;
        if (ready) {
            ready = false;
            host.graphicsPipelineClosed(this);
            stateChanged();
        }
    }

    @Override
    public void onCreateFailed(int creationStatus) {
        log.debug("Graphics pipeline refused by the client status={}; bitmap updates stay", creationStatus);
    }
}
