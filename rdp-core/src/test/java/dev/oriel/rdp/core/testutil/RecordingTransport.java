package dev.oriel.rdp.core.testutil;

import dev.oriel.rdp.core.session.SessionTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** Records written frames (owned until {@link #takeFrames}); writability is the test's to decide. */
public final class RecordingTransport implements SessionTransport {
    public final List<ByteBuf> frames = new ArrayList<>();
    public boolean writable = true;
    /** When set, writability ends after this many writes. */
    public int writableBudget = Integer.MAX_VALUE;
    public boolean closed;

    public List<ByteBuf> takeFrames() {
        List<ByteBuf> out = new ArrayList<>(frames);
        frames.clear();
        return out;
    }

    /** Releases everything recorded and not taken. */
    public void releaseAll() {
        takeFrames().forEach(ByteBuf::release);
    }

    @Override
    public ByteBufAllocator alloc() {
        return PooledByteBufAllocator.DEFAULT; // pooled so that paranoid leak detection tracks every buffer
    }

    @Override
    public void write(ByteBuf frame) {
        frames.add(frame);
        writableBudget--;
    }

    @Override
    public void flush() {
    }

    @Override
    public boolean isWritable() {
        return writable && writableBudget > 0;
    }

    @Override
    public Executor executor() {
        return Runnable::run;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public long nanoTime() {
        return 0;
    }
}
