package dev.oriel.rdp.core.netty;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Frame;
import dev.oriel.rdp.core.api.PointerImage;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.api.SystemPointer;
import dev.oriel.rdp.core.channel.dvc.DynamicChannelProcessor;
import dev.oriel.rdp.core.channel.svc.StaticChannelProcessor;
import dev.oriel.rdp.core.pdu.rdp.SetErrorInfoPdu;
import dev.oriel.rdp.core.session.ServerSession;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The thread-safe {@link Session} handed to the embedder: pixel copies happen on the caller's thread (into the
 * synchronised framebuffer), everything else is handed to the connection's event loop.
 */
final class SessionImpl implements Session {
    private final RdpConnectionHandler handler;
    private final ServerSession session;
    private final EventLoop loop;
    private final List<Object> processors;
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    SessionImpl(RdpConnectionHandler handler, ServerSession session, EventLoop loop, List<StaticChannelProcessor> svcs,
            List<DynamicChannelProcessor> dvcs) {
        this.handler = handler;
        this.session = session;
        this.loop = loop;
        List<Object> all = new ArrayList<>(svcs);
        all.addAll(dvcs);
        this.processors = List.copyOf(all);
    }

    @Override
    public long id() {
        return session.result().info().connectionId();
    }

    @Override
    public SessionInfo info() {
        return session.result().info();
    }

    @Override
    public DesktopSize desktopSize() {
        return session.result().desktopSize();
    }

    @Override
    public CompletionStage<Void> submitFrame(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        if (!isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException("session closed"));
        }
        CompletableFuture<Void> done = session.framebuffer().copyFrom(frame.pixels(), frame.damage());
        if (flushScheduled.compareAndSet(false, true)) {
            loop.execute(() -> {
                flushScheduled.set(false);
                session.flushGraphics();
            });
        }
        return done;
    }

    @Override
    public void setPointer(PointerImage image) {
        Objects.requireNonNull(image, "image");
        loop.execute(() -> session.setPointer(image));
    }

    @Override
    public void setSystemPointer(SystemPointer pointer) {
        Objects.requireNonNull(pointer, "pointer");
        loop.execute(() -> session.setSystemPointer(pointer));
    }

    @Override
    public void movePointer(int x, int y) {
        loop.execute(() -> session.movePointer(x, y));
    }

    @Override
    public <T> Optional<T> channel(Class<T> type) {
        return processors.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public boolean isOpen() {
        return !handler.closeFuture.isDone() && !session.isClosed();
    }

    @Override
    public CompletionStage<Void> close(String reason) {
        return end(CloseReason.of(CloseReason.Kind.SERVER_CLOSED, reason));
    }

    /** Server shutdown: like {@link #close(String)} with the SERVER_SHUTDOWN kind. */
    CompletionStage<Void> shutdown() {
        return end(CloseReason.of(CloseReason.Kind.SERVER_SHUTDOWN, "server shutdown"));
    }

    private CompletionStage<Void> end(CloseReason reason) {
        loop.execute(() -> session.close(reason, SetErrorInfoPdu.ERRINFO_RPC_INITIATED_DISCONNECT));
        return handler.closeFuture.thenApply(r -> null);
    }

    @Override
    public CompletionStage<CloseReason> closeFuture() {
        return handler.closeFuture;
    }

    @Override
    public String toString() {
        return "Session[" + id() + " " + info().userName() + "@" + info().remoteAddress() + "]";
    }
}
