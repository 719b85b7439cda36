package dev.oriel.rdp.clipboard.convert;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Text between the embedder's UTF-8 with LF line ends and the Windows clipboard formats ([MS-RDPECLIP] 1.3.1.2,
 * standard formats): CF_UNICODETEXT is UTF-16LE with CRLF and a terminating NUL; CF_TEXT is the same in the ANSI code
 * page (Windows-1252 for the Western locales Oriel assumes). Reading stops at the first NUL, as Windows does, and
 * tolerates a missing terminator and an odd trailing byte.
 */
public final class TextFormats {
    static final Charset ANSI = Charset.forName("windows-1252");

    private TextFormats() {
    }

    /** UTF-8 text (any line ends) as CF_UNICODETEXT: CRLF line ends, UTF-16LE, NUL-terminated. */
    public static byte[] toUnicodeText(byte[] utf8) {
        return (toCrlf(new String(utf8, StandardCharsets.UTF_8)) + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    /** CF_UNICODETEXT as UTF-8 text with LF line ends, up to the first NUL. */
    public static byte[] fromUnicodeText(byte[] data) {
        int units = data.length / 2;
        int end = 0;
        while (end < units && (data[2 * end] != 0 || data[2 * end + 1] != 0)) {
            end++;
        }
        return toLf(new String(data, 0, 2 * end, StandardCharsets.UTF_16LE)).getBytes(StandardCharsets.UTF_8);
    }

    /** UTF-8 text as CF_TEXT (Windows-1252, CRLF, NUL-terminated; characters outside the code page become '?'). */
    public static byte[] toAnsiText(byte[] utf8) {
        return (toCrlf(new String(utf8, StandardCharsets.UTF_8)) + "\0").getBytes(ANSI);
    }

    /** CF_TEXT as UTF-8 text with LF line ends, up to the first NUL. */
    public static byte[] fromAnsiText(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return toLf(new String(data, 0, end, ANSI)).getBytes(StandardCharsets.UTF_8);
    }

    static String toCrlf(String s) {
        return s.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static String toLf(String s) {
        return s.replace("\r\n", "\n");
    }
}
