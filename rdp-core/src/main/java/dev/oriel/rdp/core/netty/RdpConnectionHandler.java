package dev.oriel.rdp.core.netty;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.ServerConfig;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.channel.dvc.DrdynvcServer;
import dev.oriel.rdp.core.channel.dvc.DynamicChannelFactory;
import dev.oriel.rdp.core.channel.dvc.DynamicChannelProcessor;
import dev.oriel.rdp.core.channel.svc.StaticChannelFactory;
import dev.oriel.rdp.core.channel.svc.StaticChannelProcessor;
import dev.oriel.rdp.core.connection.Acceptor;
import dev.oriel.rdp.core.connection.AcceptorResult;
import dev.oriel.rdp.core.connection.ServerCapabilitySets;
import dev.oriel.rdp.core.graphics.gfx.GfxChannel;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.error.RdpException;
import dev.oriel.rdp.core.pdu.rdp.SetErrorInfoPdu;
import dev.oriel.rdp.core.session.ServerSession;
import dev.oriel.rdp.core.session.SessionTransport;
import dev.oriel.rdp.core.wire.RdpFrameHint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.Channel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one connection: feeds frames to the sans-IO {@link Acceptor} until the connection sequence is done, then
 * to a {@link ServerSession}. Performs the hand-offs the acceptor asks for (TLS switch, asynchronous admission),
 * enforces the handshake deadline, and turns every protocol error into a logged, polite close of this connection
 * only.
 */
final class RdpConnectionHandler extends ChannelInboundHandlerAdapter implements SessionTransport {
    private static final Logger log = LoggerFactory.getLogger(RdpConnectionHandler.class);

    private final long connectionId;
    private final ServerConfig config;
    private final SslContext sslContext;
    private final Map<Long, Session> sessions;
    private final RdpFrameDecoder frameDecoder;
    private ChannelHandlerContext ctx;
    private Acceptor acceptor;
    private ServerSession session;
    private SessionImpl sessionApi;
    private SessionDecision.Accept admitted;
    private ScheduledFuture<?> handshakeTimer;
    private long acceptedAtNanos;
    private boolean failed;
    private boolean admissionInProgress;
    /** An I/O error (e.g. connection reset) preceded the close: the connection was lost rather than closed. */
    private boolean ioError;
    final CompletableFuture<CloseReason> closeFuture = new CompletableFuture<>();
    private CloseReason closeReason;

    private RdpConnectionHandler(long connectionId, ServerConfig config, SslContext sslContext, Map<Long, Session> sessions,
            RdpFrameDecoder frameDecoder) {
        this.connectionId = connectionId;
        this.config = config;
        this.sslContext = sslContext;
        this.sessions = sessions;
        this.frameDecoder = frameDecoder;
    }

