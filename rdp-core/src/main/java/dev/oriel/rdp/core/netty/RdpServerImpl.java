package dev.oriel.rdp.core.netty;

import dev.oriel.rdp.core.api.RdpServer;
import dev.oriel.rdp.core.api.ServerConfig;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.security.TlsContexts;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty implementation of {@link RdpServer}: one listening socket, NIO event loops, one pipeline per client. */
public final class RdpServerImpl implements RdpServer {
    private static final Logger log = LoggerFactory.getLogger(RdpServerImpl.class);

    /** Outbound bytes queued per connection before the session stops encoding and coalesces damage instead. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private final ServerConfig config;
    private final SslContext sslContext;
    private final AtomicLong connectionIds = new AtomicLong();
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final ChannelGroup connections = new DefaultChannelGroup("oriel-connections", GlobalEventExecutor.INSTANCE);
    private volatile EventLoopGroup bossGroup;
    private volatile EventLoopGroup workerGroup;
    private volatile Channel serverChannel;
    private boolean closed;

    public RdpServerImpl(ServerConfig config) {
        this.config = config;
        this.sslContext = TlsContexts.server(config.tlsIdentity());
    }

    @Override
    public synchronized CompletionStage<Void> start() {
        if (bossGroup != null) {
            throw new IllegalStateException("already started");
        }
        bossGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("oriel-accept", true),
                NioIoHandler.newFactory());
        workerGroup = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("oriel-io", true),
                NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        long id = connectionIds.incrementAndGet();
                        connections.add(ch);
                        RdpConnectionHandler.install(ch, id, config, sslContext, sessions);
                    }
                });
        CompletableFuture<Void> started = new CompletableFuture<>();
        ChannelFuture bind = bootstrap.bind(config.bindAddress());
        bind.addListener(f -> {
            if (f.isSuccess()) {
                serverChannel = bind.channel();
                log.info("RDP server listening address={} tls={}", localAddress(), config.tlsIdentity().fingerprintSha256());
                started.complete(null);
            } else {
                log.error("RDP server cannot listen address={} error={}", config.bindAddress(), f.cause().toString());
                shutdownGroups();
                started.completeExceptionally(f.cause());
            }
        });
        return started;
    }

    @Override
    public InetSocketAddress localAddress() {
        Channel ch = serverChannel;
        if (ch == null) {
            throw new IllegalStateException("not started");
        }
        return (InetSocketAddress) ch.localAddress();
    }

    @Override
    public Collection<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (bossGroup == null || closed) {
            return;
        }
        closed = true;
        Channel ch = serverChannel;
        if (ch != null) {
            ch.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        // Tell every client why it is being disconnected, then give the goodbyes a moment to go out.
        CompletableFuture<?>[] closing = sessions.values().stream()
                .map(s -> ((SessionImpl) s).shutdown().toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("Sessions did not all close in time error={}", e.toString());
        }
        connections.close().awaitUninterruptibly(3, TimeUnit.SECONDS);
        shutdownGroups();
        log.info("RDP server stopped");
    }

    private void shutdownGroups() {
        EventLoopGroup boss = bossGroup;
        EventLoopGroup workers = workerGroup;
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
