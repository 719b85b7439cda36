package dev.oriel.rdp.core.session;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.GraphicsOptions;
import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.Limits;
import dev.oriel.rdp.core.api.PointerImage;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.api.SystemPointer;
import dev.oriel.rdp.core.channel.svc.ChannelPduHeader;
import dev.oriel.rdp.core.channel.svc.StaticChannelContext;
import dev.oriel.rdp.core.channel.svc.StaticChannelProcessor;
import dev.oriel.rdp.core.channel.svc.SvcChunker;
import dev.oriel.rdp.core.channel.svc.SvcDechunker;
import dev.oriel.rdp.core.connection.AcceptorResult;
import dev.oriel.rdp.core.connection.ClientCapabilities;
import dev.oriel.rdp.core.connection.Framing;
import dev.oriel.rdp.core.connection.StaticChannel;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.error.EncodeException;
import dev.oriel.rdp.core.error.SequenceException;
import dev.oriel.rdp.core.graphics.gfx.GfxChannel;
import dev.oriel.rdp.core.pdu.capability.BitmapCodecsCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.SurfaceCommandsCapabilitySet;
import dev.oriel.rdp.core.pdu.common.InclusiveRect;
import dev.oriel.rdp.core.pdu.fastpath.FastPathFragmenter;
import dev.oriel.rdp.core.pdu.fastpath.FastPathInputEvent;
import dev.oriel.rdp.core.pdu.fastpath.FastPathInputPdu;
import dev.oriel.rdp.core.pdu.fastpath.FastPathUpdate;
import dev.oriel.rdp.core.pdu.input.SlowPathInputEvent;
import dev.oriel.rdp.core.pdu.mcs.DisconnectProviderUltimatum;
import dev.oriel.rdp.core.pdu.mcs.McsDomainPdu;
import dev.oriel.rdp.core.pdu.mcs.SendDataHeader;
import dev.oriel.rdp.core.pdu.rdp.RefreshRectPdu;
import dev.oriel.rdp.core.pdu.rdp.SetErrorInfoPdu;
import dev.oriel.rdp.core.pdu.rdp.ShareControlPdu;
import dev.oriel.rdp.core.pdu.rdp.ShareDataBody;
import dev.oriel.rdp.core.pdu.rdp.ShareDataPdu;
import dev.oriel.rdp.core.pdu.rdp.ShutdownDeniedPdu;
import dev.oriel.rdp.core.pdu.rdp.ShutdownRequestPdu;
import dev.oriel.rdp.core.pdu.rdp.SlowPathInputPdu;
import dev.oriel.rdp.core.pdu.rdp.SuppressOutputPdu;
import dev.oriel.rdp.core.pdu.update.CachedPointerUpdate;
import dev.oriel.rdp.core.pdu.update.PointerImages;
import dev.oriel.rdp.core.pdu.update.PointerPositionUpdate;
import dev.oriel.rdp.core.pdu.x224.X224Data;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active phase of one connection, sans I/O ([MS-RDPBCGR] 3.3.5.8–3.3.5.10): whole frames in (fast-path input,
 * share data PDUs on the I/O channel, static channel chunks), frames out through a {@link SessionTransport}, events
 * to the embedder's {@link SessionListener}.
 *
 * <p>Not thread-safe: confined to the connection's event loop. The only cross-thread data is the {@link Framebuffer},
 * which synchronises itself.
 */
public final class ServerSession {
    private static final Logger log = LoggerFactory.getLogger(ServerSession.class);
    static final String NAME = "ServerSession";

    private final AcceptorResult result;
    private final SessionTransport transport;
    private final SessionListener listener;
    private final Limits limits;
    private final long acceptedAtNanos;
    private final Framebuffer framebuffer;
    private final InputMapper input;
    private final BitmapUpdateEncoder bitmaps;
    /** RemoteFX in surface bits commands, for clients that asked for it; null for the others. */
    private final SurfaceBitsEncoder surfaceBits;
    private final PointerCache pointers;
    private final Map<Integer, SvcEndpoint> channels = new LinkedHashMap<>();
    private boolean suppressed;
    /** The graphics pipeline, once its surface exists: graphics go there instead of bitmap updates. */
    private GfxChannel gfx;
    private boolean channelsStarted;
    private boolean firstFrameSent;
    private boolean closed;
    private CloseReason closeReason;

