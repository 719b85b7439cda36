package dev.oriel.rdp.core.netty;

import dev.oriel.rdp.core.graphics.gfx.GfxEncoderPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The graphics encoder threads of this JVM: one per available processor, daemon, created on first use and ended
 * after 30 idle seconds. Shared by every server and session; a frame is split over them, and the connection's event
 * loop only hands work over and sends the result.
 */
final class GfxEncoderThreads implements GfxEncoderPool {
    private static volatile GfxEncoderThreads shared;

    private final ThreadPoolExecutor executor;
    private final int threads;

    private GfxEncoderThreads(int threads) {
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "oriel-gfx-encoder-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    static GfxEncoderThreads shared() {
        GfxEncoderThreads p = shared;
        if (p == null) {
            synchronized (GfxEncoderThreads.class) {
                p = shared;
                if (p == null) {
                    p = new GfxEncoderThreads(Runtime.getRuntime().availableProcessors());
                    shared = p;
                }
            }
        }
        return p;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }
}
