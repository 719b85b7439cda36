package dev.oriel.rdp.core.graphics.zgfx;

import dev.oriel.rdp.core.graphics.PlanarEncoder;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The team's reference frames (fixtures/bench, provenance in fixtures/README.md) as graphics-channel payloads. */
final class ZgfxBenchFrames {
    static final String TILE_UI = "tile-ui-64x64.bgra.gz";
    static final String DESKTOP_UI = "desktop-ui-1920x1080.bgra.gz";

    private ZgfxBenchFrames() {
    }

    /** The raw BGRA bytes of a frame, checked against the SHA-256 in the bench README. */
    static byte[] bgra(String name, String sha256) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Fixtures.bytes("bench/" + name)))) {
            byte[] raw = in.readAllBytes();
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
            if (!actual.equals(sha256)) {
                throw new IllegalStateException(name + " has SHA-256 " + actual);
            }
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] tileUi() {
        return bgra(TILE_UI, "6763dea2e8cdfea47677f823510266dad172841bf62bfd171968e34c485e1012");
    }

    static byte[] desktopUi() {
        return bgra(DESKTOP_UI, "dd0f074f9875bb31db8e9135f3a59c04dd08219351e27f539f4dccbb1fe0728c");
    }

    static int[] argb(byte[] bgra) {
        int[] argb = new int[bgra.length / 4];
        ByteBuffer.wrap(bgra).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(argb);
        return argb;
    }

    /**
     * Planar streams (RDP6_BITMAP_STREAM, no alpha) of the 64 × 64 tiles of a frame, one message per row of tiles,
     * as a server would send a full-screen update tile by tile.
     */
    static List<byte[]> planarTileRows(byte[] bgra, int width, int height) {
        int[] argb = argb(bgra);
        PlanarEncoder encoder = new PlanarEncoder(64 * 64);
        List<byte[]> rows = new ArrayList<>();
        ByteBuf buf = Unpooled.buffer();
        try {
            for (int y = 0; y < height; y += 64) {
                buf.clear();
                for (int x = 0; x < width; x += 64) {
                    int w = Math.min(64, width - x);
                    int h = Math.min(64, height - y);
                    encoder.encode(argb, y * width + x, width, w, h, false, false, buf);
                }
                rows.add(ByteBufUtil.getBytes(buf));
            }
        } finally {
            buf.release();
        }
        return rows;
    }
}
