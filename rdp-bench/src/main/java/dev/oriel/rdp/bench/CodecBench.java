package dev.oriel.rdp.bench;

import dev.oriel.rdp.bench.Frames.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codec bench command: Oriel's encoders on the reference frames, and, when given the FreeRDP harness
 * ({@code tools/bench/freerdp-codec-bench.c}), FreeRDP 2.x's C encoders on the same bytes in the same run, so the
 * table reports ratios rather than absolute times from another day. Method as in the team's baseline: untimed
 * warm-up, then repetitions that each run the encode for at least a minimum time; median and fastest repetition.
 *
 * <pre>
 * CodecBench [--frames DIR] [--threads N] [--freerdp PATH] [--pin-freerdp] [--reps N] [--min-ms MS]
 *            [--warmup-ms MS] [--oriel-warmup-ms MS] [--codecs a,b] [--only frame,frame]
 * </pre>
 * With {@code --threads N > 1} Oriel's tiles are spread over N threads; run with one thread under
 * {@code taskset -c 0} for the one-core table ({@code tools/codec-bench} does both).
 */
public final class CodecBench {
    private Path frames = Frames.defaultDirectory();
    private int threads = 1;
    private String freerdp;
    private boolean pinFreerdp;
    private int reps = 15;
    private double minMs = 200;
    /** FreeRDP's warm-up, as in the baseline. */
    private double warmupMs = 300;
    /**
     * Oriel's: long enough for the JIT to finish compiling the hot loops even when the JVM shares one CPU with its
     * compiler threads (pinned, 300 ms measured RemoteFX at half its steady speed).
     */
    private double orielWarmupMs = 3000;
    private List<String> only = Frames.NAMES;
    private final Map<String, FrameCodec> codecs = codecs();

    /** Every codec the bench knows, by name. */
    static Map<String, FrameCodec> codecs() {
        Map<String, FrameCodec> all = new LinkedHashMap<>();
        for (FrameCodec c : List.of(new PlanarCodec(), new ClearTileCodec(), new RemoteFxCodec(),
                new ProgressiveCodec(), new ProgressivePassesCodec())) {
            all.put(c.name(), c);
        }
        return all;
    }

    public static void main(String[] args) throws Exception {
        CodecBench b = new CodecBench();
        List<String> codecNames = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> b.frames = Path.of(args[++i]);
                case "--threads" -> b.threads = Integer.parseInt(args[++i]);
                case "--freerdp" -> b.freerdp = args[++i];
                case "--pin-freerdp" -> b.pinFreerdp = true;
                case "--reps" -> b.reps = Integer.parseInt(args[++i]);
                case "--min-ms" -> b.minMs = Double.parseDouble(args[++i]);
                case "--warmup-ms" -> b.warmupMs = Double.parseDouble(args[++i]);
                case "--oriel-warmup-ms" -> b.orielWarmupMs = Double.parseDouble(args[++i]);
                case "--codecs" -> codecNames = List.of(args[++i].split(","));
                case "--only" -> b.only = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (codecNames != null) {
            b.codecs.keySet().retainAll(codecNames);
        }
        b.run();
    }

    /** Median and fastest time per encode, and the bytes of one encode. */
    record Result(long bytes, double medianNs, double minNs) {
    }

    private void run() throws Exception {
        System.out.printf("# Oriel codec bench: %d encoding thread(s), %d CPU(s) visible, Java %s%n", threads,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        String reference = freerdp == null ? "not measured (no --freerdp)"
                : freerdp + (pinFreerdp ? " pinned to CPU 0" : " unpinned");
        System.out.printf("# %d repetitions of >= %.0f ms after warm-up (Oriel %.0f ms for the JIT, FreeRDP %.0f ms);"
                + " FreeRDP: %s%n%n", reps, minMs, orielWarmupMs, warmupMs, reference);
        System.out.println("| Frame | Codec | Oriel bytes | FreeRDP bytes | Oriel ms | FreeRDP ms | Oriel/FreeRDP time"
                + " | Oriel frames/s | Oriel MB/s in | Oriel quality |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (String name : only) {
                Frame f = Frames.load(frames, name);
                Path raw = null;
                if (freerdp != null) {
                    raw = Files.createTempFile("oriel-bench-", ".bgra");
                    Files.write(raw, f.bgra());
                }
                try {
                    for (FrameCodec codec : codecs.values()) {
                        Result oriel = measure(f, codec, pool);
                        Result ref = raw == null || !codec.hasFreeRdpReference() ? null
                                : freerdp(codec.name(), raw, f);
                        double ms = oriel.medianNs / 1e6;
                        System.out.printf("| %s | %s | %,d | %s | %s | %s | %s | %.1f | %.1f | %s |%n", f.name(),
                                codec.name(), oriel.bytes, ref == null ? "-" : String.format("%,d", ref.bytes),
                                fmtMs(ms), ref == null ? "-" : fmtMs(ref.medianNs / 1e6),
                                ref == null ? "-" : String.format("%.2f", oriel.medianNs / ref.medianNs),
                                1e9 / oriel.medianNs, f.pixelBytes() / (oriel.medianNs / 1e9) / 1e6,
                                codec.quality(f));
                    }
                } finally {
                    if (raw != null) {
                        Files.deleteIfExists(raw);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String fmtMs(double ms) {
        return ms < 1 ? String.format("%.1f µs", ms * 1000) : String.format("%.2f", ms);
    }

    /** Oriel's encode of the whole frame, tiles spread over the pool's threads. */
    private Result measure(Frame f, FrameCodec codec, ExecutorService pool) throws Exception {
        FrameCodec.Worker[] workers = new FrameCodec.Worker[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = codec.newWorker();
        }
        long[] bytes = new long[threads];
        Runnable once = threads == 1 ? () -> bytes[0] = workers[0].encode(f, 0, 1) : () -> parallel(f, workers, bytes,
                pool);
        long start = System.nanoTime();
        while (System.nanoTime() - start < orielWarmupMs * 1e6) {
            once.run();
        }
        double[] per = new double[reps];
        for (int r = 0; r < reps; r++) {
            long count = 0;
            long t0 = System.nanoTime();
            long t1;
            do {
                once.run();
                count++;
                t1 = System.nanoTime();
            } while (t1 - t0 < minMs * 1e6);
            per[r] = (double) (t1 - t0) / count;
        }
        Arrays.sort(per);
        return new Result(Arrays.stream(bytes).sum(), per[reps / 2], per[0]);
    }

    private void parallel(Frame f, FrameCodec.Worker[] workers, long[] bytes, ExecutorService pool) {
        CountDownLatch done = new CountDownLatch(workers.length);
        for (int i = 0; i < workers.length; i++) {
            int k = i;
            pool.execute(() -> {
                try {
                    bytes[k] = workers[k].encode(f, k, workers.length);
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern OUT = Pattern.compile("bytes=(\\d+) median_ns=(\\d+) min_ns=(\\d+)");

    private Result freerdp(String codec, Path raw, Frame f) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (pinFreerdp) {
            cmd.addAll(List.of("taskset", "-c", "0"));
        }
        cmd.addAll(List.of(freerdp, codec, raw.toString(), Integer.toString(f.width()), Integer.toString(f.height()),
                Integer.toString(reps), Double.toString(minMs), Double.toString(warmupMs)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        Matcher m = OUT.matcher(out);
        if (rc != 0 || !m.find()) {
            throw new IOException("FreeRDP harness failed (" + rc + "): " + out.strip());
        }
        return new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
    }
}
