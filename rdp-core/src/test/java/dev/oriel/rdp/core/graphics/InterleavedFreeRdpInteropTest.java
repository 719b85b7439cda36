package dev.oriel.rdp.core.graphics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.testutil.FreeRdpScript;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's real decoder: FreeRDP's {@code interleaved_decompress} (libfreerdp2, as xfreerdp 2.11 uses it for
 * bitmap updates), called through Python's ctypes, decodes what {@link InterleavedEncoder} produced, and the
 * hand-built stream with every order code, to exactly the pixels Oriel's decoder gives (with 16-bpp green widened
 * FreeRDP's way, see {@link InterleavedDecoderTest#freeRdpWidened}). Skips with a message naming
 * the missing packages unless {@code -Doriel.interop.required=true}.
 */
class InterleavedFreeRdpInteropTest {
    /** Reads cases (width, height, bpp, length, stream; big-endian ints), writes FreeRDP's BGRX32 output of each. */
    private static final String DECODE = """
            import ctypes, struct, sys
            lib = ctypes.CDLL(sys.argv[1])
            lib.bitmap_interleaved_context_new.restype = ctypes.c_void_p
            lib.bitmap_interleaved_context_new.argtypes = [ctypes.c_int]
            lib.interleaved_decompress.restype = ctypes.c_int
            lib.interleaved_decompress.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32,
                ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint32,
                ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p]
            BGRX32 = (32 << 24) | (4 << 16) | (0 << 12) | (8 << 8) | (8 << 4) | 8
            ctx = lib.bitmap_interleaved_context_new(0)
            data = open(sys.argv[2], 'rb').read()
            out = open(sys.argv[3], 'wb')
            i = count = 0
            while i < len(data):
                w, h, bpp, n = struct.unpack('>IIII', data[i:i + 16])
                stream = data[i + 16:i + 16 + n]
                i += 16 + n
                dst = ctypes.create_string_buffer(w * h * 4)
                ok = lib.interleaved_decompress(ctx, stream, n, w, h, bpp, dst, BGRX32, w * 4, 0, 0, w, h, None)
                if not ok:
                    print('case %d (%dx%d at %d bpp): interleaved_decompress failed' % (count, w, h, bpp))
                    sys.exit(1)
                out.write(dst.raw)
                count += 1
            out.close()
            print('decoded %d cases' % count)
            """;

