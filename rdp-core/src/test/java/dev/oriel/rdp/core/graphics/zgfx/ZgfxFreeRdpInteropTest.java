package dev.oriel.rdp.core.graphics.zgfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.pdu.gfx.ZgfxSegments;
import dev.oriel.rdp.core.testutil.FreeRdpScript;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's real decoder: FreeRDP's {@code zgfx_decompress} (libfreerdp2 or libfreerdp3, as xfreerdp uses it),
 * called through Python's ctypes, decodes what {@link ZgfxCompressor} produced, message by message with one history,
 * byte for byte; and on random token streams it decodes exactly what {@link ZgfxDecompressor} decodes. Skips with a
 * message naming the missing packages unless {@code -Doriel.interop.required=true}.
 */
class ZgfxFreeRdpInteropTest {
    /** Reads length-prefixed containers and messages, decodes each container, compares; exit code 0 when all match. */
    private static final String CHECK = """
            import ctypes, struct, sys
            lib = ctypes.CDLL(sys.argv[1])
            libc = ctypes.CDLL(None)
            lib.zgfx_context_new.restype = ctypes.c_void_p
            lib.zgfx_context_new.argtypes = [ctypes.c_int]
            lib.zgfx_decompress.restype = ctypes.c_int
            lib.zgfx_decompress.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32,
                ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)), ctypes.POINTER(ctypes.c_uint32), ctypes.c_uint32]
            libc.free.argtypes = [ctypes.c_void_p]
            def records(path):
                data = open(path, 'rb').read()
                i = 0
                while i < len(data):
                    n = struct.unpack('>I', data[i:i + 4])[0]
                    yield data[i + 4:i + 4 + n]
                    i += 4 + n
            ctx = lib.zgfx_context_new(0)
            count = 0
            for container, expected in zip(records(sys.argv[2]), records(sys.argv[3])):
                dst = ctypes.POINTER(ctypes.c_ubyte)()
                size = ctypes.c_uint32(0)
                status = lib.zgfx_decompress(ctx, container, len(container), ctypes.byref(dst), ctypes.byref(size), 0)
                got = ctypes.string_at(dst, size.value) if size.value else b''
                if dst:
                    libc.free(dst)
                if status < 0 or got != expected:
                    print('message %d: status %d, %d bytes, expected %d' % (count, status, size.value, len(expected)))
                    sys.exit(1)
                count += 1
            print('decoded %d messages exactly' % count)
            """;

    /**
     * Each case starts a fresh context, feeds it a number of 65,535-byte uncompressed segments from the fill file,
     * then one container; the output must equal what Oriel's decoder produced from the same bytes.
     */
    private static final String DIFFERENTIAL = """
            import ctypes, struct, sys
            lib = ctypes.CDLL(sys.argv[1])
            libc = ctypes.CDLL(None)
            lib.zgfx_context_new.restype = ctypes.c_void_p
            lib.zgfx_context_new.argtypes = [ctypes.c_int]
            lib.zgfx_context_free.argtypes = [ctypes.c_void_p]
            lib.zgfx_decompress.restype = ctypes.c_int
            lib.zgfx_decompress.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32,
                ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)), ctypes.POINTER(ctypes.c_uint32), ctypes.c_uint32]
            libc.free.argtypes = [ctypes.c_void_p]
            def decode(ctx, container):
                dst = ctypes.POINTER(ctypes.c_ubyte)()
                size = ctypes.c_uint32(0)
                status = lib.zgfx_decompress(ctx, container, len(container), ctypes.byref(dst), ctypes.byref(size), 0)
                got = ctypes.string_at(dst, size.value) if size.value else b''
                if dst:
                    libc.free(dst)
                return status, got
            fill = open(sys.argv[4], 'rb').read()
            cases = open(sys.argv[2], 'rb').read()
            expected = open(sys.argv[3], 'rb').read()
            ci = ei = count = 0
            while ci < len(cases):
                fills, n = struct.unpack('>II', cases[ci:ci + 8])
                container = cases[ci + 8:ci + 8 + n]
                ci += 8 + n
                m = struct.unpack('>I', expected[ei:ei + 4])[0]
                want = expected[ei + 4:ei + 4 + m]
                ei += 4 + m
                ctx = lib.zgfx_context_new(0)
                for i in range(fills):
                    if decode(ctx, bytes([0xE0, 0x04]) + fill[i * 65535:(i + 1) * 65535])[0] < 0:
                        print('case %d: fill refused' % count)
                        sys.exit(1)
                status, got = decode(ctx, container)
                lib.zgfx_context_free(ctx)
                if status < 0 or got != want:
                    print('case %d: status %d, %d bytes, Oriel %d' % (count, status, len(got), len(want)))
                    sys.exit(1)
                count += 1
            print('decoded %d cases alike' % count)
            """;

