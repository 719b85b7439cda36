package dev.oriel.rdp.clipboard;

/**
 * A file (or directory) the client copied, as listed in its FileGroupDescriptorW data. Read it with
 * {@link CliprdrChannel#copyClientFile}.
 *
 * @param index     its position in the client's list (the lindex of File Contents Requests)
 * @param path      the sanitised relative path ({@link FileNames#sanitize}), {@code /} separated
 * @param size      the size the client announced, in bytes
 * @param directory whether it is a directory (no contents)
 */
public record ClientFile(int index, String path, long size, boolean directory) {
}
