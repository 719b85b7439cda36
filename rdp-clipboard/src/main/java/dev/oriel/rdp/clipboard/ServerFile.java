package dev.oriel.rdp.clipboard;

import java.util.Objects;

/**
 * A file the server's clipboard offers to the client.
 *
 * @param path relative path, {@code /} separated (sent with Windows separators); directories end up in the client's
 *             paste as folders
 * @param size size in bytes
 */
public record ServerFile(String path, long size) {
    public ServerFile {
        Objects.requireNonNull(path, "path");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
