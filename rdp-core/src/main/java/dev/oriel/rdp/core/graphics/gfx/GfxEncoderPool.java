package dev.oriel.rdp.core.graphics.gfx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that encode graphics tiles for every session of a server, so codec work runs on all cores and never on
 * an event loop that other sessions share. Each thread keeps its own codec state ({@link GfxTileWorker}), so
 * encoding allocates nothing per tile beyond the pooled output buffers.
 */
public final class GfxEncoderPool implements AutoCloseable {
    private static volatile GfxEncoderPool shared;

    private final ExecutorService executor;
    private final int threads;
    private final ThreadLocal<GfxTileWorker> workers = ThreadLocal.withInitial(GfxTileWorker::new);

    public GfxEncoderPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "oriel-gfx-encoder-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
    }

    /** One pool per JVM with a thread per available processor, created on first use. */
    public static GfxEncoderPool shared() {
        GfxEncoderPool p = shared;
        if (p == null) {
            synchronized (GfxEncoderPool.class) {
                p = shared;
                if (p == null) {
                    p = new GfxEncoderPool(Runtime.getRuntime().availableProcessors());
                    shared = p;
                }
            }
        }
        return p;
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code task} on a pool thread with that thread's worker. */
    void execute(java.util.function.Consumer<GfxTileWorker> task) {
        executor.execute(() -> task.accept(workers.get()));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
