package dev.oriel.rdp.clipboard;

/**
 * The content types the embedder sees, whatever Windows formats travel on the wire: text is UTF-8 with LF line ends
 * (CF_UNICODETEXT or CF_TEXT on the wire), HTML is a plain document or fragment ("HTML Format"), images are PNG
 * (CF_DIB, CF_DIBV5 or a registered PNG format).
 */
public final class ClipboardMime {
    public static final String TEXT = "text/plain;charset=utf-8";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    /**
     * Files (FileGroupDescriptorW and FileContents on the wire). Offered like the others; read them with
     * {@link CliprdrChannel#requestClientFiles} and {@link CliprdrChannel#copyClientFile}, never as one blob.
     */
    public static final String FILES = "text/uri-list";

    private ClipboardMime() {
    }
}
