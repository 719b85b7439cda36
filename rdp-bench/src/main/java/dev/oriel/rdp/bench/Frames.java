package dev.oriel.rdp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The reference frames of {@code rdp-bench/frames} (copied from the team's bench folder, see FRAMES.md there): raw
 * 32-bit BGRA, gzip-compressed, no header. The same bytes FreeRDP's figures were measured on.
 */
public final class Frames {
    /** One reference frame: {@code argb} as 0xAARRGGBB ints (what Oriel's encoders take), {@code bgra} as read. */
    public record Frame(String name, int width, int height, int[] argb, byte[] bgra) {
        public long pixelBytes() {
            return 4L * width * height;
        }
    }

    public static final List<String> NAMES = List.of("desktop-ui-1920x1080", "photo-noise-1920x1080",
            "tile-ui-64x64", "tile-photo-64x64");

    private Frames() {
    }

    /** {@code -Doriel.bench.frames}, else {@code frames} or {@code rdp-bench/frames} from the working directory. */
    public static Path defaultDirectory() {
        String p = System.getProperty("oriel.bench.frames");
        if (p != null) {
            return Path.of(p);
        }
        Path here = Path.of("frames");
        return Files.isDirectory(here) ? here : Path.of("rdp-bench", "frames");
    }

    public static Frame load(Path dir, String name) throws IOException {
        String size = name.substring(name.lastIndexOf('-') + 1);
        int w = Integer.parseInt(size.substring(0, size.indexOf('x')));
        int h = Integer.parseInt(size.substring(size.indexOf('x') + 1));
        byte[] bgra;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name + ".bgra.gz")), 1 << 16)) {
            bgra = in.readAllBytes();
        }
        if (bgra.length != 4 * w * h) {
            throw new IOException(name + ": " + bgra.length + " bytes, expected " + 4 * w * h);
        }
        int[] argb = new int[w * h];
        // B, G, R, A in memory is 0xAARRGGBB read little-endian.
        ByteBuffer.wrap(bgra).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(argb);
        return new Frame(name, w, h, argb, bgra);
    }
}