    /**
     * @param processors      static channel processors for this connection (matched to the client's channels by name)
     * @param acceptedAtNanos when the TCP connection was accepted, on the transport's clock, for the first-frame log
     */
    public ServerSession(AcceptorResult result, SessionTransport transport, Limits limits,
            List<StaticChannelProcessor> processors, long acceptedAtNanos) {
        this(result, transport, limits, processors, acceptedAtNanos, GraphicsOptions.defaults());
    }

    /**
     * @param graphics the server's graphics policy: RemoteFX surface bits only where it allows RemoteFX, whatever
     *                 capability sets the client confirmed
     */
    public ServerSession(AcceptorResult result, SessionTransport transport, Limits limits,
            List<StaticChannelProcessor> processors, long acceptedAtNanos, GraphicsOptions graphics) {
        this.result = result;
        this.transport = transport;
        this.listener = result.listener();
        this.limits = limits;
        this.acceptedAtNanos = acceptedAtNanos;
        this.framebuffer = new Framebuffer(result.desktopSize().width(), result.desktopSize().height());
        this.input = new InputMapper(result.desktopSize().width(), result.desktopSize().height());
        this.bitmaps = new BitmapUpdateEncoder(result.capabilities().colorDepth(),
                result.capabilities().noBitmapCompressionHeader());
        this.surfaceBits = graphics.lossyPhotos()
                ? remoteFxSurfaceBits(result.capabilities()) : null;
        if (surfaceBits != null) {
            log.info("RemoteFX surface bits for connection={} until a graphics pipeline opens",
                    result.info().connectionId());
        }
        this.pointers = new PointerCache(Math.min(result.capabilities().pointerCacheSize(), 64));
        for (StaticChannelProcessor p : processors) {
            Optional<StaticChannel> ch = result.channel(p.name());
            if (ch.isEmpty()) {
                log.debug("Client has no channel for processor name={}", p.name());
                p.close();
                continue;
            }
            channels.put(ch.get().id(), new SvcEndpoint(ch.get(), p));
        }
    }

    public AcceptorResult result() {
        return result;
    }

