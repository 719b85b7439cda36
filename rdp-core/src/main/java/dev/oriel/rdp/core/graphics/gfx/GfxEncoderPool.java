package dev.oriel.rdp.core.graphics.gfx;

import java.util.concurrent.Executor;

/**
 * Where graphics tiles are encoded, so codec work runs on all cores and never on an event loop that other sessions
 * share. The threads belong to the transport layer ({@code netty.GfxEncoderThreads}); each keeps its own codec
 * state, so encoding allocates nothing per tile beyond the pooled output buffers.
 */
public interface GfxEncoderPool {
    /** How many tasks may run at once: a frame's tiles are split into this many parts. */
    int threads();

    /** Runs {@code task} on one of the pool's threads. */
    void execute(Runnable task);

    /** A pool over {@code executor}, which runs up to {@code threads} tasks at once (tests, embedders). */
    static GfxEncoderPool of(Executor executor, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        return new GfxEncoderPool() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public void execute(Runnable task) {
                executor.execute(task);
            }
        };
    }
}
