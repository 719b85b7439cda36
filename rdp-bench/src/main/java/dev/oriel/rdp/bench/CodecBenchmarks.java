package dev.oriel.rdp.bench;

import dev.oriel.rdp.bench.Frames.Frame;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH view of the codec bench: one encode of a reference frame per invocation, single-threaded (JMH's own
 * {@code -t N} runs N independent encoders, the all-cores figure). Frames come from {@code -Doriel.bench.frames}
 * (the {@code jmh} profile sets it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmarks {
    @Param({"desktop-ui-1920x1080", "photo-noise-1920x1080", "tile-ui-64x64", "tile-photo-64x64"})
    public String frame;

    @Param({"planar-tile64", "rfx", "progressive"})
    public String codec;

    private Frame f;
    private FrameCodec.Worker worker;

    @Setup
    public void setUp() throws IOException {
        f = Frames.load(Frames.defaultDirectory(), frame);
        worker = CodecBench.codecs().get(codec).newWorker();
    }

    /** Returns the output size so the work cannot be optimised away. */
    @Benchmark
    public long encodeFrame() {
        return worker.encode(f, 0, 1);
    }
}
