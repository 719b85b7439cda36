package dev.oriel.rdp.clipboard.convert;

import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Text, HTML and image conversions between the embedder's types and the Windows clipboard formats. */
class ConversionsTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unicodeTextUsesCrlfAndANulAndComesBackAsLf() {
        byte[] wire = TextFormats.toUnicodeText(utf8("a\nü\r\nb"));
        assertThat(hex(wire)).isEqualTo("61000d000a00fc000d000a0062000000");
        assertThat(new String(TextFormats.fromUnicodeText(wire), StandardCharsets.UTF_8)).isEqualTo("a\nü\nb");
        // Reading stops at the first NUL and tolerates a missing terminator and an odd trailing byte.
        assertThat(TextFormats.fromUnicodeText(hex("410000004200"))).isEqualTo(utf8("A"));
        assertThat(TextFormats.fromUnicodeText(hex("4100420043"))).isEqualTo(utf8("AB"));
        // Characters outside the BMP survive as surrogate pairs.
        assertThat(TextFormats.fromUnicodeText(TextFormats.toUnicodeText(utf8("😀")))).isEqualTo(utf8("😀"));
    }

    @Test
    void ansiTextIsWindows1252() {
        assertThat(hex(TextFormats.toAnsiText(utf8("é\n€")))).isEqualTo("e90d0a8000");
        assertThat(TextFormats.fromAnsiText(hex("e90d0a800000ff"))).isEqualTo(utf8("é\n€"));
        assertThat(TextFormats.toAnsiText(utf8("漢"))).containsExactly('?', 0);
    }

    @Test
    void htmlGetsAHeaderWhoseOffsetsPointAtTheFragment() {
        byte[] cf = HtmlFormat.toCfHtml(utf8("<b>ünï</b>"));
        String s = new String(cf, StandardCharsets.UTF_8);
        assertThat(s).startsWith("Version:0.9\r\nStartHTML:");
        assertThat(cf[cf.length - 1]).isZero();
        int startFragment = Integer.parseInt(s.replaceAll("(?s).*StartFragment:(\\d+).*", "$1"));
        int endFragment = Integer.parseInt(s.replaceAll("(?s).*EndFragment:(\\d+).*", "$1"));
        assertThat(new String(cf, startFragment, endFragment - startFragment, StandardCharsets.UTF_8))
                .isEqualTo("<b>ünï</b>");
        assertThat(HtmlFormat.fromCfHtml(cf)).hasValueSatisfying(h -> assertThat(h).isEqualTo(utf8("<b>ünï</b>")));
        // A whole document is kept byte for byte between StartHTML and EndHTML; its body is the fragment.
        String page = "<html><BODY class=x><p>hï</p></BODY></html>";
        byte[] doc = HtmlFormat.toCfHtml(utf8(page));
        String d = new String(doc, StandardCharsets.UTF_8);
        int startHtml = Integer.parseInt(d.replaceAll("(?s).*StartHTML:(\\d+).*", "$1"));
        int endHtml = Integer.parseInt(d.replaceAll("(?s).*EndHTML:(\\d+).*", "$1"));
        assertThat(java.util.Arrays.copyOfRange(doc, startHtml, endHtml)).isEqualTo(utf8(page));
        assertThat(HtmlFormat.fromCfHtml(doc)).hasValueSatisfying(h -> assertThat(h).isEqualTo(utf8("<p>hï</p>")));
    }

    @Test
    void htmlFromWindowsIsReadThroughItsOffsetsAndBadHeadersFallBack() {
        // The shape Windows applications produce (offsets of this exact string).
        String body = "<html><body><!--StartFragment--><i>x</i><!--EndFragment--></body></html>";
        String header = "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000177\r\n"
                + "StartFragment:0000000137\r\nEndFragment:0000000145\r\n";
        assertThat(header.length()).isEqualTo(105);
        assertThat(HtmlFormat.fromCfHtml(utf8(header + body + "\0")))
                .hasValueSatisfying(h -> assertThat(new String(h, StandardCharsets.UTF_8)).isEqualTo("<i>x</i>"));
        // Offsets out of range: everything after the header.
        String broken = "Version:0.9\r\nStartHTML:-1\r\nEndHTML:-1\r\nStartFragment:999\r\nEndFragment:5\r\n<p>y</p>";
        assertThat(HtmlFormat.fromCfHtml(utf8(broken)))
                .hasValueSatisfying(h -> assertThat(new String(h, StandardCharsets.UTF_8)).isEqualTo("<p>y</p>"));
        assertThat(HtmlFormat.fromCfHtml(utf8("<p>no header</p>"))).isEmpty();
    }

    static byte[] vector(String name) throws IOException {
        try (InputStream in = ConversionsTest.class.getResourceAsStream("/vectors/ironrdp/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The same picture twice: where the V5 form is transparent, the plain DIB (no alpha) has white. */
    @Test
    void ironrdpsDibAndDibV5DecodeToTheSameImage() throws IOException {
        BufferedImage dib = DibImages.fromDib(vector("cf_dib.pdu"));
        BufferedImage v5 = DibImages.fromDib(vector("cf_dibv5.pdu"));
        assertThat(dib.getWidth()).isEqualTo(15);
        assertThat(dib.getHeight()).isEqualTo(5);
        int differing = 0;
        int opaque = 0;
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 15; x++) {
                int a = v5.getRGB(x, y) >>> 24;
                if (a == 0xFF) {
                    opaque++;
                    differing += dib.getRGB(x, y) != v5.getRGB(x, y) ? 1 : 0;
                } else {
                    assertThat(a).as("transparent in V5 at %d,%d", x, y).isZero();
                    assertThat(dib.getRGB(x, y)).isEqualTo(0xFFFFFFFF);
                }
            }
        }
        assertThat(differing).isZero();
        assertThat(opaque).isPositive();
    }

    @Test
    void imagesRoundTripThroughDibDibV5AndPng() {
        BufferedImage img = new BufferedImage(5, 3, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                img.setRGB(x, y, (x == 0 ? 0x80 : 0xFF) << 24 | x * 40 << 16 | y * 80 << 8 | 0x33);
            }
        }
        BufferedImage v5 = DibImages.fromDib(DibImages.toDibV5(img));
        BufferedImage dib = DibImages.fromDib(DibImages.toDib(img));
        BufferedImage png = DibImages.fromPng(DibImages.toPng(img));
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                assertThat(v5.getRGB(x, y)).as("V5 keeps alpha").isEqualTo(img.getRGB(x, y));
                assertThat(png.getRGB(x, y)).isEqualTo(img.getRGB(x, y));
                assertThat(dib.getRGB(x, y)).as("24 bpp is opaque").isEqualTo(img.getRGB(x, y) | 0xFF000000);
            }
        }
        // The 24 bpp rows are padded to 4 bytes: 5 pixels = 15 bytes + 1.
        assertThat(DibImages.toDib(img)).hasSize(40 + 16 * 3);
    }

    @Test
    void topDownPalettedAndSixteenBitDibsDecode() {
        // 2×2, 8 bpp, two palette entries, top-down (negative height): rows 0 1 / 1 0.
        String header8 = "28000000 02000000 feffffff 0100 0800 00000000 00000000 00000000 00000000 02000000 00000000";
        BufferedImage p = DibImages.fromDib(hex(header8 + " 0000ff00 00ff0000" + " 00010000 01000000"));
        assertThat(p.getRGB(0, 0)).isEqualTo(0xFFFF0000);
        assertThat(p.getRGB(1, 0)).isEqualTo(0xFF00FF00);
        assertThat(p.getRGB(0, 1)).isEqualTo(0xFF00FF00);
        // 1×1, 16 bpp 5-5-5 (BI_RGB): pure red is 0x7C00.
        String header16 = "28000000 01000000 01000000 0100 1000 00000000 00000000 00000000 00000000 00000000 00000000";
        assertThat(DibImages.fromDib(hex(header16 + " 007c0000")).getRGB(0, 0)).isEqualTo(0xFFFF0000);
    }

    @Test
    void malformedImagesAreRefusedWithAReason() {
        String header = "28000000 02000000 02000000 0100 2000 00000000 00000000 00000000 00000000 00000000 00000000";
        assertThatThrownBy(() -> DibImages.fromDib(hex(header + " 00000000"))).hasMessageContaining("pixel rows");
        assertThatThrownBy(() -> DibImages.fromDib(hex("10000000"))).hasMessageContaining("shorter");
        assertThatThrownBy(() -> DibImages.fromDib(hex(header.replace("0100 2000", "0100 0200")
                + " 00000000 00000000"))).hasMessageContaining("bpp");
        String huge = "28000000 00400000 00400000 0100 2000 00000000 00000000 00000000 00000000 00000000 00000000";
        assertThatThrownBy(() -> DibImages.fromDib(hex(huge))).hasMessageContaining("exceeds");
        // A PNG whose header claims 100000 × 100000 pixels is refused before decoding.
        String bomb = "89504e470d0a1a0a 0000000d 49484452 000186a0 000186a0 0806000000 00000000";
        assertThatThrownBy(() -> DibImages.fromPng(hex(bomb))).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> DibImages.fromPng(hex("00010203"))).isInstanceOf(DibImages.ImageFormatException.class);
    }
}