    /** Builds the pipeline of a new connection: [capture] → frame decoder → this handler. */
    static void install(Channel ch, long connectionId, ServerConfig config, SslContext ssl, Map<Long, Session> sessions) {
        Optional<Path> capture = config.captureDirectory();
        if (capture.isPresent()) {
            try {
                ch.pipeline().addLast("capture", new StreamCaptureHandler(capture.get(), connectionId));
            } catch (IOException e) {
                log.warn("Cannot capture connection={} error={}", connectionId, e.toString());
            }
        }
        RdpFrameDecoder decoder = new RdpFrameDecoder(RdpFrameHint.TPKT_OR_FAST_PATH, config.limits().maxFrameLength());
        ch.pipeline().addLast("frames", decoder);
        ch.pipeline().addLast("rdp", new RdpConnectionHandler(connectionId, config, ssl, sessions, decoder));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        acceptedAtNanos = nanoTime();
        InetSocketAddress remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a
                : new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0);
        List<java.util.function.Function<SessionInfo, List<CapabilitySet>>> contributors = new ArrayList<>();
        if (config.graphics().lossyPhotos()) {
            contributors.add(ServerCapabilitySets::remoteFxSurfaceBits);
        }
        config.staticChannels().forEach(f -> contributors.add(info -> contributed(f, info)));
        acceptor = new Acceptor(config.limits(), connectionId, remote, new ServerCapabilitySets(contributors));
        long timeout = config.limits().handshakeTimeout().toMillis();
        handshakeTimer = ctx.executor().schedule(this::onHandshakeTimeout, timeout, TimeUnit.MILLISECONDS);
        log.debug("Connection accepted connection={} remote={}", connectionId, remote);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            if (failed) {
                return;
            }
            if (session != null) {
                session.handleFrame(frame);
            } else {
                onAcceptorFrame(frame);
            }
        } catch (RdpException e) {
            fail(e);
        } catch (RuntimeException e) {
            log.error("Internal error connection={} error={}", connectionId, e.toString(), e);
            failWith(CloseReason.of(CloseReason.Kind.INTERNAL_ERROR, e.toString()), SetErrorInfoPdu.ERRINFO_OUT_OF_MEMORY);
        } finally {
            frame.release();
        }
    }

    // ---- connection sequence ------------------------------------------------------------------------------

    private void onAcceptorFrame(ByteBuf frame) {
        ByteBuf out = ctx.alloc().buffer();
        try {
            acceptor.step(frame, out);
            if (out.isReadable()) {
                ctx.write(out.retain());
            }
        } finally {
            out.release();
        }
        afterStep();
    }

    /** Performs whatever the acceptor asks for after a step. */
    private void afterStep() {
        Optional<String> refusal = acceptor.refusal();
        if (refusal.isPresent()) {
            log.info("Connection refused connection={} remote={} reason={}", connectionId, ctx.channel().remoteAddress(),
                    refusal.get());
            failed = true;
            endBeforeActive(CloseReason.of(CloseReason.Kind.REJECTED, refusal.get()));
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (acceptor.securityUpgradePending()) {
            switchToTls();
        }
        if (acceptor.admissionPending().isPresent() && !admissionInProgress) {
            admit(acceptor.admissionPending().get());
        }
        if (acceptor.isAccepted()) {
            becomeActive();
        }
        ctx.flush();
    }

    private void switchToTls() {
        // The Connection Confirm must leave in plaintext before the TLS handler is in place.
        ctx.flush();
        if (frameDecoder.bufferedBytes() != 0) {
            throw new dev.oriel.rdp.core.error.SequenceException("Acceptor",
                    "client sent data before the X.224 Connection Confirm (" + frameDecoder.bufferedBytes() + " bytes)");
        }
        SslHandler tls = sslContext.newHandler(ctx.alloc());
        ctx.pipeline().addFirst("tls", tls);
        acceptor.markSecurityUpgradeDone();
        log.debug("TLS started connection={}", connectionId);
    }

    private void admit(SessionInfo info) {
        admissionInProgress = true;
        CompletionStage<SessionDecision> decision;
        try {
            decision = config.admission().admit(info);
        } catch (RuntimeException e) {
            decision = CompletableFuture.failedFuture(e);
        }
        decision.whenComplete((d, error) -> ctx.executor().execute(() -> onAdmission(d, error)));
    }

    private void onAdmission(SessionDecision decision, Throwable error) {
        if (failed || !ctx.channel().isActive()) {
            return;
        }
        ByteBuf out = ctx.alloc().buffer();
        try {
            if (error != null || decision == null) {
                log.warn("Admission failed connection={} error={}", connectionId, String.valueOf(error));
                acceptor.reject("admission failed", out);
            } else if (decision instanceof SessionDecision.Reject reject) {
                acceptor.reject(reject.reason(), out);
            } else {
                admitted = (SessionDecision.Accept) decision;
                acceptor.admit(admitted, out);
            }
            ctx.write(out.retain());
        } catch (RdpException e) {
            fail(e);
            return;
        } finally {
            out.release();
        }
        afterStep();
    }

    private void becomeActive() {
        AcceptorResult result = acceptor.result();
        handshakeTimer.cancel(false);
        SessionInfo info = result.info();
        List<StaticChannelProcessor> processors = new ArrayList<>();
        for (StaticChannelFactory f : config.staticChannels()) {
            create(() -> f.create(info)).ifPresent(p -> {
                if (info.hasStaticChannel(p.name())) {
                    processors.add(p);
                } else {
                    p.close();
                }
            });
        }
        List<DynamicChannelProcessor> dynamic = new ArrayList<>();
        // The graphics pipeline is offered to every client; one without it refuses the channel and keeps bitmaps.
        if (config.graphics().pipeline()) {
            GfxChannel.Host host = new GfxChannel.Host() {
                @Override
                public void graphicsPipelineReady(GfxChannel channel) {
                    session.graphicsPipelineReady(channel);
                }

                @Override
                public void graphicsPipelineClosed(GfxChannel channel) {
                    session.graphicsPipelineClosed(channel);
                }

                @Override
                public void flushGraphics() {
                    session.flushGraphics();
                }

                @Override
                public void graphicsFrameSent() {
                    session.graphicsFrameSent();
                }
            };
            dynamic.add(new GfxChannel(result.desktopSize().width(), result.desktopSize().height(), host,
                    GfxEncoderThreads.shared(), config.graphics(), this::nanoTime));
        }
        for (DynamicChannelFactory f : config.dynamicChannels()) {
            create(() -> f.create(info)).ifPresent(dynamic::add);
        }
        if (!dynamic.isEmpty() && info.hasStaticChannel(DrdynvcServer.CHANNEL_NAME)) {
            processors.add(new DrdynvcServer(dynamic, 1, config.limits().maxDvcMessageLength(),
                    config.limits().maxOpenDvcs()));
        }
        session = new ServerSession(result, this, config.limits(), processors, acceptedAtNanos, config.graphics());
        sessionApi = new SessionImpl(this, session, ctx.channel().eventLoop(), processors, dynamic);
        sessions.put(connectionId, sessionApi);
        log.info("Session active connection={} user={} size={} bpp={} sinceAcceptMs={}", connectionId, info.userName(),
                result.desktopSize(), result.capabilities().colorDepth(), (nanoTime() - acceptedAtNanos) / 1_000_000);
        // Font Map is written; the client only opens its channels after processing it (P-CORE-1).
        ctx.flush();
        try {
            result.listener().onStart(sessionApi);
        } catch (RuntimeException e) {
            log.warn("Session listener failed connection={} callback=onStart error={}", connectionId, e.toString(), e);
        }
        session.startChannels();
        session.flushGraphics();
    }

    /** A factory's capability sets, only for clients that declared its channel (a failing factory adds none). */
    private static List<CapabilitySet> contributed(StaticChannelFactory factory, SessionInfo info) {
        try {
            return factory.capabilitySets(info);
        } catch (RuntimeException e) {
            log.warn("Channel factory failed to contribute capability sets error={}", e.toString(), e);
            return List.of();
        }
    }

    private static <T> Optional<T> create(java.util.function.Supplier<Optional<T>> factory) {
        try {
            return factory.get();
        } catch (RuntimeException e) {
            log.warn("Channel factory failed error={}", e.toString(), e);
            return Optional.empty();
        }
    }

    // ---- failures -----------------------------------------------------------------------------------------

    private void onHandshakeTimeout() {
        if (session != null || failed) {
            return;
        }
        log.info("Handshake timeout connection={} remote={} phase={}", connectionId, ctx.channel().remoteAddress(),
                acceptor.phase());
        failWith(CloseReason.of(CloseReason.Kind.HANDSHAKE_TIMEOUT, "no activation within "
                + config.limits().handshakeTimeout()), SetErrorInfoPdu.ERRINFO_LOGON_TIMEOUT);
    }

    /** A protocol error: logged with the PDU and field it names, answered politely, this connection closed. */
    private void fail(RdpException e) {
        log.warn("Connection failed connection={} remote={} phase={} error={}", connectionId, ctx.channel().remoteAddress(),
                session != null ? "ACTIVE" : acceptor.phase(), e.getMessage());
        failWith(CloseReason.of(CloseReason.Kind.PROTOCOL_ERROR, e.getMessage()), SetErrorInfoPdu.ERRINFO_UNKNOWNPDUTYPE);
    }

    private void failWith(CloseReason reason, long errorInfo) {
        if (failed) {
            return;
        }
        failed = true;
        if (session != null) {
            session.close(reason, errorInfo);
            return;
        }
        ByteBuf out = ctx.alloc().buffer();
        acceptor.writeFailure(out);
        ctx.write(out);
        endBeforeActive(reason);
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** Tells an admitted application that its session will never start. */
    private void endBeforeActive(CloseReason reason) {
        closeReason = reason;
        if (admitted != null) {
            SessionDecision.Accept a = admitted;
            admitted = null;
            try {
                a.listener().onClose(reason);
            } catch (RuntimeException e) {
                log.warn("Session listener failed connection={} callback=onClose error={}", connectionId, e.toString());
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent hs) {
            if (hs.isSuccess()) {
                SslHandler tls = ctx.pipeline().get(SslHandler.class);
                log.debug("TLS established connection={} protocol={} cipher={}", connectionId,
                        tls.engine().getSession().getProtocol(), tls.engine().getSession().getCipherSuite());
            } else {
                log.info("TLS handshake failed connection={} remote={} error={}", connectionId,
                        ctx.channel().remoteAddress(), hs.cause().toString());
                failed = true;
                endBeforeActive(CloseReason.of(CloseReason.Kind.PROTOCOL_ERROR, "TLS handshake failed"));
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof RdpException e) {
            fail(e);
        } else if (c instanceof IOException || c instanceof javax.net.ssl.SSLException) {
            ioError = true;
            log.debug("Connection error connection={} error={}", connectionId, c.toString());
            ctx.close();
        } else {
            log.warn("Unexpected error connection={} error={}", connectionId, c.toString(), c);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable() && session != null) {
            session.flushGraphics();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        CloseReason reason;
        if (session != null) {
            // FreeRDP clients never send Disconnect Provider Ultimatum: closing the client closes the TCP connection.
            session.end(ioError ? CloseReason.of(CloseReason.Kind.CONNECTION_LOST, "connection lost")
                    : CloseReason.of(CloseReason.Kind.CLIENT_DISCONNECTED, "client closed the connection"));
            sessions.remove(connectionId);
            reason = session.closeReason();
        } else {
            endBeforeActive(closeReason != null ? closeReason
                    : CloseReason.of(CloseReason.Kind.CONNECTION_LOST, "closed during " + acceptor.phase()));
            reason = closeReason;
            log.debug("Connection closed before activation connection={} phase={}", connectionId, acceptor.phase());
        }
        closeFuture.complete(reason);
        super.channelInactive(ctx);
    }

    // ---- SessionTransport -----------------------------------------------------------------------------------

    @Override
    public ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    @Override
    public void write(ByteBuf frames) {
        ctx.write(frames, ctx.voidPromise());
    }

    @Override
    public void flush() {
        ctx.flush();
    }

    @Override
    public boolean isWritable() {
        return ctx.channel().isWritable();
    }

    @Override
    public Executor executor() {
        return task -> ctx.executor().execute(() -> {
            try {
                task.run();
            } finally {
                ctx.flush();
            }
        });
    }

    @Override
    public boolean schedule(Runnable task, java.time.Duration delay) {
        ctx.executor().schedule(() -> {
            try {
                task.run();
            } finally {
                ctx.flush();
            }
        }, delay.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        return true;
    }

    @Override
    public void close() {
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public long nanoTime() {
        return ctx != null ? ctx.executor().ticker().nanoTime() : System.nanoTime();
    }

    long connectionId() {
        return connectionId;
    }
}
