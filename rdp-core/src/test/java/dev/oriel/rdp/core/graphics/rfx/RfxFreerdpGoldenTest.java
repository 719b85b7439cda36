package dev.oriel.rdp.core.graphics.rfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.graphics.Psnr;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Oriel-encoded messages as FreeRDP 2.11.7 (xfreerdp's library) decoded them (fixtures/rfx/README.md). */
class RfxFreerdpGoldenTest {

    private static int[] rgb(int[] px) {
        int[] out = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = px[i] & 0xFF_FFFF;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"oriel-tile-ui-rlgr3, 64, 64, tile-ui-64x64.bgra.gz, 40.9",
            "oriel-tile-photo-rlgr1, 64, 64, tile-photo-64x64.bgra.gz, 32.2",
            "oriel-desktop-crop-300x190-rlgr3, 300, 190, desktop-ui-crop-1180-100-300x190.bgra.gz, 43.2"})
    void decodesExactlyAsFreerdp(String name, int w, int h, String source, double minPsnr) throws IOException {
        byte[] message = Fixtures.bytes("rfx/" + name + ".rfx");
        int[] freerdp;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(
                Fixtures.bytes("rfx/" + name + ".freerdp-2.11.7.bgra.gz")))) {
            freerdp = RfxVectors.ints(in.readAllBytes());
        }
        int[] ours = new int[w * h];
        assertThat(new RfxDecoder().decode(Unpooled.wrappedBuffer(message), ours, 0, w, w, h)).hasSize(1);
        assertThat(rgb(ours)).isEqualTo(rgb(freerdp));
        // FreeRDP's portable rounding stays within one level of its SSE2 rounding.
        int[] generic = new int[w * h];
        new RfxDecoder(RfxColor.Reconstruction.FREERDP_GENERIC).decode(Unpooled.wrappedBuffer(message), generic, 0, w,
                w, h);
        assertThat(RfxVectors.maxChannelDiff(generic, freerdp)).isLessThanOrEqualTo(1);
        // And what the client shows is close to the source.
        assertThat(Psnr.of(RfxVectors.bench(source), freerdp)).isGreaterThanOrEqualTo(minPsnr);
    }
}
