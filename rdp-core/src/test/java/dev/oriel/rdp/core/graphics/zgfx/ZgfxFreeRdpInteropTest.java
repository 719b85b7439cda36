package dev.oriel.rdp.core.graphics.zgfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.pdu.gfx.ZgfxSegments;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's real decoder: FreeRDP's {@code zgfx_decompress} (libfreerdp2 or libfreerdp3, as xfreerdp uses it),
 * called through Python's ctypes, decodes what {@link ZgfxCompressor} produced, message by message with one history,
 * byte for byte. Skips with a message naming the missing packages unless {@code -Doriel.interop.required=true}.
 */
class ZgfxFreeRdpInteropTest {
    private static final List<String> LIBRARIES = List.of("/usr/lib/x86_64-linux-gnu/libfreerdp2.so.2",
            "/usr/lib/x86_64-linux-gnu/libfreerdp3.so.3", "/usr/lib/aarch64-linux-gnu/libfreerdp2.so.2",
            "/usr/lib/aarch64-linux-gnu/libfreerdp3.so.3", "/usr/lib64/libfreerdp2.so.2", "/usr/lib64/libfreerdp3.so.3");

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

    @Test
    void freeRdpDecodesTheCompressorsStream(@TempDir Path dir) throws Exception {
        Optional<String> library = LIBRARIES.stream().filter(l -> Files.isReadable(Path.of(l))).findFirst();
        Optional<Path> python = Stream.of("/usr/bin/python3", "/usr/local/bin/python3").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        String missing = (library.isEmpty() ? "libfreerdp2-2 (or libfreerdp3-3) " : "")
                + (python.isEmpty() ? "python3" : "");
        if (Boolean.getBoolean("oriel.interop.required")) {
            assertThat(missing).as("packages needed for the FreeRDP ZGFX interop test").isEmpty();
        }
        Assumptions.assumeTrue(missing.isEmpty(), "FreeRDP ZGFX interop test skipped: install " + missing.strip());

        Path containers = dir.resolve("containers.bin");
        Path messages = dir.resolve("messages.bin");
        int count = writeStream(containers, messages);
        Path script = dir.resolve("check.py");
        Files.writeString(script, CHECK);
        Process process = new ProcessBuilder(python.get().toString(), script.toString(), library.get(),
                containers.toString(), messages.toString()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("decoded " + count + " messages exactly");
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
}
