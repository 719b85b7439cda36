package dev.oriel.rdp.core.graphics.rfx;

import dev.oriel.rdp.core.graphics.Psnr;
import dev.oriel.rdp.core.testutil.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPInputStream;

/** Fixture loading shared by the RemoteFX tests. */
final class RfxVectors {
    private RfxVectors() {
    }

    static byte[] ironrdp(String file, String symbol) {
        return Fixtures.ironrdp("crates__ironrdp-testsuite-core__tests__" + file + "__" + symbol);
    }

    static byte[] freerdp(String symbol) {
        return Fixtures.freerdp("libfreerdp__codec__test__TestFreeRDPCodecRemoteFX.c__" + symbol);
    }

    /** Little-endian i16 array. */
    static short[] shorts(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    /** Little-endian u32 array (e.g. BGRA bytes as 0xAARRGGBB). */
    static int[] ints(byte[] bytes) {
        int[] out = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    /** A {@code fixtures/bench/*.bgra.gz} frame as 0xAARRGGBB pixels. */
    static int[] bench(String name) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Fixtures.bytes("bench/" + name)))) {
            return ints(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest per-channel difference over R, G and B. */
    static int maxChannelDiff(int[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s <= 16; s += 8) {
                max = Math.max(max, Math.abs((a[i] >> s & 0xFF) - (b[i] >> s & 0xFF)));
            }
        }
        return max;
    }
}
