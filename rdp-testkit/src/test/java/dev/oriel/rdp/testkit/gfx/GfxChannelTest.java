package dev.oriel.rdp.testkit.gfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.GraphicsOptions;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.channel.dvc.DynamicChannelContext;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.graphics.Psnr;
import dev.oriel.rdp.core.graphics.gfx.GfxCapabilityNegotiation;
import dev.oriel.rdp.core.graphics.gfx.GfxChannel;
import dev.oriel.rdp.core.graphics.gfx.GfxMetrics;
import dev.oriel.rdp.core.graphics.gfx.GfxEncoderPool;
import dev.oriel.rdp.core.graphics.gfx.GfxSurfaceEncoder;
import dev.oriel.rdp.core.pdu.gfx.CacheImportOffer;
import dev.oriel.rdp.core.pdu.gfx.CacheImportReply;
import dev.oriel.rdp.core.pdu.gfx.CacheToSurface;
import dev.oriel.rdp.core.pdu.gfx.CapsAdvertise;
import dev.oriel.rdp.core.pdu.gfx.CapsConfirm;
import dev.oriel.rdp.core.pdu.gfx.CreateSurface;
import dev.oriel.rdp.core.pdu.gfx.DeleteSurface;
import dev.oriel.rdp.core.pdu.gfx.EndFrame;
import dev.oriel.rdp.core.pdu.gfx.EvictCacheEntry;
import dev.oriel.rdp.core.pdu.gfx.FrameAcknowledge;
import dev.oriel.rdp.core.pdu.gfx.GfxCapabilitySet;
import dev.oriel.rdp.core.pdu.gfx.GfxPdu;
import dev.oriel.rdp.core.pdu.gfx.GfxPoint;
import dev.oriel.rdp.core.pdu.gfx.GfxRect;
import dev.oriel.rdp.core.pdu.gfx.MapSurfaceToOutput;
import dev.oriel.rdp.core.pdu.gfx.MapSurfaceToScaledWindow;
import dev.oriel.rdp.core.pdu.gfx.ResetGraphics;
import dev.oriel.rdp.core.pdu.gfx.SolidFill;
import dev.oriel.rdp.core.pdu.gfx.StartFrame;
import dev.oriel.rdp.core.pdu.gfx.SurfaceToSurface;
import dev.oriel.rdp.core.pdu.gfx.WireToSurface1;
import dev.oriel.rdp.core.pdu.gfx.WireToSurface2;
import dev.oriel.rdp.core.session.Framebuffer;
import dev.oriel.rdp.core.testutil.Mutator;
import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Random;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The graphics channel, sans I/O: a fake DVC context collects what the server sends and {@link GfxClientModel} plays
 * the client, so every test checks the pixels the client ends up with against the server's framebuffer.
 */
class GfxChannelTest {
    private final List<ByteBuf> sent = new ArrayList<>();
    private final List<String> hostCalls = new ArrayList<>();
    private boolean closed;
    private Executor eventLoop = Runnable::run;
    /** Photo-like tiles planar unless a test asks for RemoteFX, so most tests can compare pixels exactly. */
    private GraphicsOptions options = GraphicsOptions.defaults().withPhotoCodec(GraphicsOptions.PhotoCodec.PLANAR);
    private GfxClientModel client = new GfxClientModel(GfxCapabilityNegotiation.CACHE_SLOTS);

