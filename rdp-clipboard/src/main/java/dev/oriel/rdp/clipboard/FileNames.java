package dev.oriel.rdp.clipboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * File names from the client are untrusted: a descriptor may name {@code ..\..\etc\passwd}, {@code C:\x},
 * {@code \\server\share} or a device such as {@code CON}. {@link #sanitize} turns one into a safe relative path, or
 * refuses it.
 */
public final class FileNames {
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
            "LPT9");
    static final int MAX_COMPONENT = 255;

    private FileNames() {
    }

    /**
     * A relative path with {@code /} separators made of the name's components, or empty when the name is absolute
     * (drive letter, root or UNC), climbs out ({@code ..}), or has a component that is empty after cleaning. Control
     * characters and {@code <>:"|?*} are replaced by {@code _}; a reserved device name gets a {@code _} prefix;
     * trailing dots and spaces (which Windows drops) are removed.
     */
    public static Optional<String> sanitize(String name) {
        if (name.isEmpty() || name.startsWith("\\") || name.startsWith("/")
                || (name.length() >= 2 && name.charAt(1) == ':')) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String raw : name.split("[\\\\/]")) {
            if (raw.isEmpty() || raw.equals(".")) {
                continue;
            }
            if (raw.equals("..")) {
                return Optional.empty();
            }
            StringBuilder c = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                char ch = raw.charAt(i);
                c.append(ch < 0x20 || "<>:\"|?*".indexOf(ch) >= 0 ? '_' : ch);
            }
            String part = c.toString().replaceAll("[. ]+$", "");
            if (part.isEmpty() || part.equals("..")) {
                return Optional.empty();
            }
            String base = part.contains(".") ? part.substring(0, part.indexOf('.')) : part;
            if (RESERVED.contains(base.toUpperCase(Locale.ROOT))) {
                part = "_" + part;
            }
            if (part.length() > MAX_COMPONENT) {
                part = part.substring(0, MAX_COMPONENT);
            }
            parts.add(part);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }
}
