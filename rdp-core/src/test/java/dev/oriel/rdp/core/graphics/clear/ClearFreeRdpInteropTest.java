package dev.oriel.rdp.core.graphics.clear;

import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.decode;
import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.encode;
import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.frame;
import static dev.oriel.rdp.core.graphics.clear.ClearTestSupport.opaque;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.FreeRdpScript;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's real decoder: FreeRDP's {@code clear_decompress} (libfreerdp2 2.11, as xfreerdp uses it), called
 * through Python's ctypes with <b>one</b> context for the whole sequence, decodes what {@link ClearEncoder} writes to
 * exactly the source pixels: the UI frame as 64 × 64 tiles three times (again, then scrolled: V-Bar and Short V-Bar
 * Storage hits, sequence numbers wrapping), small regions that become glyph hits, whole regions up to the full frame,
 * text-like strips that wrap V-Bar Storage. The spec's example 2 decodes in a fresh context as {@link ClearDecoder}
 * decodes it. Skips with a message naming the missing packages unless {@code -Doriel.interop.required=true}.
 */
class ClearFreeRdpInteropTest {
    /** Each case decodes into BGRA32 (B, G, R, A: a little-endian 0xAARRGGBB) pre-filled with 0xFF and compares. */
    private static final String CHECK = """
            import ctypes, struct, sys
            lib = ctypes.CDLL(sys.argv[1])
            lib.clear_context_new.restype = ctypes.c_void_p
            lib.clear_context_new.argtypes = [ctypes.c_int]
            lib.clear_context_free.argtypes = [ctypes.c_void_p]
            lib.clear_decompress.restype = ctypes.c_int32
            lib.clear_decompress.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint32,
                ctypes.c_uint32, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32,
                ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p]
            BGRA32 = (32 << 24) | (4 << 16) | (8 << 12) | (8 << 8) | (8 << 4) | 8
            data = open(sys.argv[2], 'rb').read()
            ctx = lib.clear_context_new(0)
            i = count = 0
            while i < len(data):
                w, h, fresh, n = struct.unpack('>IIII', data[i:i + 16])
                stream = data[i + 16:i + 16 + n]
                expected = data[i + 16 + n:i + 16 + n + 4 * w * h]
                i += 16 + n + 4 * w * h
                c = lib.clear_context_new(0) if fresh else ctx
                dst = ctypes.create_string_buffer(b'\\xff' * (4 * w * h), 4 * w * h)
                rc = lib.clear_decompress(c, stream, n, w, h, dst, BGRA32, 4 * w, 0, 0, w, h, None)
                if fresh:
                    lib.clear_context_free(c)
                got = dst.raw
                if rc != 0 or got != expected:
                    bad = [k // 4 for k in range(len(got)) if got[k] != expected[k]]
                    print('case %d (%dx%d flags 0x%02x seq %d, %d bytes): rc %d, %d pixels differ, first %s' % (count,
                        w, h, stream[0], stream[1], n, rc, len(set(bad)), bad[:1]))
                    sys.exit(1)
                count += 1
            lib.clear_context_free(ctx)
            print('decoded %d streams alike' % count)
            """;

    private int count;

    @Test
    void freeRdpDecodesASequenceOfStreamsToTheSourcePixels(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.bin");
        ClearEncoder encoder = new ClearEncoder();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cases)))) {
            int w = 1920;
            int h = 1080;
            int[] desktop = frame("desktop-ui-1920x1080", w, h);
            int[] scrolled = new int[w * h];
            System.arraycopy(desktop, 7 * w, scrolled, 0, (h - 7) * w);
            for (int[] pass : new int[][] {desktop, desktop, scrolled}) {
                for (int ty = 0; ty < h; ty += 64) {
                    for (int tx = 0; tx < w; tx += 64) {
                        write(out, encoder, pass, ty * w + tx, w, Math.min(64, w - tx), Math.min(64, h - ty));
                    }
                }
            }
            int[] crop = frame("desktop-ui-crop-1180-100-300x190", 300, 190);
            for (int pass = 0; pass < 2; pass++) {
                for (int y = 0; y + 12 <= 190; y += 12) {
                    for (int x = 0; x + 16 <= 300; x += 16) {
                        write(out, encoder, crop, y * 300 + x, 300, 16, 12);
                    }
                }
            }
            write(out, encoder, crop, 0, 300, 300, 190);
            write(out, encoder, frame("tile-photo-64x64", 64, 64), 0, 64, 64, 64);
            write(out, encoder, desktop, 0, w, w, h);
            SplittableRandom rnd = new SplittableRandom(11);
            int[] text = new int[1000 * 52];
            for (int m = 0; m < 40; m++) {
                for (int i = 0; i < text.length; i++) {
                    text[i] = rnd.nextInt(9) == 0 ? 0x202020 : 0xF0F0F0;
                }
                write(out, encoder, text, 0, 1000, 1000, 52);
            }
            // The spec's example 2 (seqNumber 0x0D) in a context of its own, against Oriel's decoder.
            byte[] example2 = Fixtures.freerdp(
                    "libfreerdp__codec__test__TestFreeRDPCodecClear.c__TEST_CLEAR_EXAMPLE_2");
            writeCase(out, 78, 17, true, example2, decode(new ClearDecoder(0x0D), example2, 78, 17));
        }
        assertThat(encoder.stats().vBarHits()).isPositive();
        assertThat(encoder.stats().shortVBarHits()).isPositive();
        assertThat(encoder.stats().glyphHits()).isPositive();
        String text = FreeRdpScript.run("FreeRDP ClearCodec interop test", FreeRdpScript.FREERDP2, dir, CHECK,
                cases.toString());
        assertThat(text).contains("decoded " + count + " streams alike");
    }

    private void write(DataOutputStream out, ClearEncoder encoder, int[] px, int offset, int stride, int w, int h)
            throws IOException {
        byte[] stream = encode(encoder, px, offset, stride, w, h);
        int[] region = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(px, offset + y * stride, region, y * w, w);
        }
        writeCase(out, w, h, false, stream, opaque(region));
    }

    private void writeCase(DataOutputStream out, int w, int h, boolean fresh, byte[] stream, int[] expected)
            throws IOException {
        out.writeInt(w);
        out.writeInt(h);
        out.writeInt(fresh ? 1 : 0);
        out.writeInt(stream.length);
        out.write(stream);
        for (int p : expected) {
            out.writeInt(Integer.reverseBytes(p)); // little-endian 0xAARRGGBB: B, G, R, A
        }
        count++;
    }
}