    private final DynamicChannelContext context = new DynamicChannelContext() {
        @Override
        public String channelName() {
            return GfxChannel.CHANNEL_NAME;
        }

        @Override
        public long channelId() {
            return 7;
        }

        @Override
        public void send(Encodable message) {
            sent.add(Unpooled.wrappedBuffer(message.toByteArray()));
        }

        @Override
        public void send(ByteBuf message) {
            sent.add(message);
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public Executor executor() {
            return eventLoop;
        }
    };

    private final GfxChannel.Host host = new GfxChannel.Host() {
        @Override
        public void graphicsPipelineReady(GfxChannel channel) {
            hostCalls.add("ready");
        }

        @Override
        public void graphicsPipelineClosed(GfxChannel channel) {
            hostCalls.add("closed");
        }

        @Override
        public void flushGraphics() {
            hostCalls.add("flush");
        }

        @Override
        public void graphicsFrameSent() {
            framesSent++;
        }
    };
    private int framesSent;

    @AfterEach
    void release() {
        sent.forEach(ByteBuf::release);
    }

    private GfxChannel open(int w, int h, int flags) {
        return open(w, h, flags, true);
    }

    private GfxChannel open(int w, int h, int flags, boolean compress) {
        GfxChannel ch = new GfxChannel(w, h, host, null, options.withBulkCompression(compress), System::nanoTime);
        ch.onOpen(context);
        ch.onData(Unpooled.wrappedBuffer(new CapsAdvertise(List.of(
                GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_8, 0),
                GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_10_7, flags))).toByteArray()));
        deliver();
        return ch;
    }

    /** A 10.7 channel encoding on {@code pool}, its capabilities confirmed (not yet delivered to the client). */
    private GfxChannel openOn(GfxEncoderPool pool, int w, int h) {
        GfxChannel ch = new GfxChannel(w, h, host, pool, options, System::nanoTime);
        ch.onOpen(context);
        ch.onData(Unpooled.wrappedBuffer(new CapsAdvertise(List.of(GfxCapabilitySet.withFlags(
                GfxCapabilitySet.VERSION_10_7, 0))).toByteArray()));
        return ch;
    }

    /** Hands everything sent so far to the client model. */
    private List<GfxPdu> deliver() {
        int before = client.received().size();
        for (ByteBuf b : sent) {
            client.accept(b);
            b.release();
        }
        sent.clear();
        return List.copyOf(client.received().subList(before, client.received().size()));
    }

    /** Acknowledges every frame the client has drawn so far, as a prompt client does. */
    private void acknowledgeAll(GfxChannel ch) {
        List<Long> ended = client.endedFrames();
        if (!ended.isEmpty()) {
            ch.onData(Unpooled.wrappedBuffer(new FrameAcknowledge(0, ended.get(ended.size() - 1), ended.size())
                    .toByteArray()));
        }
    }

    /** Sends frames and acknowledges each, until the framebuffer has no damage left. */
    private void drain(GfxChannel ch, Framebuffer fb) {
        while (fb.hasDamage()) {
            int taken = ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true);
            assertThat(taken).isPositive();
            deliver();
            acknowledgeAll(ch);
        }
    }

    private void assertClientShows(Framebuffer fb) {
        int[] expected = fb.snapshot();
        int[] shown = client.surface(GfxChannel.SURFACE_ID);
        for (int i = 0; i < expected.length; i++) {
            if (((expected[i] ^ shown[i]) & 0xFFFFFF) != 0) {
                throw new AssertionError("pixel " + (i % fb.width()) + "," + (i / fb.width()) + " shows "
                        + Integer.toHexString(shown[i]) + ", server has " + Integer.toHexString(expected[i]));
            }
        }
    }

    /** Flat background, a text-like striped block, a noisy block, repeated icons. */
    static int[] desktop(int w, int h, long seed) {
        Random rnd = new Random(seed);
        int[] px = new int[w * h];
        java.util.Arrays.fill(px, 0xFF2D5F8A);
        for (int y = 40; y < Math.min(h, 300); y++) {
            for (int x = 30; x < Math.min(w, 500); x++) {
                px[y * w + x] = ((x * 7 + y * 3) % 11 < 2) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        for (int y = 320; y < Math.min(h, 460); y++) {
            for (int x = 100; x < Math.min(w, 300); x++) {
                px[y * w + x] = 0xFF000000 | rnd.nextInt(0x1000000);
            }
        }
        return px;
    }

    /**
     * {@code px} (a 512 × 256 {@link #desktop}, whose noisy block is cut off there) with a photo-like block: a gradient
     * with sensor-like noise in each channel, hundreds of colours per tile.
     */
    static int[] withPhoto(int[] px, int w) {
        Random rnd = new Random(9);
        for (int y = 100; y < 230; y++) {
            for (int x = 300; x < 480; x++) {
                int g = (x + y) / 3;
                px[y * w + x] = 0xFF000000 | ((g + rnd.nextInt(24)) & 0xFF) << 16
                        | ((g / 2 + 40 + rnd.nextInt(24)) & 0xFF) << 8 | ((255 - g + rnd.nextInt(24)) & 0xFF);
            }
        }
        return px;
    }

    static Framebuffer framebuffer(int[] px, int w, int h) {
        Framebuffer fb = new Framebuffer(w, h);
        fb.copyFrom(PixelBuffer.ofInts(px, w, h, PixelFormat.XRGB32), List.of(new Rect(0, 0, w, h)));
        return fb;
    }

    @Test
    void capsConfirmComesFirstThenTheSurfaceMappedToTheOutput() {
        GfxChannel ch = open(800, 600, GfxCapabilitySet.FLAG_AVC_DISABLED);
        List<GfxPdu> pdus = client.received();
        assertThat(pdus).hasSize(4);
        assertThat(pdus.get(0)).isEqualTo(new CapsConfirm(GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_10_7,
                GfxCapabilitySet.FLAG_AVC_DISABLED)));
        assertThat(pdus.get(1)).isInstanceOfSatisfying(ResetGraphics.class, r -> {
            assertThat(r.width()).isEqualTo(800);
            assertThat(r.height()).isEqualTo(600);
            assertThat(r.monitors()).containsExactly(new ResetGraphics.Monitor(0, 0, 799, 599,
                    ResetGraphics.MONITOR_PRIMARY));
        });
        assertThat(pdus.get(2)).isEqualTo(new CreateSurface(GfxChannel.SURFACE_ID, 800, 600,
                GfxPdu.PIXEL_FORMAT_XRGB_8888));
        assertThat(pdus.get(3)).isEqualTo(new MapSurfaceToOutput(GfxChannel.SURFACE_ID, 0, 0));
        assertThat(hostCalls).containsExactly("ready");
        assertThat(ch.ready()).isTrue();
        // A second advertisement changes nothing.
        ch.onData(Unpooled.wrappedBuffer(new CapsAdvertise(List.of(GfxCapabilitySet.withFlags(
                GfxCapabilitySet.VERSION_8, 0))).toByteArray()));
        assertThat(sent).isEmpty();
    }

    @Test
    void aClientWithNoKnownVersionIsLeftOnBitmapUpdates() {
        GfxChannel ch = new GfxChannel(64, 64, host, null, options, System::nanoTime);
        ch.onOpen(context);
        ch.onData(Unpooled.wrappedBuffer(new CapsAdvertise(List.of(GfxCapabilitySet.withFlags(0x99, 0)))
                .toByteArray()));
        assertThat(closed).isTrue();
        assertThat(sent).isEmpty();
        assertThat(ch.ready()).isFalse();
        assertThat(ch.encode(framebuffer(new int[64 * 64], 64, 64), ByteBufAllocator.DEFAULT, () -> true)).isZero();
    }

    @Test
    void framesRebuildTheDesktopExactlyUsingFillsAndPlanar() {
        int w = 1000;
        int h = 700; // partial tiles on the right and at the bottom
        GfxChannel ch = open(w, h, 0);
        Framebuffer fb = framebuffer(desktop(w, h, 1), w, h);
        drain(ch, fb);
        assertClientShows(fb);
        GfxSurfaceEncoder.Stats s = ch.stats();
        assertThat(s.solid()).as("flat background tiles").isPositive();
        assertThat(s.planar()).as("text and noise tiles").isPositive();
        assertThat(s.solid() + s.planar() + s.cacheHits()).isEqualTo(16L * 11);
        // Every frame is bracketed and numbered in sequence.
        assertThat(client.endedFrames()).isNotEmpty().isSorted();
    }

    @Test
    void messagesAreBulkCompressedAndDecompressToTheSamePicture() {
        int w = 1000;
        int h = 700;
        long[] bytes = new long[2];
        for (int i = 0; i < 2; i++) {
            client = new GfxClientModel(GfxCapabilityNegotiation.CACHE_SLOTS);
            GfxChannel ch = open(w, h, 0, i == 0);
            Framebuffer fb = framebuffer(desktop(w, h, 1), w, h);
            drain(ch, fb);
            assertClientShows(fb);
            bytes[i] = client.messageBytes();
        }
        // The text-like block repeats itself within tiles and across them: ZGFX finds it.
        assertThat(bytes[0]).as("compressed vs %d uncompressed", bytes[1]).isLessThan(bytes[1] * 6 / 10);
    }

    @Test
    void photoLikeTilesGoRemoteFxAndAreRefinedLosslesslyOnceStill() {
        options = GraphicsOptions.defaults().withRefineAfter(java.time.Duration.ZERO);
        int w = 512;
        int h = 256;
        int[] px = withPhoto(desktop(w, h, 8), w);
        GfxChannel ch = open(w, h, 0);
        Framebuffer fb = framebuffer(px, w, h);
        drain(ch, fb);
        assertThat(ch.stats().remoteFx()).as("photo-like tiles").isBetween(6L, 12L);
        assertThat(client.lossyTiles()).isEqualTo(ch.stats().remoteFx());
        assertThat(client.received()).filteredOn(p -> p instanceof WireToSurface1 t
                && t.codecId() == WireToSurface1.CODEC_CAVIDEO).hasSize((int) ch.stats().remoteFx());
        // Lossy, but close: RemoteFX at FreeRDP's default quantisation.
        assertThat(Psnr.of(fb.snapshot(), client.surface(GfxChannel.SURFACE_ID))).isGreaterThan(30.0);
        // Once still, the lossy tiles are sent again planar and the client shows the exact picture.
        assertThat(ch.refineNow()).isEqualTo((int) ch.stats().remoteFx());
        drain(ch, fb);
        assertThat(ch.stats().refined()).isEqualTo(ch.stats().remoteFx());
        assertClientShows(fb);
        assertThat(ch.refineNow()).isZero();

        // A thin client is spared RemoteFX's transform: its photo-like tiles go planar with colour loss and chroma
        // subsampling (cheap to decode, smaller than lossless), then are refined the same way.
        client = new GfxClientModel(GfxCapabilityNegotiation.SMALL_CACHE_SLOTS);
        GfxChannel thin = open(w, h, GfxCapabilitySet.FLAG_THINCLIENT);
        Framebuffer again = framebuffer(px, w, h);
        drain(thin, again);
        assertThat(thin.stats().remoteFx()).isZero();
        assertThat(thin.stats().lossyPlanar()).isEqualTo(ch.stats().remoteFx());
        double psnr = Psnr.of(again.snapshot(), client.surface(GfxChannel.SURFACE_ID));
        assertThat(psnr).as("lossy planar").isGreaterThan(30.0).isLessThan(Double.POSITIVE_INFINITY);
        assertThat(thin.refineNow()).isEqualTo((int) thin.stats().lossyPlanar());
        drain(thin, again);
        assertClientShows(again);

        // A server that keeps photos lossless sends even a thin client exact planar at once.
        options = options.withPhotoCodec(GraphicsOptions.PhotoCodec.PLANAR);
        client = new GfxClientModel(GfxCapabilityNegotiation.SMALL_CACHE_SLOTS);
        GfxChannel exact = open(w, h, GfxCapabilitySet.FLAG_THINCLIENT);
        Framebuffer third = framebuffer(px, w, h);
        drain(exact, third);
        assertThat(exact.stats().lossyPlanar()).isZero();
        assertClientShows(third);
    }

    @Test
    void progressivePhotosGoCoarseThenFinerPassesThenLossless() {
        options = GraphicsOptions.defaults().withPhotoCodec(GraphicsOptions.PhotoCodec.PROGRESSIVE)
                .withRefineAfter(java.time.Duration.ZERO);
        int w = 512;
        int h = 256;
        int[] px = withPhoto(desktop(w, h, 8), w);
        GfxChannel ch = open(w, h, 0);
        Framebuffer fb = framebuffer(px, w, h);
        drain(ch, fb);
        List<WireToSurface2> streams = client.received().stream().filter(p -> p instanceof WireToSurface2)
                .map(p -> (WireToSurface2) p).toList();
        assertThat(streams).hasSize((int) ch.stats().remoteFx()).hasSizeBetween(6, 12);
        assertThat(client.received()).noneMatch(p -> p instanceof WireToSurface1 t
                && t.codecId() == WireToSurface1.CODEC_CAVIDEO);
        // SYNC (0xCCC0) and CONTEXT open the surface's first stream only; later ones start with FRAME_BEGIN (0xCCC1).
        assertThat(streams.get(0).bitmapData().toArray()[0]).isEqualTo((byte) 0xC0);
        assertThat(streams.subList(1, streams.size())).allMatch(t -> t.bitmapData().toArray()[0] == (byte) 0xC1);
        assertThat(streams).allMatch(t -> t.codecContextId() == GfxChannel.SURFACE_ID);
        // A coarse first pass, then finer passes while the tiles stay still, each one closer, then lossless.
        double psnr = Psnr.of(fb.snapshot(), client.surface(GfxChannel.SURFACE_ID));
        assertThat(psnr).as("first pass").isGreaterThan(18.0);
        int photoTiles = streams.size();
        for (int pass = 1; pass <= 3; pass++) {
            assertThat(ch.refineNow()).isEqualTo(photoTiles);
            drain(ch, fb);
            double finer = Psnr.of(fb.snapshot(), client.surface(GfxChannel.SURFACE_ID));
            assertThat(finer).as("after pass %d", pass).isGreaterThan(psnr);
            psnr = finer;
        }
        assertThat(ch.stats().upgrades()).isEqualTo(3L * photoTiles);
        assertThat(psnr).as("final pass, RemoteFX's quality").isGreaterThan(30.0);
        assertThat(ch.stats().refined()).isZero();
        assertThat(ch.refineNow()).isEqualTo(photoTiles);
        drain(ch, fb);
        assertThat(ch.stats().refined()).isEqualTo(photoTiles);
        assertClientShows(fb);
        assertThat(ch.refineNow()).isZero();
    }

    @Test
    void clearCodecUiTilesArriveExactAcrossFramesAndSmallerThanPlanar() throws Exception {
        int w = 640;
        int h = 400;
        long[] codecBytes = new long[2];
        for (GraphicsOptions.UiCodec codec : GraphicsOptions.UiCodec.values()) {
            options = GraphicsOptions.defaults().withPhotoCodec(GraphicsOptions.PhotoCodec.PLANAR).withUiCodec(codec);
            client = new GfxClientModel(GfxCapabilityNegotiation.CACHE_SLOTS);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                // Frames encoded on the pool: ClearCodec tiles are still encoded one after another, in stream order.
                GfxChannel ch = openOn(GfxEncoderPool.of(threads, 2), w, h);
                deliver();
                Framebuffer fb = framebuffer(mixed(w, h, 1), w, h);
                for (int i = 2; i < 6; i++) {
                    drainAsync(ch, fb);
                    assertClientShows(fb);
                    fb.copyFrom(PixelBuffer.ofInts(mixed(w, h, i), w, h, PixelFormat.XRGB32), List.of(new Rect(0, 0,
                            w, 330)));
                }
                drainAsync(ch, fb);
                assertClientShows(fb);
                boolean anyClear = client.received().stream().anyMatch(p -> p instanceof WireToSurface1 t
                        && t.codecId() == WireToSurface1.CODEC_CLEARCODEC);
                assertThat(anyClear).as("ClearCodec tiles with " + codec).isEqualTo(
                        codec == GraphicsOptions.UiCodec.CLEARCODEC);
                codecBytes[codec.ordinal()] = ch.stats().codecBytes();
            } finally {
                threads.shutdownNow();
            }
            eventLoop = Runnable::run;
        }
        assertThat(codecBytes[GraphicsOptions.UiCodec.CLEARCODEC.ordinal()])
                .isLessThan(codecBytes[GraphicsOptions.UiCodec.PLANAR.ordinal()]);
    }

    /** As {@link #drain}, with frames finished on a pool: completions run here, in order. */
    private void drainAsync(GfxChannel ch, Framebuffer fb) throws InterruptedException {
        java.util.concurrent.BlockingQueue<Runnable> loop = new java.util.concurrent.LinkedBlockingQueue<>();
        eventLoop = loop::add;
        for (int i = 0; i < 1000 && (fb.hasDamage() || ch.encoding() || !loop.isEmpty()); i++) {
            if (!ch.encoding()) {
                ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true);
            }
            // A frame on the pool: wait for its completion, however busy the machine is.
            Runnable done = ch.encoding() ? loop.poll(20, java.util.concurrent.TimeUnit.SECONDS) : loop.poll();
            while (done != null) {
                done.run();
                done = loop.poll();
            }
            deliver();
            acknowledgeAll(ch);
        }
        assertThat(fb.hasDamage()).isFalse();
        assertThat(ch.encoding()).isFalse();
    }

    @Test
    void manyQuickChangesOfMixedContentEndExact() {
        options = GraphicsOptions.defaults().withRefineAfter(java.time.Duration.ZERO);
        int w = 640;
        int h = 400;
        for (long run = 0; run < 40; run++) {
            client = new GfxClientModel(GfxCapabilityNegotiation.CACHE_SLOTS);
            sent.forEach(ByteBuf::release);
            sent.clear();
            Random order = new Random(run);
            GfxChannel ch = open(w, h, 0);
            Framebuffer fb = framebuffer(mixed(w, h, 1), w, h);
            drain(ch, fb);
            ch.refineNow();
            drain(ch, fb);
            for (int i = 2; i < 22; i++) {
                fb.copyFrom(PixelBuffer.ofInts(mixed(w, h, i), w, h, PixelFormat.XRGB32), List.of(new Rect(0, 0, w,
                        330)));
                if (order.nextInt(3) == 0) {
                    ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true);
                    deliver();
                    if (!client.endedFrames().isEmpty() && order.nextBoolean()) {
                        acknowledgeAll(ch);
                    }
                }
            }
            deliver();
            acknowledgeAll(ch);
            for (int k = 0; k < 5; k++) {
                drain(ch, fb);
                ch.refineNow();
            }
            drain(ch, fb);
            int[] expected = fb.snapshot();
            int[] shown = client.surface(GfxChannel.SURFACE_ID);
            int bad = 0;
            for (int i = 0; i < expected.length; i++) {
                bad += ((expected[i] ^ shown[i]) & 0xFFFFFF) != 0 ? 1 : 0;
            }
            assertThat(bad).as("run %d: pixels differing, stats %s", run, ch.stats()).isZero();
        }
    }

    /** The end-to-end test's picture: flat, stripes shifting with the seed, a noise block. */
    static int[] mixed(int w, int h, long seed) {
        Random rnd = new Random(seed);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = 0x2D5F8A;
                if (y > 40 && y < 200 && x > 30 && x < 400) {
                    p = (x * 7 + y * 3 + seed) % 11 < 2 ? 0x000000 : 0xFFFFFF;
                } else if (y > 220 && y < 330 && x > 100 && x < 300) {
                    p = rnd.nextInt(0x1000000);
                }
                px[y * w + x] = 0xFF00_0000 | p;
            }
        }
        return px;
    }

    @Test
    void damageOverUnchangedPixelsSendsNoFrame() {
        int w = 256;
        int h = 128;
        int[] px = desktop(w, h, 2);
        GfxChannel ch = open(w, h, 0);
        Framebuffer fb = framebuffer(px, w, h);
        drain(ch, fb);
        int frames = client.endedFrames().size();
        fb.copyFrom(PixelBuffer.ofInts(px, w, h, PixelFormat.XRGB32), List.of(new Rect(0, 0, w, h)));
        assertThat(ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true)).isEqualTo(8);
        assertThat(sent).isEmpty();
        assertThat(fb.hasDamage()).isFalse();
        assertThat(ch.stats().unchanged()).isEqualTo(8);
        // One changed pixel is one small frame.
        px[70 * w + 130] = 0xFFFF0000;
        fb.copyFrom(PixelBuffer.ofInts(px, w, h, PixelFormat.XRGB32), List.of(new Rect(0, 0, w, h)));
        drain(ch, fb);
        assertThat(client.endedFrames()).hasSize(frames + 1);
        assertClientShows(fb);
    }

    @Test
    void contentSeenBeforeIsDrawnFromTheClientsCache() {
        int w = 512;
        int h = 256;
        int[] px = desktop(w, h, 3);
        GfxChannel ch = open(w, h, 0);
        Framebuffer fb = framebuffer(px, w, h);
        drain(ch, fb);
        long planarBefore = ch.stats().planar();
        long hitsBefore = ch.stats().cacheHits(); // the striped block repeats itself already
        // Move the noisy tile at (128, 0)..(192, 64) -- text-like content -- to (320, 128): a whole tile repeated.
        for (int y = 0; y < 64; y++) {
            System.arraycopy(px, y * w + 64, px, (128 + y) * w + 320, 64);
        }
        fb.copyFrom(PixelBuffer.ofInts(px, w, h, PixelFormat.XRGB32), List.of(new Rect(320, 128, 64, 64)));
        drain(ch, fb);
        List<GfxPdu> last = client.received().subList(client.received().size() - 3, client.received().size());
        assertThat(last.get(0)).isInstanceOf(StartFrame.class);
        assertThat(last.get(1)).isInstanceOfSatisfying(CacheToSurface.class,
                c -> assertThat(c.destPts()).containsExactly(new GfxPoint(320, 128)));
        assertThat(last.get(2)).isInstanceOf(EndFrame.class);
        assertThat(ch.stats().cacheHits()).isEqualTo(hitsBefore + 1);
        assertThat(ch.stats().planar()).isEqualTo(planarBefore);
        assertClientShows(fb);
    }

    @Test
    void contentThatScrollsIsCopiedOnTheClientAndOnlyTheExposedStripIsEncoded() {
        int w = 512;
        int h = 512;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            Random row = new Random(y);
            for (int x = 0; x < w; x++) {
                // Text-like lines, every row different, so where each row went is unambiguous.
                px[y * w + x] = row.nextInt(5) == 0 ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        GfxChannel ch = open(w, h, 0);
        Framebuffer fb = framebuffer(px, w, h);
        drain(ch, fb);
        long planarBefore = ch.stats().planar();
        // Scroll the area from y = 64 to 448 up by 24 rows, and draw new lines into the exposed strip.
        for (int y = 64; y < 424; y++) {
            System.arraycopy(px, (y + 24) * w, px, y * w, w);
        }
        for (int y = 424; y < 448; y++) {
            Random row = new Random(1000 + y);
            for (int x = 0; x < w; x++) {
                px[y * w + x] = row.nextInt(5) == 0 ? 0xFF202020 : 0xFFF0F0F0;
            }
        }
        fb.copyFrom(PixelBuffer.ofInts(px, w, h, PixelFormat.XRGB32), List.of(new Rect(0, 64, w, 384)));
        drain(ch, fb);
        assertClientShows(fb);
        assertThat(client.received()).filteredOn(p -> p instanceof SurfaceToSurface).singleElement()
                .isEqualTo(new SurfaceToSurface(GfxChannel.SURFACE_ID, GfxChannel.SURFACE_ID,
                        new GfxRect(0, 88, w, 448), List.of(new GfxPoint(0, 64))));
        assertThat(ch.stats().scrolls()).isEqualTo(1);
        // Only the tile row holding the exposed strip (y 384..448) is encoded again: 8 tiles, not 48.
        assertThat(ch.stats().planar() - planarBefore).isEqualTo(8);
    }

    @Test
    void theCacheBudgetOfASmallCacheClientIsKeptByEvictingTheLeastRecentlyUsed() {
        client = new GfxClientModel(GfxCapabilityNegotiation.SMALL_CACHE_SLOTS);
        int w = 2048;
        int h = 2048; // 1024 distinct tiles, more than a 16 MB cache holds
        GfxChannel ch = open(w, h, GfxCapabilitySet.FLAG_SMALL_CACHE);
        Random rnd = new Random(4);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | (rnd.nextInt(4) * 0x404040) | (i / w / 64 * 8) << 8 | (i % w / 64 * 8);
        }
        Framebuffer fb = framebuffer(px, w, h);
        drain(ch, fb);
        assertClientShows(fb);
        int capacity = (int) (GfxCapabilityNegotiation.SMALL_CACHE_BYTES / (64 * 64 * 4));
        assertThat(client.cachedEntries()).isEqualTo(capacity);
        assertThat(client.received()).filteredOn(p -> p instanceof EvictCacheEntry).hasSize(1024 - capacity);
        assertThat(client.received()).filteredOn(p -> p instanceof WireToSurface1).hasSize(1024);
    }

    @Test
    void framesInFlightAreBoundedUntilTheClientAcknowledges() {
        int w = 2048;
        int h = 2048;
        GfxChannel ch = open(w, h, 0);
        Random rnd = new Random(5);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | rnd.nextInt(0x1000000);
        }
        Framebuffer fb = framebuffer(px, w, h);
        int sentFrames = 0;
        while (ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true) > 0) {
            sentFrames++;
        }
        assertThat(sentFrames).isEqualTo(GfxChannel.MAX_FRAMES_IN_FLIGHT);
        assertThat(fb.hasDamage()).isTrue();
        // A transport that is not writable holds frames back too.
        deliver();
        ch.onData(Unpooled.wrappedBuffer(new FrameAcknowledge(0, client.endedFrames().get(0), 1).toByteArray()));
        assertThat(hostCalls).endsWith("flush");
        assertThat(ch.encode(fb, ByteBufAllocator.DEFAULT, () -> false)).isZero();
        assertThat(ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true)).isEqualTo(GfxChannel.MAX_TILES_PER_FRAME);
        assertThat(fb.hasDamage()).isFalse();
        deliver();
        assertClientShows(fb);
    }

    @Test
    void aFrameEncodedAfterTheEventLoopStoppedIsFreedNotLeaked() throws Exception {
        // The server stops while the pool encodes a frame: the event loop refuses the completion, and the frame's
        // message must be released on the pool (the leak detector, paranoid in tests, fails the class otherwise).
        java.util.concurrent.CountDownLatch refused = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        eventLoop = r -> {
            if (stopped.get()) {
                refused.countDown();
                throw new java.util.concurrent.RejectedExecutionException("event loop shut down");
            }
            r.run();
        };
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            GfxEncoderPool gated = GfxEncoderPool.of(command -> threads.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                command.run();
            }), 2);
            GfxChannel ch = openOn(gated, 1000, 700);
            deliver();
            Framebuffer fb = framebuffer(desktop(1000, 700, 6), 1000, 700);
            assertThat(ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true)).isPositive();
            stopped.set(true);
            go.countDown();
            assertThat(refused.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(sent).isEmpty();
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void largeFramesAreEncodedOnThePoolAndSentFromTheEventLoopOneAtATime() throws Exception {
        java.util.concurrent.BlockingQueue<Runnable> loop = new java.util.concurrent.LinkedBlockingQueue<>();
        eventLoop = loop::add;
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            int w = 1000;
            int h = 700;
            GfxChannel ch = openOn(GfxEncoderPool.of(threads, 2), w, h);
            deliver();
            Framebuffer fb = framebuffer(desktop(w, h, 6), w, h);
            int frames = 0;
            while (fb.hasDamage()) {
                assertThat(ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true)).isPositive();
                // While the pool encodes, nothing is sent and no other frame starts.
                assertThat(sent).isEmpty();
                assertThat(ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true)).isZero();
                Runnable completion = loop.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(completion).as("completion posted to the event loop").isNotNull();
                completion.run();
                assertThat(sent).hasSize(1);
                assertThat(hostCalls).endsWith("flush");
                deliver();
                frames++;
                ch.onData(Unpooled.wrappedBuffer(new FrameAcknowledge(0, frames, frames).toByteArray()));
            }
            assertThat(framesSent).isEqualTo(frames);
            assertClientShows(fb);
            // Closing while a frame is on the pool: the late result is dropped and its buffers released.
            fb.invalidate(new Rect(0, 0, w, h));
            int[] noise = desktop(w, h, 7);
            fb.copyFrom(PixelBuffer.ofInts(noise, w, h, PixelFormat.XRGB32), List.of(new Rect(0, 0, w, h)));
            assertThat(ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true)).isPositive();
            ch.onClose();
            loop.poll(10, java.util.concurrent.TimeUnit.SECONDS).run();
            assertThat(sent).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void cacheImportOffersAreDeclinedAndUnknownPdusSkipped() {
        GfxChannel ch = open(64, 64, 0);
        ByteBuf in = Unpooled.buffer();
        in.writeShortLE(0x0030).writeShortLE(0).writeIntLE(12).writeIntLE(0xDEADBEEF); // a PDU from the future
        new CacheImportOffer(List.of(new CacheImportOffer.Entry(42, 16384))).encode(in);
        ch.onData(in);
        assertThat(deliver()).containsExactly(new CacheImportReply(List.of()));
        assertThatThrownBy(() -> ch.onData(Unpooled.wrappedBuffer(new byte[] {0x0d, 0, 0, 0, 20, 0, 0, 0, 1})))
                .isInstanceOf(DecodeException.class);
        // An unknown PDU claiming a length under its own header cannot be skipped: refused, not looped on.
        assertThatThrownBy(() -> ch.onData(Unpooled.wrappedBuffer(new byte[] {0x30, 0, 0, 0, 0, 0, 0, 0})))
                .isInstanceOf(DecodeException.class).hasMessageContaining("pduLength");
    }

    @Test
    void aWindowGetsAnArgbSurfaceOfItsOwnThatFollowsItsSizeAndGoesWithIt() {
        GfxChannel ch = open(800, 600, 0);
        long windowId = 0x20004;
        GfxChannel.WindowSurface window = ch.createWindowSurface(windowId, 300, 200).orElseThrow();
        assertThat(deliver()).containsExactly(
                new CreateSurface(window.surfaceId(), 300, 200, GfxPdu.PIXEL_FORMAT_ARGB_8888),
                new MapSurfaceToScaledWindow(window.surfaceId(), windowId, 300, 200, 300, 200));
        assertThat(window.surfaceId()).isNotEqualTo(GfxChannel.SURFACE_ID);
        assertThat(client.surfaceOfWindow(windowId)).hasValue(window.surfaceId());

        // A window with a soft shadow and a translucent title bar: alpha must arrive exactly.
        int[] px = windowPixels(300, 200, 1);
        CompletableFuture<Void> taken = window.submit(PixelBuffer.ofInts(px, 300, 200, PixelFormat.ARGB32),
                List.of(new Rect(0, 0, 300, 200))).toCompletableFuture();
        assertThat(taken).isNotDone();
        Framebuffer desktop = new Framebuffer(800, 600);
        pump(ch, desktop);
        assertThat(client.surface(window.surfaceId())).isEqualTo(px);
        assertThat(taken).isCompleted();

        // Resized: a new surface is created and mapped before the old one goes.
        int old = window.surfaceId();
        window.resize(400, 250);
        List<GfxPdu> resize = deliver();
        assertThat(resize).containsExactly(
                new CreateSurface(window.surfaceId(), 400, 250, GfxPdu.PIXEL_FORMAT_ARGB_8888),
                new MapSurfaceToScaledWindow(window.surfaceId(), windowId, 400, 250, 400, 250),
                new DeleteSurface(old));
        int[] bigger = windowPixels(400, 250, 2);
        window.submit(PixelBuffer.ofInts(bigger, 400, 250, PixelFormat.ARGB32), List.of(new Rect(0, 0, 400, 250)));
        pump(ch, desktop);
        assertThat(client.surface(window.surfaceId())).isEqualTo(bigger);

        // An application rendering at half scale: the client shows the surface at twice its size.
        window.resize(200, 125, 400, 250);
        assertThat(deliver()).startsWith(new CreateSurface(window.surfaceId(), 200, 125,
                GfxPdu.PIXEL_FORMAT_ARGB_8888), new MapSurfaceToScaledWindow(window.surfaceId(), windowId, 200, 125,
                        400, 250));

        // Closed with its window: the surface is deleted, a pending submission completes, and the id is free for the
        // next window.
        int last = window.surfaceId();
        CompletableFuture<Void> dropped = window.submit(PixelBuffer.ofInts(new int[200 * 125], 200, 125,
                PixelFormat.ARGB32), List.of(new Rect(0, 0, 200, 125))).toCompletableFuture();
        window.close();
        assertThat(dropped).isCompleted();
        assertThat(deliver()).containsExactly(new DeleteSurface(last));
        assertThat(client.surfaceOfWindow(windowId)).isEmpty();
        GfxChannel.WindowSurface next = ch.createWindowSurface(7, 10, 10).orElseThrow();
        assertThat(next.surfaceId()).isLessThanOrEqualTo(last);
        deliver();

        // When the channel closes, its window surfaces go with it: pixels submitted later are dropped.
        ch.onClose();
        next.submit(PixelBuffer.ofInts(new int[100], 10, 10, PixelFormat.ARGB32), List.of(new Rect(0, 0, 10, 10)));
        assertThat(ch.encode(desktop, ByteBufAllocator.DEFAULT, () -> true)).isZero();
        assertThat(sent).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = GraphicsOptions.PhotoCodec.class, names = {"REMOTEFX", "PROGRESSIVE"})
    void aWindowsPhotoLikeTilesGoLossyWithTheirAlphaExactAndAreRefinedOnceStill(GraphicsOptions.PhotoCodec codec) {
        options = GraphicsOptions.defaults().withPhotoCodec(codec).withRefineAfter(java.time.Duration.ZERO);
        GfxChannel ch = open(800, 600, 0);
        int w = 256;
        int h = 192;
        GfxChannel.WindowSurface window = ch.createWindowSurface(9, w, h).orElseThrow();
        deliver();
        // A photo in a window whose top half fades in (translucent) and bottom half is opaque.
        int[] px = new int[w * h];
        Random rnd = new Random(5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = (x + y) / 2;
                int a = y < 64 ? 0x40 + x / 2 : 0xFF;
                px[y * w + x] = a << 24 | ((g + rnd.nextInt(24)) & 0xFF) << 16
                        | ((g / 2 + 40 + rnd.nextInt(24)) & 0xFF) << 8 | ((255 - g + rnd.nextInt(24)) & 0xFF);
            }
        }
        window.submit(PixelBuffer.ofInts(px, w, h, PixelFormat.ARGB32), List.of(new Rect(0, 0, w, h)));
        Framebuffer desktop = new Framebuffer(800, 600);
        pump(ch, desktop);
        GfxMetrics m = ch.metrics().join();
        assertThat(m.remoteFx()).as("photo-like tiles").isEqualTo(12);
        assertThat(m.alpha()).as("translucent ones, the top row of tiles").isEqualTo(4);
        assertThat(client.received()).filteredOn(p -> p instanceof WireToSurface1 t
                && t.codecId() == WireToSurface1.CODEC_ALPHA).hasSize(4);
        assertAlphaExact(client.surface(window.surfaceId()), px);
        // Progressive: each finer pass redraws the colour opaque, and the alpha codec follows it again.
        int passes = codec == GraphicsOptions.PhotoCodec.PROGRESSIVE ? 3 : 0;
        for (int pass = 1; pass <= passes; pass++) {
            assertThat(ch.refineNow()).isEqualTo(12);
            pump(ch, desktop);
            assertAlphaExact(client.surface(window.surfaceId()), px);
            assertThat(ch.metrics().join().alpha()).isEqualTo(4 * (pass + 1));
        }
        assertThat(Psnr.of(px, client.surface(window.surfaceId()))).isGreaterThan(30.0);

        // Still: sent again planar, and the client shows the window exactly.
        assertThat(ch.refineNow()).isEqualTo(12);
        pump(ch, desktop);
        assertThat(client.surface(window.surfaceId())).isEqualTo(px);
        assertThat(ch.metrics().join().refined()).isEqualTo(12);
        assertThat(ch.refineNow()).isZero();
    }

    private static void assertAlphaExact(int[] shown, int[] px) {
        for (int i = 0; i < px.length; i++) {
            assertThat(shown[i] >>> 24).as("alpha of pixel %d", i).isEqualTo(px[i] >>> 24);
        }
    }

    /** Sends and acknowledges frames until the channel has nothing left (window surfaces included). */
    private void pump(GfxChannel ch, Framebuffer fb) {
        for (int i = 0; i < 1000; i++) {
            int taken = ch.encode(fb, ByteBufAllocator.DEFAULT, () -> true);
            deliver();
            acknowledgeAll(ch);
            if (taken == 0) {
                return;
            }
        }
        throw new AssertionError("the channel never ran out of damage");
    }

    /** Opaque content, a translucent title bar and a soft shadow at the edges, varying with the seed. */
    static int[] windowPixels(int w, int h, int seed) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int edge = Math.min(Math.min(x, w - 1 - x), Math.min(y, h - 1 - y));
                int a = edge < 8 ? edge * 30 : y < 30 ? 0xC0 : 0xFF;
                int rgb = (x * 3 + seed) % 7 == 0 ? 0x202020 : 0xF0F0F0 - (y & 0x0F);
                px[y * w + x] = a << 24 | rgb;
            }
        }
        return px;
    }

    @Test
    void mutatedClientMessagesOnlyEverRaiseDecodeExceptionsAndNeverHang() {
        // Real client messages (capabilities, acknowledgements, a cache import offer, an unknown PDU) mutated:
        // whatever the bytes, the channel decodes, refuses with a DecodeException, or skips, in bounded time.
        ByteBuf seed = Unpooled.buffer();
        new CapsAdvertise(List.of(GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_10_7, 0))).encode(seed);
        new FrameAcknowledge(0, 1, 1).encode(seed);
        new CacheImportOffer(List.of(new CacheImportOffer.Entry(7, 16384))).encode(seed);
        seed.writeShortLE(0x0030).writeShortLE(0).writeIntLE(12).writeIntLE(1);
        byte[] base = new byte[seed.readableBytes()];
        seed.readBytes(base);
        seed.release();
        // A message that makes the channel loop fails the test instead of hanging the build.
        int rejected = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> {
                    int n = 0;
                    for (long i = 0; i < 2000; i++) {
                        GfxChannel ch = open(64, 64, 0);
                        byte[] mutated = new Mutator(i).mutate(base);
                        n += Mutator.expectOnlyRdpExceptions(i, mutated,
                                () -> ch.onData(Unpooled.wrappedBuffer(mutated))) ? 1 : 0;
                        sent.forEach(ByteBuf::release);
                        sent.clear();
                        client = new GfxClientModel(GfxCapabilityNegotiation.CACHE_SLOTS);
                    }
                    return n;
                });
        assertThat(rejected).isGreaterThan(200);
    }

    @Test
    void closingTheChannelHandsGraphicsBackToBitmapUpdates() {
        GfxChannel ch = open(64, 64, 0);
        ch.onClose();
        assertThat(hostCalls).containsExactly("ready", "closed");
        assertThat(ch.ready()).isFalse();
        ch.onClose();
        assertThat(hostCalls).containsExactly("ready", "closed");
    }

    @Test
    void solidFillsOfOneColourShareAPdu() {
        int w = 256;
        int h = 64;
        int[] px = new int[w * h];
        java.util.Arrays.fill(px, 0xFF123456);
        GfxChannel ch = open(w, h, 0);
        drain(ch, framebuffer(px, w, h));
        assertThat(client.received()).filteredOn(p -> p instanceof SolidFill).singleElement()
                .isInstanceOfSatisfying(SolidFill.class, f -> {
                    assertThat(f.rects()).hasSize(4);
                    assertThat(f.fillPixel()).isEqualTo(0xFF123456);
                });
    }
}
