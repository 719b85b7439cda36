package dev.oriel.rdp.testkit.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelCompareTest {

    @Test
    void exactMatchIgnoresAlpha() {
        BufferedImage image = filled(8, 6, 0x336699);
        int[] expected = PixelCompare.solid(4, 3, 0x00336699); // Alpha 0 on purpose.

        PixelCompare.Result result = PixelCompare.compare(image, new Rectangle(2, 1, 4, 3), expected);

        assertThat(result.matches()).as(result.describe()).isTrue();
        assertThat(result.comparedPixels()).isEqualTo(12);
        assertThat(result.maxChannelDelta()).isZero();
        assertThat(result.describe()).contains("all 12 pixels of 4x3+2+1 match");
    }

    @Test
    void reportsDifferencesInImageCoordinates() {
        BufferedImage image = filled(8, 6, 0x336699);
        image.setRGB(3, 2, 0x336690);
        image.setRGB(5, 3, 0xff0000);

        PixelCompare.Result exact = PixelCompare.compare(image, new Rectangle(2, 1, 4, 3),
                PixelCompare.solid(4, 3, 0xff336699));

        assertThat(exact.matches()).isFalse();
        assertThat(exact.differingPixels()).isEqualTo(2);
        assertThat(exact.maxChannelDelta()).isEqualTo(0xff - 0x33);
        assertThat(exact.firstDifferences()).containsExactly(
                new PixelCompare.Difference(3, 2, 0x336699, 0x336690),
                new PixelCompare.Difference(5, 3, 0x336699, 0xff0000));
        assertThat(exact.describe()).contains("2 of 12 pixels").contains("(3,2) expected #336699, was #336690");

        PixelCompare.Result tolerant = PixelCompare.compare(image, new Rectangle(2, 1, 4, 3),
                PixelCompare.solid(4, 3, 0x336699), 9);
        assertThat(tolerant.differingPixels()).isEqualTo(1);
    }

    @Test
    void listsOnlyTheFirstDifferences() {
        PixelCompare.Result result = PixelCompare.compare(filled(10, 10, 0), new Rectangle(0, 0, 10, 10),
                PixelCompare.solid(10, 10, 0xffffff));

        assertThat(result.differingPixels()).isEqualTo(100);
        assertThat(result.firstDifferences()).hasSize(PixelCompare.MAX_REPORTED_DIFFERENCES);
    }

    @Test
    void rejectsBadArguments() {
        BufferedImage image = filled(4, 4, 0);

        assertThatThrownBy(() -> PixelCompare.compare(image, new Rectangle(2, 2, 3, 3), new int[9]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PixelCompare.compare(image, new Rectangle(0, 0, 2, 2), new int[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PixelCompare.compare(image, new Rectangle(0, 0, 2, 2), new int[4], 256))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesPngThatReadsBack(@TempDir Path dir) throws IOException {
        BufferedImage image = filled(5, 4, 0x102030);
        image.setRGB(4, 3, 0xabcdef);

        Path file = PixelCompare.writePng(image, dir.resolve("nested/shot.png"));

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(5);
        assertThat(read.getRGB(4, 3) & 0xffffff).isEqualTo(0xabcdef);
        assertThat(PixelCompare.compare(read, new Rectangle(0, 0, 4, 3), PixelCompare.solid(4, 3, 0x102030))
                .matches()).isTrue();
    }

    private static BufferedImage filled(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