    /** The server's copy of the desktop; application threads copy frames into it. */
    public Framebuffer framebuffer() {
        return framebuffer;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Why the session ended; null while it runs. */
    public CloseReason closeReason() {
        return closeReason;
    }

    /** The static channel processors in use (started or not). */
    public List<StaticChannelProcessor> processors() {
        return channels.values().stream().map(e -> e.processor).toList();
    }

    /**
     * Starts the static channel processors. Called once after activation: FreeRDP 2.x stops reading right after
     * Font Map and only opens its channels then, so data sent later in the same burst is safe (P-CORE-1).
     */
    public void startChannels() {
        if (channelsStarted || closed) {
            return;
        }
        channelsStarted = true;
        for (SvcEndpoint e : channels.values()) {
            try {
                e.processor.start(e);
            } catch (RuntimeException ex) {
                e.fail("start", ex);
            }
        }
    }

    // ---- input -------------------------------------------------------------------------------------------

    /** Handles one whole frame from the client (the caller releases it). */
    public void handleFrame(ByteBuf frame) {
        if (closed) {
            return;
        }
        if ((frame.getUnsignedByte(frame.readerIndex()) & 0x03) == 0) {
            FastPathInputPdu pdu = FastPathInputPdu.decode(frame);
            for (FastPathInputEvent e : pdu.events()) {
                deliver(input.map(e));
            }
            return;
        }
        ByteBuf mcs = X224Data.unwrap(frame);
        McsDomainPdu pdu = McsDomainPdu.decode(mcs);
        if (pdu instanceof DisconnectProviderUltimatum) {
            log.debug("Client sent Disconnect Provider Ultimatum connection={}", result.info().connectionId());
            end(CloseReason.of(CloseReason.Kind.CLIENT_DISCONNECTED, "client disconnected"));
            transport.close();
            return;
        }
        if (!(pdu instanceof SendDataHeader send) || send.kind() != SendDataHeader.Kind.REQUEST) {
            throw SequenceException.unexpected(NAME, pdu.name());
        }
        ByteBuf body = Wire.readSlice(mcs, send.userDataLength(), SendDataHeader.NAME, "userData");
        Wire.ensureFullyConsumed(mcs, SendDataHeader.NAME);
        if (send.channelId() == result.ioChannelId()) {
            onShareControl(ShareControlPdu.decode(body));
            Wire.ensureFullyConsumed(body, ShareControlPdu.NAME);
            return;
        }
        SvcEndpoint endpoint = channels.get(send.channelId());
        if (endpoint == null) {
            if (result.channel(send.channelId()).isEmpty()) {
                throw DecodeException.invalidField(SendDataHeader.NAME, "channelId", "no such channel " + send.channelId());
            }
            log.trace("Dropping data for a channel without processor id={}", send.channelId());
            return;
        }
        endpoint.receive(body);
    }

    private void onShareControl(ShareControlPdu pdu) {
        if (!(pdu instanceof ShareDataPdu data)) {
            throw SequenceException.unexpected(NAME, pdu.name());
        }
        ShareDataBody body = data.body();
        if (body instanceof SlowPathInputPdu in) {
            for (SlowPathInputEvent e : in.events()) {
                deliver(input.map(e));
            }
        } else if (body instanceof SuppressOutputPdu so) {
            onSuppressOutput(so);
        } else if (body instanceof RefreshRectPdu rr) {
            for (InclusiveRect r : rr.areas()) {
                framebuffer.invalidate(new Rect(r.left(), r.top(), Math.max(0, r.width()), Math.max(0, r.height())));
            }
            flushGraphics();
        } else if (body instanceof ShutdownRequestPdu) {
            // [MS-RDPBCGR] 3.3.5.11: the server may deny; the client then disconnects on its own.
            sendShareData(new ShutdownDeniedPdu());
        } else {
            log.debug("Ignoring data PDU connection={} pdu={}", result.info().connectionId(), body.name());
        }
    }

    private void onSuppressOutput(SuppressOutputPdu so) {
        boolean nowSuppressed = !so.allowDisplayUpdates();
        if (nowSuppressed == suppressed) {
            return;
        }
        suppressed = nowSuppressed;
        callListener("onOutputSuppressed", () -> listener.onOutputSuppressed(nowSuppressed));
        if (!suppressed) {
            InclusiveRect r = so.desktopRect().orElseThrow();
            framebuffer.invalidate(new Rect(r.left(), r.top(), Math.max(0, r.width()), Math.max(0, r.height())));
            flushGraphics();
        }
    }

    private void deliver(List<InputEvent> events) {
        for (InputEvent e : events) {
            callListener("onInput", () -> listener.onInput(e));
        }
    }

    private void callListener(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // An application bug must not take the protocol down with it.
            log.warn("Session listener failed connection={} callback={} error={}", result.info().connectionId(), what,
                    e.toString(), e);
        }
    }

    // ---- output ------------------------------------------------------------------------------------------

    /**
     * Sends dirty framebuffer regions while the transport is writable and output is not suppressed, then completes
     * the frames' stages if everything was sent.
     */
    public void flushGraphics() {
        if (closed || suppressed) {
            return;
        }
        if (gfx != null) {
            // Frames are written (and flushed) by the channel itself, some after encoding on the pool.
            while (gfx.encode(framebuffer, transport.alloc(), transport::isWritable) > 0) {
                // until the acknowledgement window, the transport or the damage stops it
            }
        } else if (surfaceBits != null) {
            if (surfaceBits.encode(framebuffer, transport.alloc(), transport::isWritable, transport::write) > 0) {
                graphicsFrameSent();
            }
        } else if (bitmaps.encode(framebuffer, transport.alloc(), transport::isWritable, transport::write) > 0) {
            graphicsFrameSent();
        }
        CompletableFuture<Void> done = framebuffer.takeWaiterIfClean();
        if (done != null) {
            done.complete(null);
        }
    }

