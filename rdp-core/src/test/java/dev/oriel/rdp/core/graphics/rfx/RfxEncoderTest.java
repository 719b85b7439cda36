package dev.oriel.rdp.core.graphics.rfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.Psnr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoder round trips on the reference frames (fixtures/bench) and the spec's sample tile. */
class RfxEncoderTest {

    /** Encodes a whole image as one frame with headers, decodes it, returns the decoded pixels. */
    static int[] roundTrip(int[] px, int w, int h, RfxMessageEncoder enc, int[] bytesOut) {
        ByteBuf buf = Unpooled.buffer();
        try {
            int n = enc.encode(px, 0, w, w, h, List.of(new Rect(0, 0, w, h)), true, 7, buf);
            assertThat(n).isEqualTo(buf.readableBytes());
            if (bytesOut != null) {
                bytesOut[0] = n;
            }
            int[] out = new int[w * h];
            List<RfxDecoder.Frame> frames = new RfxDecoder().decode(buf, out, 0, w, w, h);
            assertThat(frames).hasSize(1);
            assertThat(frames.get(0).frameIdx()).isEqualTo(7);
            return out;
        } finally {
            buf.release();
        }
    }

    /** Bytes of the three component streams of one tile (what FreeRDP's baseline counts as RFX output). */
    static int tileBytes(int[] px, RfxQuant q) {
        RfxTileEncoder t = new RfxTileEncoder();
        t.encode(px, 0, 64, 64, 64, q, q, q, RlgrMode.RLGR3);
        return t.length(0) + t.length(1) + t.length(2);
    }

    @Test
    void uiTile() {
        int[] px = RfxVectors.bench("tile-ui-64x64.bgra.gz");
        int[] size = new int[1];
        double psnr = Psnr.of(px, roundTrip(px, 64, 64, new RfxMessageEncoder(), size));
        System.out.printf("tile-ui: PSNR %.2f dB, message %d bytes, tile streams %d bytes%n", psnr, size[0],
                tileBytes(px, RfxQuant.DEFAULT));
        assertThat(psnr).isGreaterThanOrEqualTo(40.0);
        // FreeRDP 2.11.7: 1 890 bytes without headers at 40.76 dB; here 1 906 at 41.01 dB (41.07 portable rounding).
        assertThat(size[0] - 47).as("message without headers").isLessThanOrEqualTo(1920);
    }

    @Test
    void photoTile() {
        int[] px = RfxVectors.bench("tile-photo-64x64.bgra.gz");
        int[] size = new int[1];
        double psnr = Psnr.of(px, roundTrip(px, 64, 64, new RfxMessageEncoder(), size));
        System.out.printf("tile-photo: PSNR %.2f dB, message %d bytes, tile streams %d bytes%n", psnr, size[0],
                tileBytes(px, RfxQuant.DEFAULT));
        assertThat(psnr).isGreaterThanOrEqualTo(30.0);
        // FreeRDP 2.11.7: 3 171 bytes without headers at 32.26 dB; here 3 168 at 32.32 dB.
        assertThat(size[0] - 47).as("message without headers").isLessThanOrEqualTo(3171);
    }

    /** The general pipeline, step by step, for comparison with the tile encoder's shortcuts. */
    static byte[] reference(int[] px, int offset, int stride, int w, int h, RfxQuant q, RlgrMode mode, int component) {
        short[][] planes = new short[3][4096];
        RfxColor.toYCbCr(px, offset, stride, w, h, planes[0], planes[1], planes[2]);
        short[] plane = planes[component];
        Dwt.forward(plane, new short[4096]);
        Quantization.quantize(plane, q);
        Quantization.differentialEncode(plane);
        byte[] out = new byte[65535];
        int n = Rlgr.encode(mode, plane, out, 0, out.length);
        return java.util.Arrays.copyOf(out, n);
    }

    @Test
    void flatTilesTakeAShortcutWithIdenticalBytes() {
        RfxTileEncoder enc = new RfxTileEncoder();
        RfxQuant coarse = new RfxQuant(9, 10, 10, 11, 12, 12, 13, 14, 14, 15);
        int[] colours = {0xFF000000, 0xFFFFFFFF, 0xFF2D5F8A, 0x00123456, 0xFF808080, 0xFFFF0000, 0xFF00FF00, 0xFF0000FF};
        int[][] sizes = {{64, 64}, {1, 1}, {17, 64}, {64, 3}};
        for (int colour : colours) {
            for (int[] size : sizes) {
                int[] px = new int[64 * 64];
                java.util.Arrays.fill(px, colour);
                for (RfxQuant q : new RfxQuant[] {RfxQuant.DEFAULT, coarse}) {
                    for (RlgrMode mode : RlgrMode.values()) {
                        enc.encode(px, 0, 64, size[0], size[1], q, q, q, mode);
                        for (int c = 0; c < 3; c++) {
                            byte[] got = java.util.Arrays.copyOf(enc.data(c), enc.length(c));
                            assertThat(got).as("colour %08x size %dx%d component %d", colour, size[0], size[1], c)
                                    .isEqualTo(reference(px, 0, 64, size[0], size[1], q, mode, c));
                        }
                    }
                }
            }
        }
    }

    @Test
    void busyTilesFollowTheGeneralPipeline() {
        int[] px = RfxVectors.bench("tile-photo-64x64.bgra.gz");
        RfxTileEncoder enc = new RfxTileEncoder();
        enc.encode(px, 0, 64, 64, 64, RfxQuant.DEFAULT, RfxQuant.DEFAULT, RfxQuant.DEFAULT, RlgrMode.RLGR3);
        for (int c = 0; c < 3; c++) {
            assertThat(java.util.Arrays.copyOf(enc.data(c), enc.length(c)))
                    .isEqualTo(reference(px, 0, 64, 64, 64, RfxQuant.DEFAULT, RlgrMode.RLGR3, c));
        }
    }
}
