package dev.oriel.rdp.clipboard.convert;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Windows "HTML Format" clipboard format (CF_HTML): UTF-8 with a header of decimal byte offsets
 * ({@code Version}, {@code StartHTML}, {@code EndHTML}, {@code StartFragment}, {@code EndFragment}) and the fragment
 * between {@code <!--StartFragment-->} and {@code <!--EndFragment-->} markers. Linux applications exchange plain
 * {@code text/html}.
 */
public final class HtmlFormat {
    private static final Pattern OFFSET = Pattern.compile("(?m)^(StartHTML|EndHTML|StartFragment|EndFragment):(-?\\d+)\\r?$");
    private static final String START_MARK = "<!--StartFragment-->";
    private static final String END_MARK = "<!--EndFragment-->";

    private HtmlFormat() {
    }

    /**
     * Wraps an HTML document or fragment in a CF_HTML header. A full document ({@code <body>…</body>}) is kept byte
     * for byte, with the fragment offsets around the body's content, so a reader that takes StartHTML…EndHTML (as
     * FreeRDP does for {@code text/html}) gets the very same document; anything else becomes the fragment, between
     * {@code <!--StartFragment-->} and {@code <!--EndFragment-->} markers, of a minimal document.
     */
    public static byte[] toCfHtml(byte[] html) {
        String h = new String(html, StandardCharsets.UTF_8);
        String doc;
        int fragmentStart;
        int fragmentEnd;
        int body = indexOfIgnoreCase(h, "<body");
        int bodyOpenEnd = body < 0 ? -1 : h.indexOf('>', body);
        int bodyClose = lastIndexOfIgnoreCase(h, "</body>");
        if (bodyOpenEnd >= 0 && bodyClose > bodyOpenEnd) {
            doc = h;
            fragmentStart = utf8Length(h.substring(0, bodyOpenEnd + 1));
            fragmentEnd = utf8Length(h.substring(0, bodyClose));
        } else {
            String head = "<html><body>" + START_MARK;
            doc = head + h + END_MARK + "</body></html>";
            fragmentStart = utf8Length(head);
            fragmentEnd = fragmentStart + html.length;
        }
        // The header has fixed-width numbers, so its length does not depend on the values.
        String template = "Version:0.9\r\nStartHTML:%010d\r\nEndHTML:%010d\r\nStartFragment:%010d\r\nEndFragment:%010d\r\n";
        int headerLength = String.format(template, 0, 0, 0, 0).length();
        byte[] docBytes = doc.getBytes(StandardCharsets.UTF_8);
        String header = String.format(template, headerLength, headerLength + docBytes.length,
                headerLength + fragmentStart, headerLength + fragmentEnd);
        byte[] out = new byte[headerLength + docBytes.length + 1];
        System.arraycopy(header.getBytes(StandardCharsets.US_ASCII), 0, out, 0, headerLength);
        System.arraycopy(docBytes, 0, out, headerLength, docBytes.length);
        return out; // the last byte stays 0: Windows terminates the format with a NUL
    }

    /**
     * The HTML in CF_HTML data: the fragment (StartFragment … EndFragment) when the offsets are valid, else the
     * document (StartHTML … EndHTML), else everything after the header. Empty when the data has no CF_HTML header.
     */
    public static Optional<byte[]> fromCfHtml(byte[] data) {
        int len = data.length;
        while (len > 0 && data[len - 1] == 0) {
            len--;
        }
        // The header is ASCII; offsets are bytes into the whole data.
        String head = new String(data, 0, Math.min(len, 1024), StandardCharsets.ISO_8859_1);
        if (!head.startsWith("Version:")) {
            return Optional.empty();
        }
        long startHtml = -1;
        long endHtml = -1;
        long startFragment = -1;
        long endFragment = -1;
        Matcher m = OFFSET.matcher(head);
        while (m.find()) {
            long v;
            try {
                v = Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                continue;
            }
            switch (m.group(1)) {
                case "StartHTML" -> startHtml = v;
                case "EndHTML" -> endHtml = v;
                case "StartFragment" -> startFragment = v;
                default -> endFragment = v;
            }
        }
        if (valid(startFragment, endFragment, len)) {
            return Optional.of(slice(data, (int) startFragment, (int) endFragment));
        }
        if (valid(startHtml, endHtml, len)) {
            return Optional.of(slice(data, (int) startHtml, (int) endHtml));
        }
        int afterHeader = head.indexOf('<');
        return afterHeader < 0 ? Optional.empty() : Optional.of(slice(data, afterHeader, len));
    }

    private static boolean valid(long start, long end, int len) {
        return start >= 0 && end >= start && end <= len;
    }

    private static byte[] slice(byte[] data, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(data, from, out, 0, out.length);
        return out;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int indexOfIgnoreCase(String s, String what) {
        for (int i = 0; i + what.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOfIgnoreCase(String s, String what) {
        for (int i = s.length() - what.length(); i >= 0; i--) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }
}
