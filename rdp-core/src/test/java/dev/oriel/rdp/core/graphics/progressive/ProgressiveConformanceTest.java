package dev.oriel.rdp.core.graphics.progressive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.pdu.gfx.GfxPdu;
import dev.oriel.rdp.core.pdu.gfx.WireToSurface2;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.FreeRdpScript;
import io.netty.buffer.Unpooled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RemoteFX Progressive stream that a Windows server sent (IronRDP's {@code WIRE_TO_SURFACE_2_BUFFER}, provenance in
 * MANIFEST.tsv): Oriel's decoder reads it, and FreeRDP's decoder (libfreerdp2 2.11) draws the same pixels from it.
 */
class ProgressiveConformanceTest {
    /** The surface the stream's tiles fit in: tiles (9, 5) and (10, 5). */
    static final int W = 704;
    static final int H = 384;

    /** Decodes argv[2] on a W x H surface, writes BGRA32 to argv[3]. */
    private static final String DECODE = ProgressiveFreeRdpInteropTest.PRELUDE + """
            W, H = %d, %d
            stream = open(sys.argv[2], 'rb').read()
            ctx = lib.progressive_context_new(0)
            assert lib.progressive_create_surface_context(ctx, 0, W, H) >= 0
            dst = ctypes.create_string_buffer(4 * W * H)
            rc = lib.progressive_decompress_ex(ctx, stream, len(stream), dst, BGRA32, 4 * W, 0, 0, None, 0, 0)
            assert rc >= 0, 'rc %%d' %% rc
            open(sys.argv[3], 'wb').write(dst.raw)
            lib.progressive_context_free(ctx)
            print('decoded')
            """.formatted(W, H);

    static byte[] windowsStream() {
        byte[] body = Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__graphics_messages.rs__WIRE_TO_SURFACE_2_BUFFER");
        byte[] pdu = new byte[8 + body.length];
        pdu[0] = GfxPdu.WIRETOSURFACE_2;
        pdu[4] = (byte) pdu.length;
        pdu[5] = (byte) (pdu.length >> 8);
        System.arraycopy(body, 0, pdu, 8, body.length);
        WireToSurface2 w = (WireToSurface2) GfxPdu.decode(Unpooled.wrappedBuffer(pdu));
        assertThat(w.codecId()).isEqualTo(WireToSurface2.CODEC_CAPROGRESSIVE);
        return w.bitmapData().toArray();
    }

    @Test
    void orielAndFreeRdpDrawAWindowsServersStreamAlike(@TempDir Path dir) throws Exception {
        byte[] stream = windowsStream();
        int[] ours = new int[W * H];
        ProgressiveDecoder.Frame frame = new ProgressiveDecoder(W, H).decode(Unpooled.wrappedBuffer(stream), ours, W);
        assertThat(frame.rects()).containsExactly(new Rect(611, 337, 69, 41));
        assertThat(frame.tiles()).extracting(ProgressiveDecoder.Tile::xIdx).containsExactly(9, 10);

        Path in = dir.resolve("stream.bin");
        Path out = dir.resolve("pixels.bgra");
        Files.write(in, stream);
        FreeRdpScript.run("FreeRDP progressive conformance test", FreeRdpScript.FREERDP2, dir, DECODE, in.toString(),
                out.toString());
        byte[] theirs = Files.readAllBytes(out);
        int differ = 0;
        int drawn = 0;
        for (int y = 337; y < 378; y++) {
            for (int x = 611; x < 680; x++) {
                int i = y * W + x;
                int t = (theirs[4 * i + 2] & 0xFF) << 16 | (theirs[4 * i + 1] & 0xFF) << 8 | theirs[4 * i] & 0xFF;
                if (t != (ours[i] & 0xFF_FFFF)) {
                    differ++;
                }
                if (t != 0) {
                    drawn++;
                }
            }
        }
        assertThat(drawn).as("pixels FreeRDP drew in the region").isGreaterThan(69 * 41 / 2);
        assertThat(differ).as("pixels where Oriel and FreeRDP differ").isZero();
    }
}