    @Test
    void freeRdpDecodesTheCompressorsStream(@TempDir Path dir) throws Exception {
        Path containers = dir.resolve("containers.bin");
        Path messages = dir.resolve("messages.bin");
        int count = writeStream(containers, messages);
        String text = run(dir, CHECK, containers.toString(), messages.toString());
        assertThat(text).contains("decoded " + count + " messages exactly");
    }

    @Test
    void freeRdpAndOrielDecodeRandomTokenStreamsAlike(@TempDir Path dir) throws Exception {
        // Streams this compressor would never write: literals of both forms, matches of any length at any distance
        // up to the whole 2.5 MB history (overlapping ones too), unencoded runs, after 0, 1 or 40 fill segments.
        Path fillFile = dir.resolve("fill.bin");
        byte[] fill = new byte[40 * ZgfxSegments.MAX_SEGMENT];
        new Random(1).nextBytes(fill);
        Files.write(fillFile, fill);
        Path cases = dir.resolve("cases.bin");
        Path outputs = dir.resolve("outputs.bin");
        Random random = new Random(23);
        int count = 600;
        try (DataOutputStream c = out(cases); DataOutputStream o = out(outputs)) {
            for (int k = 0; k < count; k++) {
                int fills = k % 30 == 0 ? 40 : k % 2;
                ZgfxDecompressor oriel = new ZgfxDecompressor();
                for (int i = 0; i < fills; i++) {
                    byte[] segment = new byte[1 + ZgfxSegments.MAX_SEGMENT];
                    segment[0] = ZgfxSegments.PACKET_COMPR_TYPE_RDP8;
                    System.arraycopy(fill, i * ZgfxSegments.MAX_SEGMENT, segment, 1, ZgfxSegments.MAX_SEGMENT);
                    oriel.decompress(Unpooled.wrappedBuffer(segment), Unpooled.buffer(0));
                }
                byte[] segment = randomTokens(random, oriel.historyBytes());
                ByteBuf decoded = Unpooled.buffer();
                oriel.decompress(Unpooled.wrappedBuffer(segment), decoded);
                c.writeInt(fills);
                c.writeInt(1 + segment.length);
                c.write(ZgfxSegments.SINGLE);
                c.write(segment);
                o.writeInt(decoded.readableBytes());
                decoded.readBytes(o, decoded.readableBytes());
                decoded.release();
            }
        }
        String text = run(dir, DIFFERENTIAL, cases.toString(), outputs.toString(), fillFile.toString());
        assertThat(text).contains("decoded " + count + " cases alike");
    }

