package dev.oriel.rdp.core.graphics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.testutil.FreeRdpScript;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's real decoder: FreeRDP's {@code planar_decompress} (libfreerdp2 2.x, as xfreerdp uses it), called
 * through Python's ctypes, decodes what {@link PlanarEncoder} writes (lossless and lossy, with and without alpha,
 * top-down and bottom-up, odd sizes) to exactly the pixels {@link PlanarDecoder} decodes. Skips with a message naming
 * the missing packages unless {@code -Doriel.interop.required=true}.
 *
 * <p>The alpha codec is not cross-checked: FreeRDP decodes it inside a static function of its GDI graphics pipeline
 * ({@code gdi_SurfaceCommand_Alpha}), which no library entry point exposes without a whole client context.
 */
class PlanarFreeRdpInteropTest {
    /** Decodes each case into BGRA32 (bytes B, G, R, A: a little-endian 0xAARRGGBB) and compares; exit 0 if alike. */
    private static final String CHECK = """
            import ctypes, struct, sys
            lib = ctypes.CDLL(sys.argv[1])
            lib.freerdp_bitmap_planar_context_new.restype = ctypes.c_void_p
            lib.freerdp_bitmap_planar_context_new.argtypes = [ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32]
            lib.freerdp_bitmap_planar_context_free.argtypes = [ctypes.c_void_p]
            lib.planar_decompress.restype = ctypes.c_int
            lib.planar_decompress.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint32,
                ctypes.c_uint32, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32,
                ctypes.c_uint32, ctypes.c_uint32, ctypes.c_int]
            BGRA32 = (32 << 24) | (4 << 16) | (8 << 12) | (8 << 8) | (8 << 4) | 8
            data = open(sys.argv[2], 'rb').read()
            ctx = lib.freerdp_bitmap_planar_context_new(0, 256, 256)
            i = count = 0
            while i < len(data):
                w, h, flip, alpha, n = struct.unpack('>IIIII', data[i:i + 20])
                stream = data[i + 20:i + 20 + n]
                expected = data[i + 20 + n:i + 20 + n + 4 * w * h]
                i += 20 + n + 4 * w * h
                dst = ctypes.create_string_buffer(4 * w * h)
                ok = lib.planar_decompress(ctx, stream, n, w, h, dst, BGRA32, 4 * w, 0, 0, w, h, flip)
                got = dst.raw
                if not alpha:
                    got = bytes(b if k % 4 != 3 else 0 for k, b in enumerate(got))
                    expected = bytes(b if k % 4 != 3 else 0 for k, b in enumerate(expected))
                if not ok or got != expected:
                    bad = [k // 4 for k in range(len(got)) if got[k] != expected[k]]
                    print('case %d (%dx%d header 0x%02x flip %d): ok %d, %d pixels differ, first %s' % (count, w, h,
                        stream[0], flip, ok, len(set(bad)), bad[:1]))
                    sys.exit(1)
                count += 1
            lib.freerdp_bitmap_planar_context_free(ctx)
            print('decoded %d streams alike' % count)
            """;

    @Test
    void freeRdpDecodesLosslessAndLossyStreamsAsOrielDoes(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.bin");
        int count = 0;
        PlanarEncoder encoder = new PlanarEncoder(256 * 256);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cases)))) {
            int[][] sizes = {{64, 64}, {63, 17}, {5, 3}, {1, 1}, {64, 35}};
            String[] kinds = {"random", "gradient", "text", "flat"};
            for (int[] s : sizes) {
                for (String kind : kinds) {
                    int w = s[0];
                    int h = s[1];
                    int[] px = PlanarLossyTest.withAlpha(PlanarCodecTest.image(kind, w, h, w * 7L + h), "shadow", w, h);
                    for (int cll : new int[] {0, 1, 3, 5, 7}) {
                        for (boolean cs : new boolean[] {false, true}) {
                            if (cs && cll == 0) {
                                continue;
                            }
                            for (boolean alpha : new boolean[] {false, true}) {
                                for (boolean bottomUp : new boolean[] {false, true}) {
                                    write(out, encoder, px, w, h, alpha, bottomUp, cll, cs);
                                    count++;
                                }
                            }
                        }
                    }
                }
            }
            for (String tile : new String[] {"tile-ui-64x64", "tile-photo-64x64"}) {
                int[] px = PlanarCodecTest.referenceTile(tile);
                for (int cll : new int[] {0, 3}) {
                    write(out, encoder, px, 64, 64, false, true, cll, cll > 0);
                    count++;
                }
            }
        }
        String text = run(dir, CHECK, cases.toString());
        assertThat(text).contains("decoded " + count + " streams alike");
    }

    private static void write(DataOutputStream out, PlanarEncoder encoder, int[] px, int w, int h, boolean alpha,
            boolean bottomUp, int cll, boolean cs) throws IOException {
        ByteBuf stream = Unpooled.buffer();
        try {
            encoder.encode(px, 0, w, w, h, alpha, bottomUp, cll, cs, stream);
            byte[] bytes = new byte[stream.readableBytes()];
            stream.getBytes(0, bytes);
            int[] decoded = PlanarDecoder.decode(stream, w, h, bottomUp);
            out.writeInt(w);
            out.writeInt(h);
            out.writeInt(bottomUp ? 1 : 0);
            out.writeInt(alpha ? 1 : 0);
            out.writeInt(bytes.length);
            out.write(bytes);
            for (int p : decoded) {
                out.writeInt(Integer.reverseBytes(p)); // little-endian 0xAARRGGBB: B, G, R, A
            }
        } finally {
            stream.release();
        }
    }

    private static String run(Path dir, String script, String... args) throws Exception {
        return FreeRdpScript.run("FreeRDP planar interop test", FreeRdpScript.FREERDP2, dir, script, args);
    }
}
