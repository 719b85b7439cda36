package dev.oriel.samples.demo.interop;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Wraps every session listener of a demo server and records what the server saw, for assertions. */
final class Recorder implements UnaryOperator<SessionListener> {
    final List<Recorded> sessions = new CopyOnWriteArrayList<>();

    @Override
    public SessionListener apply(SessionListener inner) {
        Recorded r = new Recorded(inner);
        sessions.add(r);
        return r;
    }

    /** The {@code n}-th admitted session (0-based), once it has started. */
    Recorded awaitStarted(int n, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sessions.size() <= n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("session " + n + " was never admitted (" + sessions.size() + " so far)");
            }
            Thread.sleep(20);
        }
        Recorded r = sessions.get(n);
        r.started.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return r;
    }

    static final class Recorded implements SessionListener {
        final SessionListener inner;
        final CompletableFuture<Session> started = new CompletableFuture<>();
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        final List<InputEvent> input = new CopyOnWriteArrayList<>();

        Recorded(SessionListener inner) {
            this.inner = inner;
        }

        @Override
        public void onStart(Session session) {
            inner.onStart(session);
            started.complete(session);
        }

        @Override
        public void onInput(InputEvent event) {
            input.add(event);
            inner.onInput(event);
        }

        @Override
        public void onOutputSuppressed(boolean suppressed) {
            inner.onOutputSuppressed(suppressed);
        }

        @Override
        public void onClose(CloseReason reason) {
            inner.onClose(reason);
            closed.complete(reason);
        }

        Session session() {
            return started.join();
        }

        List<InputEvent> inputOf(Class<? extends InputEvent> type) {
            List<InputEvent> out = new ArrayList<>();
            for (InputEvent e : input) {
                if (type.isInstance(e)) {
                    out.add(e);
                }
            }
            return out;
        }
    }
}