    @Test
    void freeRdpDecodesTheEncodersStreamsExactly(@TempDir Path dir) throws Exception {
        List<int[]> expected = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        Path cases = dir.resolve("cases.bin");
        Random random = new Random(29);
        InterleavedEncoder encoder = new InterleavedEncoder(64 * 64);
        try (DataOutputStream c = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cases)))) {
            // The hand-built stream with every order code (16 bpp, 8 × 32, rows in stream order).
            byte[] every = InterleavedDecoderTest.everyOrderStream();
            writeCase(c, 8, 32, 16, every);
            expected.add(asFreeRdpShowsIt(InterleavedDecoder.decodeNative(Unpooled.wrappedBuffer(every), 8, 32, 16),
                    8, 32, 16));
            sizes.add(new int[] {8, 32, 16});
            for (int bpp : new int[] {15, 16, 24}) {
                List<int[]> sources = new ArrayList<>();
                List<int[]> dims = new ArrayList<>();
                for (String tile : new String[] {"tile-ui-64x64", "tile-photo-64x64"}) {
                    sources.add(PlanarCodecTest.referenceTile(tile));
                    dims.add(new int[] {64, 64});
                }
                sources.add(InterleavedEncoderTest.textLike(64, 64, random));
                dims.add(new int[] {64, 64});
                sources.add(InterleavedEncoderTest.flat(64, 64, 0xFF808080));
                dims.add(new int[] {64, 64});
                for (int k = 0; k < 150; k++) {
                    int w = 1 + random.nextInt(64);
                    int h = 1 + random.nextInt(64);
                    sources.add(switch (k % 4) {
                        case 0 -> InterleavedEncoderTest.noise(w, h, random);
                        case 1 -> InterleavedEncoderTest.textLike(w, h, random);
                        case 2 -> InterleavedEncoderTest.fewColours(w, h, random, 2 + random.nextInt(4));
                        default -> InterleavedEncoderTest.stripes(w, h, random);
                    });
                    dims.add(new int[] {w, h});
                }
                for (int s = 0; s < sources.size(); s++) {
                    int w = dims.get(s)[0];
                    int h = dims.get(s)[1];
                    int pw = InterleavedEncoder.paddedWidth(w);
                    ByteBuf out = Unpooled.buffer();
                    encoder.encode(sources.get(s), 0, w, w, h, bpp, out);
                    byte[] stream = new byte[out.readableBytes()];
                    out.getBytes(0, stream);
                    writeCase(c, pw, h, bpp, stream);
                    // Oriel's decoder (held to the source pixels by the round-trip tests), widened as FreeRDP does.
                    expected.add(asFreeRdpShowsIt(InterleavedDecoder.decodeNative(out, pw, h, bpp), pw, h, bpp));
                    sizes.add(new int[] {pw, h, bpp});
                }
            }
        }
        Path outputs = dir.resolve("outputs.bin");
        String text = run(dir, DECODE, cases.toString(), outputs.toString());
        assertThat(text).contains("decoded " + expected.size() + " cases");
        compare(Files.readAllBytes(outputs), expected, sizes);
    }

    @Test
    void freeRdpAndOrielDecodeRandomOrderStreamsAlike(@TempDir Path dir) throws Exception {
        // Streams this encoder would never write: every order kind in every length form, background runs straight
        // after background runs (the inserted foreground pixel), orders across the end of the first line.
        Random random = new Random(31);
        List<int[]> expected = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        Path cases = dir.resolve("cases.bin");
        try (DataOutputStream c = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cases)))) {
            for (int k = 0; k < 1500; k++) {
                int w = 1 + random.nextInt(24);
                int h = 1 + random.nextInt(12);
                int bpp = new int[] {15, 16, 24}[random.nextInt(3)];
                byte[] stream = randomOrders(random, w * h, bpp);
                writeCase(c, w, h, bpp, stream);
                expected.add(asFreeRdpShowsIt(InterleavedDecoder.decodeNative(Unpooled.wrappedBuffer(stream), w, h,
                        bpp), w, h, bpp));
                sizes.add(new int[] {w, h, bpp});
            }
        }
        Path outputs = dir.resolve("outputs.bin");
        String text = run(dir, DECODE, cases.toString(), outputs.toString());
        assertThat(text).contains("decoded " + expected.size() + " cases");
        compare(Files.readAllBytes(outputs), expected, sizes);
    }

    /** A valid stream of random orders covering exactly {@code n} pixels. */
    private static byte[] randomOrders(Random random, int n, int bpp) {
        ByteBuf s = Unpooled.buffer();
        int bytesPerPixel = bpp == 24 ? 3 : 2;
        int pos = 0;
        while (pos < n) {
            int left = n - pos;
            int kind = random.nextInt(10);
            int run = 1 + random.nextInt(Math.min(left, random.nextBoolean() ? 8 : 300));
            switch (kind) {
                case 0, 1 -> header(s, random, 0x0, 0xF0, 32, 5, run); // background run (often twice in a row)
                case 2 -> header(s, random, 0x1, 0xF1, 32, 5, run); // foreground run
                case 3 -> { // set-foreground run
                    header(s, random, 0xC, 0xF6, 16, 4, run);
                    pixel(s, random, bytesPerPixel);
                }
                case 4 -> { // colour run
                    header(s, random, 0x3, 0xF3, 32, 5, run);
                    pixel(s, random, bytesPerPixel);
                }
                case 5 -> { // colour image
                    header(s, random, 0x4, 0xF4, 32, 5, run);
                    for (int i = 0; i < run; i++) {
                        pixel(s, random, bytesPerPixel);
                    }
                }
                case 6 -> { // dithered run: run counts pairs
                    if (left < 2) {
                        continue;
                    }
                    run = 1 + random.nextInt(Math.min(left / 2, 200));
                    header(s, random, 0xE, 0xF8, 16, 4, run);
                    pixel(s, random, bytesPerPixel);
                    pixel(s, random, bytesPerPixel);
                    pos += run; // the second half of the pairs; the first is added below
                }
                case 7 -> { // fg/bg image, plain or setting the foreground
                    boolean set = random.nextBoolean();
                    if (run % 8 == 0 && run / 8 <= (set ? 15 : 31) && random.nextBoolean()) {
                        s.writeByte(set ? 0xD0 | run / 8 : 0x40 | run / 8);
                    } else if (run <= 256 && random.nextBoolean()) {
                        s.writeByte(set ? 0xD0 : 0x40).writeByte(run - 1);
                    } else {
                        s.writeByte(set ? 0xF7 : 0xF2).writeShortLE(run);
                    }
                    if (set) {
                        pixel(s, random, bytesPerPixel);
                    }
                    for (int i = 0; i < (run + 7) / 8; i++) {
                        s.writeByte(random.nextInt(256));
                    }
                }
                case 8 -> { // special fg/bg: always 8 pixels
                    if (left < 8) {
                        continue;
                    }
                    s.writeByte(random.nextBoolean() ? 0xF9 : 0xFA);
                    run = 8;
                }
                default -> {
                    s.writeByte(random.nextBoolean() ? 0xFD : 0xFE);
                    run = 1;
                }
            }
            pos += run;
        }
        byte[] bytes = new byte[s.readableBytes()];
        s.readBytes(bytes);
        return bytes;
    }

    /** A regular (or lite) header with the length inline or in a byte, or the MEGA_MEGA form, chosen at random. */
    private static void header(ByteBuf s, Random random, int code, int mega, int extra, int bits, int run) {
        int max = (1 << bits) - 1;
        int form = random.nextInt(3);
        if (form == 0 && run <= max) {
            s.writeByte(code << bits | run);
        } else if (form <= 1 && run >= extra && run < extra + 256) {
            s.writeByte(code << bits).writeByte(run - extra);
        } else {
            s.writeByte(mega).writeShortLE(run);
        }
    }

    private static void pixel(ByteBuf s, Random random, int bytesPerPixel) {
        int v = random.nextInt(8) == 0 ? (random.nextBoolean() ? 0 : 0xFFFFFF) : random.nextInt(1 << 24);
        s.writeMediumLE(v);
        if (bytesPerPixel == 2) {
            s.writerIndex(s.writerIndex() - 1);
        }
    }

    private static void compare(byte[] freeRdp, List<int[]> expected, List<int[]> sizes) {
        ByteBuffer got = ByteBuffer.wrap(freeRdp).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < expected.size(); k++) {
            int[] want = expected.get(k);
            int[] size = sizes.get(k);
            for (int i = 0; i < want.length; i++) {
                int pixel = got.getInt() & 0xFFFFFF;
                if (pixel != (want[i] & 0xFFFFFF)) {
                    throw new AssertionError(String.format("case %d (%dx%d at %d bpp) pixel %d,%d: FreeRDP %06x, Oriel %06x",
                            k, size[0], size[1], size[2], i % size[0], i / size[0], pixel, want[i] & 0xFFFFFF));
                }
            }
        }
        assertThat(got.remaining()).isZero();
    }

    /** Wire pixels in stream order to what FreeRDP outputs: rows top-down, channels widened its way. */
    private static int[] asFreeRdpShowsIt(int[] wire, int w, int h, int bpp) {
        int[] out = new int[wire.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[(h - 1 - y) * w + x] = InterleavedDecoderTest.freeRdpWidened(wire[y * w + x], bpp);
            }
        }
        return out;
    }

    private static void writeCase(DataOutputStream c, int w, int h, int bpp, byte[] stream) throws IOException {
        c.writeInt(w);
        c.writeInt(h);
        c.writeInt(bpp);
        c.writeInt(stream.length);
        c.write(stream);
    }

    private static String run(Path dir, String script, String... args) throws Exception {
        return FreeRdpScript.run("FreeRDP interleaved interop test", FreeRdpScript.FREERDP2, dir, script, args);
    }
}
