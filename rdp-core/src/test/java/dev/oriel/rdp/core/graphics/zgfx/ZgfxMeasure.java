package dev.oriel.rdp.core.graphics.zgfx;

import dev.oriel.rdp.core.graphics.PlanarEncoder;
import dev.oriel.rdp.core.pdu.gfx.ZgfxSegments;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Hand measurement of ZGFX ratio and speed on the reference frames (not a test: run its {@code main} with the test
 * class path, optionally with the compressor's history in bytes). Times are wall-clock on whatever machine runs it and are only printed, never asserted.
 */
public final class ZgfxMeasure {
    private static int history;

    private ZgfxMeasure() {
    }

    public static void main(String[] args) {
        byte[] tile = ZgfxBenchFrames.tileUi();
        byte[] planarTile = planar(tile, 64, 64);
        byte[] desktop = ZgfxBenchFrames.desktopUi();
        List<byte[]> planarRows = ZgfxBenchFrames.planarTileRows(desktop, 1920, 1080);
        List<byte[]> rawRows = new ArrayList<>();
        for (int y = 0; y < 1080; y += 16) {
            rawRows.add(Arrays.copyOfRange(desktop, y * 1920 * 4, Math.min(1080, y + 16) * 1920 * 4));
        }
        history = args.length > 0 ? Integer.parseInt(args[0]) : ZgfxCompressor.MAX_HISTORY;
        System.out.println("compressor history " + history + " bytes");
        for (int round = 0; round < 3; round++) {
            System.out.println("round " + round);
            measure("tile-ui 64x64 planar (one message)", List.of(planarTile), 2000);
            measure("tile-ui 64x64 raw 32-bit pixels (one message)", List.of(tile), 500);
            measure("desktop-ui planar 64x64 tiles (one message per tile row)", planarRows, 5);
            measure("desktop-ui raw 32-bit pixels (16 lines per message)", rawRows, 2);
        }
    }

    static byte[] planar(byte[] bgra, int w, int h) {
        ByteBuf buf = Unpooled.buffer();
        try {
            new PlanarEncoder(w * h).encode(ZgfxBenchFrames.argb(bgra), 0, w, w, h, false, false, buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** Compresses the messages on a fresh channel {@code repeats} times, then decompresses the last run. */
    static void measure(String label, List<byte[]> messages, int repeats) {
        long raw = 0;
        long wire = 0;
        List<ByteBuf> containers = new ArrayList<>();
        long compressNanos = 0;
        for (int r = 0; r < repeats; r++) {
            ZgfxCompressor compressor = new ZgfxCompressor(history); // Outside the timing: allocation of ~5 MB.
            containers.forEach(ByteBuf::release);
            containers.clear();
            raw = 0;
            wire = 0;
            long t0 = System.nanoTime();
            for (byte[] m : messages) {
                ByteBuf c = ZgfxSegments.wrap(Unpooled.wrappedBuffer(m), compressor, UnpooledByteBufAllocator.DEFAULT);
                containers.add(c);
                raw += m.length;
                wire += c.readableBytes();
            }
            compressNanos += System.nanoTime() - t0;
        }
        long decompressNanos = 0;
        for (int r = 0; r < Math.max(1, repeats / 2); r++) {
            ZgfxDecompressor decompressor = new ZgfxDecompressor();
            long t0 = System.nanoTime();
            for (ByteBuf c : containers) {
                ByteBuf out = ZgfxSegments.unwrap(c.duplicate(), Integer.MAX_VALUE, decompressor,
                        UnpooledByteBufAllocator.DEFAULT);
                out.release();
            }
            decompressNanos += System.nanoTime() - t0;
        }
        containers.forEach(ByteBuf::release);
        double mb = raw / 1e6;
        System.out.printf(Locale.ROOT, "  %-58s %9d -> %9d bytes, ratio %.3f (%.2f:1), compress %.1f MB/s, "
                + "decompress %.1f MB/s%n", label, raw, wire, (double) wire / raw, (double) raw / wire,
                mb * repeats / (compressNanos / 1e9), mb * Math.max(1, repeats / 2) / (decompressNanos / 1e9));
    }
}