    /** A valid segment of random tokens over a history of {@code history} bytes. */
    private static byte[] randomTokens(Random random, long history) {
        ZgfxTestBits bits = new ZgfxTestBits();
        int produced = 0;
        for (int t = 0, tokens = 1 + random.nextInt(200); t < tokens; t++) {
            int kind = random.nextInt(5);
            long available = Math.min(history + produced, ZgfxTokens.HISTORY_SIZE);
            if (kind == 0 || available == 0) {
                bits.bits("0").value(random.nextInt(256), 8);
                produced++;
            } else if (kind == 1) {
                bits.bits(List.of("11000", "11001", "110110", "1111101", "11111111").get(random.nextInt(5)));
                produced++;
            } else if (kind == 4) {
                byte[] raw = new byte[random.nextInt(50)];
                random.nextBytes(raw);
                bits.bits("10001 00000").value(raw.length, 15).raw(raw);
                produced += raw.length;
            } else {
                int distance = random.nextInt(4) == 0 ? (int) available
                        : (int) Math.max(1, random.nextDouble() * random.nextDouble() * available);
                int length = random.nextInt(3) == 0 ? 3 : 3 + random.nextInt(random.nextBoolean() ? 20 : 3000);
                if (produced + length > ZgfxSegments.MAX_SEGMENT) {
                    break;
                }
                int i = ZgfxTokens.distanceIndex(distance);
                bits.value(ZgfxTokens.DISTANCE_CODE[i], ZgfxTokens.DISTANCE_PREFIX_BITS[i])
                        .value(distance - ZgfxTokens.DISTANCE_BASE[i], ZgfxTokens.DISTANCE_VALUE_BITS[i]);
                if (length == 3) {
                    bits.bits("0");
                } else {
                    int k = 31 - Integer.numberOfLeadingZeros(length);
                    bits.bits("1".repeat(k - 1) + "0").value(length - (1 << k), k);
                }
                produced += length;
            }
        }
        return bits.segment();
    }

    /** Compresses a stream that exercises every token kind and the history wrap; returns the number of messages. */
    private static int writeStream(Path containers, Path messages) throws IOException {
        ZgfxCompressor compressor = new ZgfxCompressor();
        int[] count = {0};
        try (DataOutputStream c = out(containers); DataOutputStream m = out(messages)) {
            MessageSink send = message -> {
                ByteBuf container = ZgfxSegments.wrap(Unpooled.wrappedBuffer(message), compressor,
                        UnpooledByteBufAllocator.DEFAULT);
                try {
                    c.writeInt(container.readableBytes());
                    container.readBytes(c, container.readableBytes());
                } finally {
                    container.release();
                }
                m.writeInt(message.length);
                m.write(message);
                count[0]++;
            };
            send.accept(new byte[0]);
            send.accept(new byte[] {1, 2, 3});
            byte[] desktop = ZgfxBenchFrames.desktopUi();
            List<byte[]> rows = ZgfxBenchFrames.planarTileRows(desktop, 1920, 1080);
            for (int pass = 0; pass < 2; pass++) {
                for (byte[] row : rows) {
                    send.accept(row);
                }
            }
            // Raw pixels: 8.3 MB, over three times the history.
            for (int y = 0; y < 1080; y += 16) {
                send.accept(Arrays.copyOfRange(desktop, y * 7680, Math.min(1080, y + 16) * 7680));
            }
            // Noise with text: unencoded runs inside compressed segments.
            Random random = new Random(17);
            for (int i = 0; i < 20; i++) {
                byte[] mixed = new byte[1 + random.nextInt(100_000)];
                random.nextBytes(mixed);
                Arrays.fill(mixed, mixed.length / 3, 2 * mixed.length / 3, (byte) ('a' + i));
                send.accept(mixed);
            }
        }
        return count[0];
    }

    private static DataOutputStream out(Path path) throws IOException {
        OutputStream file = Files.newOutputStream(path);
        return new DataOutputStream(new BufferedOutputStream(file));
    }

    @FunctionalInterface
    private interface MessageSink {
        void accept(byte[] message) throws IOException;
    }

    private static String run(Path dir, String script, String... args) throws Exception {
        return FreeRdpScript.run("FreeRDP ZGFX interop test", FreeRdpScript.FREERDP2_OR_3, dir, script, args);
    }
}
