package dev.oriel.rdp.core.graphics.rfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.Rect;
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
        double psnr = RfxVectors.psnr(px, roundTrip(px, 64, 64, new RfxMessageEncoder(), size));
        System.out.printf("tile-ui: PSNR %.2f dB, message %d bytes, tile streams %d bytes%n", psnr, size[0],
                tileBytes(px, RfxQuant.DEFAULT));
        assertThat(psnr).isGreaterThanOrEqualTo(40.0);
    }

    @Test
    void photoTile() {
        int[] px = RfxVectors.bench("tile-photo-64x64.bgra.gz");
        int[] size = new int[1];
        double psnr = RfxVectors.psnr(px, roundTrip(px, 64, 64, new RfxMessageEncoder(), size));
        System.out.printf("tile-photo: PSNR %.2f dB, message %d bytes, tile streams %d bytes%n", psnr, size[0],
                tileBytes(px, RfxQuant.DEFAULT));
        assertThat(psnr).isGreaterThanOrEqualTo(30.0);
    }
}
