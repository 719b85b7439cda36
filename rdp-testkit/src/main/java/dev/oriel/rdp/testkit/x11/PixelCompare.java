package dev.oriel.rdp.testkit.x11;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Compares what is on screen with what a test expected, and saves images as test artifacts.
 *
 * <p>Frames are {@code int[]} ARGB arrays, row-major, like {@link BufferedImage#getRGB(int, int, int, int, int[],
 * int, int)}; the alpha byte is ignored because the X screen has none.
 */
public final class PixelCompare {
    /** How many differing pixels a {@link Result} lists. */
    public static final int MAX_REPORTED_DIFFERENCES = 10;

    private PixelCompare() {
    }

    /**
     * One pixel that differs.
     *
     * @param x column in image coordinates
     * @param y row in image coordinates
     * @param expectedRgb expected colour, {@code 0xRRGGBB}
     * @param actualRgb actual colour, {@code 0xRRGGBB}
     */
    public record Difference(int x, int y, int expectedRgb, int actualRgb) {
        @Override
        public String toString() {
            return String.format("(%d,%d) expected #%06x, was #%06x", x, y, expectedRgb, actualRgb);
        }
    }

    /**
     * The outcome of a comparison.
     *
     * @param region the compared area in image coordinates
     * @param tolerance the per-channel tolerance used
     * @param differingPixels pixels with some channel off by more than {@code tolerance}
     * @param maxChannelDelta the largest per-channel difference seen anywhere (useful to choose a tolerance)
     * @param firstDifferences up to {@link #MAX_REPORTED_DIFFERENCES} differing pixels in row-major order
     */
    public record Result(Rectangle region, int tolerance, int differingPixels, int maxChannelDelta,
                         List<Difference> firstDifferences) {
        public Result {
            region = new Rectangle(region);
            firstDifferences = List.copyOf(firstDifferences);
        }

        @Override
        public Rectangle region() {
            return new Rectangle(region);
        }

        /** Number of compared pixels. */
        public int comparedPixels() {
            return region.width * region.height;
        }

        /** Whether every pixel is within the tolerance. */
        public boolean matches() {
            return differingPixels == 0;
        }

        /** A one-paragraph summary for assertion messages. */
        public String describe() {
            String where = region.width + "x" + region.height + "+" + region.x + "+" + region.y;
            if (matches()) {
                return "all " + comparedPixels() + " pixels of " + where + " match (tolerance " + tolerance
                        + ", max channel delta " + maxChannelDelta + ")";
            }
            return differingPixels + " of " + comparedPixels() + " pixels of " + where + " differ (tolerance "
                    + tolerance + ", max channel delta " + maxChannelDelta + "); first: "
                    + firstDifferences.stream().map(Difference::toString).collect(Collectors.joining("; "));
        }
    }

    /** Exact comparison of {@code region} of {@code image} with {@code expectedArgb}; see the tolerant overload. */
    public static Result compare(BufferedImage image, Rectangle region, int[] expectedArgb) {
        return compare(image, region, expectedArgb, 0);
    }

    /**
     * Compares {@code region} of {@code image} with {@code expectedArgb} ({@code region.width * region.height}
     * pixels, row-major); a pixel differs when any of its red, green or blue channels is off by more than
     * {@code tolerance} (0 for exact).
     *
     * @throws IllegalArgumentException when the region is not inside the image or the frame has the wrong length
     */
    public static Result compare(BufferedImage image, Rectangle region, int[] expectedArgb, int tolerance) {
        if (tolerance < 0 || tolerance > 255) {
            throw new IllegalArgumentException("Tolerance must be 0..255: " + tolerance);
        }
        if (region.isEmpty() || !new Rectangle(0, 0, image.getWidth(), image.getHeight()).contains(region)) {
            throw new IllegalArgumentException("Region " + region + " is not inside the " + image.getWidth() + "x"
                    + image.getHeight() + " image");
        }
        if (expectedArgb.length != region.width * region.height) {
            throw new IllegalArgumentException("Expected frame has " + expectedArgb.length + " pixels, region has "
                    + region.width * region.height);
        }
        int[] actual = argb(image, region);
        int differing = 0;
        int maxDelta = 0;
        List<Difference> first = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            int expected = expectedArgb[i] & 0xffffff;
            int got = actual[i] & 0xffffff;
            int delta = maxChannelDelta(expected, got);
            maxDelta = Math.max(maxDelta, delta);
            if (delta > tolerance) {
                differing++;
                if (first.size() < MAX_REPORTED_DIFFERENCES) {
                    first.add(new Difference(region.x + i % region.width, region.y + i / region.width, expected, got));
                }
            }
        }
        return new Result(region, tolerance, differing, maxDelta, first);
    }

    /** The pixels of {@code region} of {@code image} as ARGB, row-major. */
    public static int[] argb(BufferedImage image, Rectangle region) {
        return image.getRGB(region.x, region.y, region.width, region.height, null, 0, region.width);
    }

    /** A frame of {@code width * height} pixels of one colour, for comparisons against a solid fill. */
    public static int[] solid(int width, int height, int argb) {
        int[] frame = new int[width * height];
        java.util.Arrays.fill(frame, argb);
        return frame;
    }

    /** Writes {@code image} as a PNG to {@code file}, creating parent directories; returns {@code file}. */
    public static Path writePng(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("No PNG writer available");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Writes {@code image} as {@code <artifact directory>/<name>.png} (name made file-name safe). */
    public static Path writeArtifact(BufferedImage image, String name) {
        return writePng(image, InteropSupport.artifactDirectory().resolve(InteropSupport.safeFileName(name) + ".png"));
    }

    private static int maxChannelDelta(int a, int b) {
        int dr = Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff));
        int dg = Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff));
        int db = Math.abs((a & 0xff) - (b & 0xff));
        return Math.max(dr, Math.max(dg, db));
    }
}
