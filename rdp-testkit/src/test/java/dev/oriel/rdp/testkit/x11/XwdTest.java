package dev.oriel.rdp.testkit.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The XWD decoder on synthetic files; {@link XvfbTest} covers real Xvfb framebuffers. */
class XwdTest {
    /** Pixel values of a 3x2 test image, as 0xRRGGBB. */
    private static final int[] RGB = {0xff0000, 0x00ff00, 0x0000ff, 0x123456, 0xffffff, 0x000000};

    @Test
    void decodesXvfbLayout32BitsLsbFirst() {
        byte[] data = xwd(3, 2, 32, Xwd.LSB_FIRST, 0xff0000, 0x00ff00, 0x0000ff, 16, 0, "Xvfb main:0.0");

        BufferedImage image = Xwd.decode(data);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(pixels(image)).containsExactly(RGB);
        Xwd.Header header = Xwd.readHeader(data);
        assertThat(header.width()).isEqualTo(3);
        assertThat(header.bytesPerLine()).isEqualTo(16);
        assertThat(header.depth()).isEqualTo(24);
    }

    @Test
    void decodesMsbFirstWithOtherMasksAndColormap() {
        // BGR order in the pixel, most significant byte first, and a colour map to skip.
        byte[] data = xwd(3, 2, 32, Xwd.MSB_FIRST, 0x0000ff, 0x00ff00, 0xff0000, 12, 4, "x");

        assertThat(pixels(Xwd.decode(data))).containsExactly(RGB);
    }

    @Test
    void decodes24And16BitsPerPixel() {
        assertThat(pixels(Xwd.decode(xwd(3, 2, 24, Xwd.LSB_FIRST, 0xff0000, 0xff00, 0xff, 12, 0, ""))))
                .containsExactly(RGB);

        // 5-6-5: channels are widened so that full intensity stays 255.
        int[] decoded = pixels(Xwd.decode(xwd(3, 2, 16, Xwd.LSB_FIRST, 0xf800, 0x07e0, 0x001f, 6, 0, "")));
        assertThat(decoded[0]).isEqualTo(0xff0000);
        assertThat(decoded[1]).isEqualTo(0x00ff00);
        assertThat(decoded[2]).isEqualTo(0x0000ff);
        assertThat(decoded[4]).isEqualTo(0xffffff);
        assertThat(decoded[5]).isEqualTo(0x000000);
    }

    @Test
    void decodesARegion() {
        byte[] data = xwd(3, 2, 32, Xwd.LSB_FIRST, 0xff0000, 0x00ff00, 0x0000ff, 12, 0, "");

        BufferedImage crop = Xwd.decode(data, new Rectangle(1, 1, 5, 5));

        assertThat(crop.getWidth()).isEqualTo(2);
        assertThat(crop.getHeight()).isEqualTo(1);
        assertThat(pixels(crop)).containsExactly(0xffffff, 0x000000);
        assertThatThrownBy(() -> Xwd.decode(data, new Rectangle(3, 0, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    }

    @Test
    void rejectsWhatItCannotDecode() {
        byte[] good = xwd(3, 2, 32, Xwd.LSB_FIRST, 0xff0000, 0x00ff00, 0x0000ff, 12, 0, "");

        assertThatThrownBy(() -> Xwd.decode(Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Xwd.decode(new byte[40])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Xwd.decode(withField(good, 1, 6))).hasMessageContaining("file_version");
        assertThatThrownBy(() -> Xwd.decode(withField(good, 2, 1))).hasMessageContaining("pixmap_format");
        assertThatThrownBy(() -> Xwd.decode(withField(good, 13, 3))).hasMessageContaining("visual_class");
        assertThatThrownBy(() -> Xwd.decode(withField(good, 14, 0x00f0f000))).hasMessageContaining("mask");
        assertThatThrownBy(() -> Xwd.decode(withField(good, 4, 0x7fffffff))).hasMessageContaining("size");
    }

    private static int[] pixels(BufferedImage image) {
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return Arrays.stream(rgb).map(p -> p & 0xffffff).toArray();
    }

    private static byte[] withField(byte[] data, int field, int value) {
        byte[] copy = data.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.BIG_ENDIAN).putInt(field * 4, value);
        return copy;
    }

    /** Builds an XWD file for {@link #RGB} with the given pixel layout. */
    private static byte[] xwd(int width, int height, int bitsPerPixel, int byteOrder, int redMask, int greenMask,
                              int blueMask, int bytesPerLine, int colors, String name) {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        int headerSize = Xwd.MIN_HEADER_SIZE + nameBytes.length;
        int pixelOffset = headerSize + colors * Xwd.COLOR_ENTRY_SIZE;
        ByteBuffer out = ByteBuffer.allocate(pixelOffset + bytesPerLine * height).order(ByteOrder.BIG_ENDIAN);
        int[] header = {headerSize, Xwd.FILE_VERSION, Xwd.Z_PIXMAP, 24, width, height, 0, byteOrder, 32, byteOrder,
            32, bitsPerPixel, bytesPerLine, Xwd.TRUE_COLOR, redMask, greenMask, blueMask, 8, colors, colors, width,
            height, 0, 0, 0};
        for (int field : header) {
            out.putInt(field);
        }
        out.put(nameBytes);
        out.position(pixelOffset); // Colour entries stay zero: TrueColor decoding never reads them.
        int bytesPerPixel = bitsPerPixel / 8;
        for (int y = 0; y < height; y++) {
            out.position(pixelOffset + y * bytesPerLine);
            for (int x = 0; x < width; x++) {
                int rgb = RGB[y * width + x];
                int pixel = scale(rgb >> 16 & 0xff, redMask) | scale(rgb >> 8 & 0xff, greenMask)
                        | scale(rgb & 0xff, blueMask);
                for (int i = 0; i < bytesPerPixel; i++) {
                    int shift = byteOrder == Xwd.MSB_FIRST ? 8 * (bytesPerPixel - 1 - i) : 8 * i;
                    out.put((byte) (pixel >>> shift));
                }
            }
        }
        return out.array();
    }

    /** Places an 8-bit channel value into the bits of {@code mask}, dropping low bits for narrower channels. */
    private static int scale(int value, int mask) {
        int shift = Integer.numberOfTrailingZeros(mask);
        int bits = Integer.bitCount(mask);
        return (value >> (8 - bits)) << shift;
    }
}