    /**
     * A RemoteFX surface-bits encoder when the client listed RemoteFX among its bitmap codecs ([MS-RDPBCGR]
     * 2.2.7.2.10), accepts Stream Surface Bits (2.2.7.2.9) and fast-path output, at 32 bpp; otherwise null.
     */
    private static SurfaceBitsEncoder remoteFxSurfaceBits(ClientCapabilities caps) {
        boolean streamBits = caps.find(SurfaceCommandsCapabilitySet.class)
                .map(s -> (s.cmdFlags() & SurfaceCommandsCapabilitySet.SURFCMDS_STREAM_SURFACE_BITS) != 0)
                .orElse(false);
        Optional<Integer> id = caps.find(BitmapCodecsCapabilitySet.class)
                .flatMap(BitmapCodecsCapabilitySet::remoteFxCodecId);
        // A tile's RemoteFX message can exceed one fast-path PDU (up to about 25 KB), so the client must reassemble
        // fragmented updates at least that large.
        if (!streamBits || id.isEmpty() || caps.colorDepth() != 32 || !caps.fastPathOutput()
                || caps.multifragmentMaxRequestSize() < SurfaceBitsEncoder.MAX_TILE_UPDATE) {
            return null;
        }
        return new SurfaceBitsEncoder(id.get(), caps.multifragmentMaxRequestSize());
    }

    /** Graphics were written: flush them. */
    public void graphicsFrameSent() {
        transport.flush();
        if (!firstFrameSent) {
            firstFrameSent = true;
            log.info("First frame sent connection={} sinceAcceptMs={}", result.info().connectionId(),
                    (transport.nanoTime() - acceptedAtNanos) / 1_000_000);
        }
    }

    /** The graphics pipeline's surface is ready ([MS-RDPEGFX]): send the whole desktop there from now on. */
    public void graphicsPipelineReady(GfxChannel channel) {
        if (closed) {
            return;
        }
        gfx = channel;
        log.info("Graphics pipeline active connection={}", result.info().connectionId());
        framebuffer.invalidate(Rect.of(result.desktopSize()));
        flushGraphics();
    }

    /** The graphics pipeline closed: back to bitmap updates, starting with the whole desktop. */
    public void graphicsPipelineClosed(GfxChannel channel) {
        if (gfx != channel || closed) {
            return;
        }
        gfx = null;
        framebuffer.invalidate(Rect.of(result.desktopSize()));
        flushGraphics();
    }

    public void setPointer(PointerImage image) {
        if (closed) {
            return;
        }
        int cached = pointers.lookup(image);
        if (cached >= 0) {
            sendUpdate(FastPathUpdate.FASTPATH_UPDATETYPE_CACHED, new CachedPointerUpdate(cached));
            transport.flush();
            return;
        }
        int slot = pointers.assign(image);
        int index = Math.max(slot, 0);
        var caps = result.capabilities();
        int limit = caps.largePointer96() ? 96 : 32;
        if (image.width() <= limit && image.height() <= limit) {
            sendUpdate(FastPathUpdate.FASTPATH_UPDATETYPE_POINTER, PointerImages.newPointer(index, image.hotSpotX(),
                    image.hotSpotY(), image.width(), image.height(), image.argb()));
        } else if (caps.largePointer384()) {
            sendUpdate(FastPathUpdate.FASTPATH_UPDATETYPE_LARGE_POINTER, PointerImages.largePointer(index,
                    image.hotSpotX(), image.hotSpotY(), image.width(), image.height(), image.argb()));
        } else {
            // The client cannot show a pointer this large: send the part around the hot spot that fits.
            int w = Math.min(image.width(), limit);
            int h = Math.min(image.height(), limit);
            int x0 = Math.max(0, Math.min(image.hotSpotX() - w / 2, image.width() - w));
            int y0 = Math.max(0, Math.min(image.hotSpotY() - h / 2, image.height() - h));
            int[] crop = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    crop[y * w + x] = image.pixel(x0 + x, y0 + y);
                }
            }
            sendUpdate(FastPathUpdate.FASTPATH_UPDATETYPE_POINTER, PointerImages.newPointer(index,
                    image.hotSpotX() - x0, image.hotSpotY() - y0, w, h, crop));
        }
        transport.flush();
    }

    public void setSystemPointer(SystemPointer pointer) {
        if (closed) {
            return;
        }
        int code = pointer == SystemPointer.HIDDEN ? FastPathUpdate.FASTPATH_UPDATETYPE_PTR_NULL
                : FastPathUpdate.FASTPATH_UPDATETYPE_PTR_DEFAULT;
        sendUpdate(code, null);
        transport.flush();
    }

    public void movePointer(int x, int y) {
        if (closed) {
            return;
        }
        sendUpdate(FastPathUpdate.FASTPATH_UPDATETYPE_PTR_POSITION, new PointerPositionUpdate(
                Math.max(0, Math.min(x, result.desktopSize().width() - 1)),
                Math.max(0, Math.min(y, result.desktopSize().height() - 1))));
        transport.flush();
    }

    /**
     * Sends drawing orders in fast-path Orders updates ([MS-RDPBCGR] 2.2.9.1.2.1.2: numberOrders (2) then the
     * orders). Consecutive orders share an update while it fits one PDU ({@link FastPathFragmenter#MAX_FRAGMENT_DATA},
     * as FreeRDP's update_check_flush does); an order that does not fit one PDU is sent alone, fragmented.
     */
    public void sendOrders(List<? extends Encodable> orders) {
        if (closed || orders.isEmpty()) {
            return;
        }
        int budget = FastPathFragmenter.MAX_FRAGMENT_DATA - 2;
        int i = 0;
        while (i < orders.size()) {
            int bytes = orders.get(i).size();
            int end = i + 1;
            while (end < orders.size() && end - i < 0xFFFF && bytes + orders.get(end).size() <= budget) {
                bytes += orders.get(end).size();
                end++;
            }
            if (2 + bytes > result.capabilities().multifragmentMaxRequestSize()) {
                throw EncodeException.valueTooLarge(orders.get(i).name(), "orderSize", bytes,
                        result.capabilities().multifragmentMaxRequestSize() - 2L);
            }
            ByteBuf payload = transport.alloc().buffer(2 + bytes);
            try {
                payload.writeShortLE(end - i);
                for (int k = i; k < end; k++) {
                    orders.get(k).encode(payload);
                }
                FastPathFragmenter.write(FastPathUpdate.FASTPATH_UPDATETYPE_ORDERS, payload,
                        result.capabilities().multifragmentMaxRequestSize(), transport.alloc(), transport::write);
            } finally {
                payload.release();
            }
            i = end;
        }
        transport.flush();
    }

    /** Sends one fast-path update whose body is {@code body} (null for none). */
    private void sendUpdate(int updateCode, Encodable body) {
        ByteBuf payload = body == null ? transport.alloc().buffer(0) : body.encodeToBuffer(transport.alloc());
        try {
            FastPathFragmenter.write(updateCode, payload, result.capabilities().multifragmentMaxRequestSize(),
                    transport.alloc(), transport::write);
        } finally {
            payload.release();
        }
    }

    private void sendShareData(ShareDataBody body) {
        ShareDataPdu pdu = new ShareDataPdu(dev.oriel.rdp.core.connection.Acceptor.SERVER_CHANNEL_ID, result.shareId(),
                ShareDataPdu.STREAM_LOW, body);
        ByteBuf out = transport.alloc().buffer(Framing.MAX_OVERHEAD + pdu.size());
        Framing.writeSendData(out, result.ioChannelId(), pdu);
        transport.write(out);
        transport.flush();
    }

    // ---- ending --------------------------------------------------------------------------------------------

    /**
     * Ends the session from the server side: Set Error Info with {@code errorInfo}, Disconnect Provider Ultimatum,
     * then the connection closes ([MS-RDPBCGR] 1.3.1.4.2).
     */
    public void close(CloseReason reason, long errorInfo) {
        if (closed) {
            return;
        }
        if (errorInfo != SetErrorInfoPdu.ERRINFO_NONE) {
            sendShareData(new SetErrorInfoPdu(errorInfo));
        }
        ByteBuf out = transport.alloc().buffer(16);
        Framing.writeMcs(out, new DisconnectProviderUltimatum(DisconnectProviderUltimatum.RN_PROVIDER_INITIATED));
        transport.write(out);
        end(reason);
        transport.close();
    }

    /** The connection is gone (or going): notify the listener once and release everything. */
    public void end(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        closeReason = reason;
        for (SvcEndpoint e : channels.values()) {
            e.dispose();
        }
        CompletableFuture<Void> pending = framebuffer.takeWaiter();
        if (pending != null) {
            pending.completeExceptionally(new IllegalStateException("session closed: " + reason.detail()));
        }
        log.info("Session ended connection={} reason={} detail={}", result.info().connectionId(), reason.kind(),
                reason.detail());
        callListener("onClose", () -> listener.onClose(reason));
    }

    /** A static channel of this connection with its processor: the processor's {@link StaticChannelContext}. */
    private final class SvcEndpoint implements StaticChannelContext {
        final StaticChannel channel;
        final StaticChannelProcessor processor;
        final SvcDechunker dechunker;
        boolean disabled;

        SvcEndpoint(StaticChannel channel, StaticChannelProcessor processor) {
            this.channel = channel;
            this.processor = processor;
            this.dechunker = new SvcDechunker(channel.name(), limits.maxSvcMessageLength(), transport.alloc());
        }

        void receive(ByteBuf chunk) {
            if (disabled) {
                return;
            }
            ByteBuf message;
            try {
                message = dechunker.accept(chunk);
            } catch (RuntimeException e) {
                fail("reassembly", e);
                return;
            }
            if (message == null) {
                long dropped = dechunker.takeDropped();
                if (dropped >= 0) {
                    log.warn("Static channel message dropped connection={} channel={} length={} limit={}",
                            result.info().connectionId(), channel.name(), dropped, limits.maxSvcMessageLength());
                    try {
                        processor.messageDropped(dropped);
                    } catch (RuntimeException e) {
                        fail("messageDropped", e);
                    }
                }
                return;
            }
            try {
                processor.process(message);
            } catch (RuntimeException e) {
                fail("process", e);
            } finally {
                message.release();
            }
        }

        void fail(String stage, RuntimeException e) {
            log.warn("Static channel disabled connection={} channel={} stage={} error={}", result.info().connectionId(),
                    channel.name(), stage, e.toString());
            disabled = true;
            dispose();
        }

        void dispose() {
            dechunker.close();
            try {
                processor.close();
            } catch (RuntimeException e) {
                log.warn("Static channel close failed channel={} error={}", channel.name(), e.toString());
            }
        }

        @Override
        public String channelName() {
            return channel.name();
        }

        @Override
        public int channelId() {
            return channel.id();
        }

        @Override
        public void send(Encodable message) {
            send(message.encodeToBuffer(transport.alloc()));
        }

        @Override
        public void send(ByteBuf message) {
            try {
                if (closed || disabled) {
                    return;
                }
                int extra = channel.showProtocol() ? ChannelPduHeader.CHANNEL_FLAG_SHOW_PROTOCOL : 0;
                List<ByteBuf> chunks = new ArrayList<>();
                SvcChunker.chunk(message, SvcChunker.CHANNEL_CHUNK_LENGTH, extra, transport.alloc(), chunks::add);
                for (ByteBuf chunk : chunks) {
                    try {
                        ByteBuf frame = transport.alloc().buffer(Framing.MAX_OVERHEAD + chunk.readableBytes());
                        Framing.writeSendData(frame, channel.id(), chunk);
                        transport.write(frame);
                    } finally {
                        chunk.release();
                    }
                }
            } finally {
                message.release();
            }
        }

        @Override
        public void sendOrders(List<? extends Encodable> orders) {
            if (!disabled) {
                ServerSession.this.sendOrders(orders);
            }
        }

        @Override
        public ClientCapabilities clientCapabilities() {
            return result.capabilities();
        }

        @Override
        public Executor executor() {
            return transport.executor();
        }

        @Override
        public boolean schedule(Runnable task, java.time.Duration delay) {
            return transport.schedule(() -> {
                if (!closed && !disabled) {
                    task.run();
                }
            }, delay);
        }
    }
}
