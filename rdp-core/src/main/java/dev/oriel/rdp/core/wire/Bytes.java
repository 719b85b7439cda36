package dev.oriel.rdp.core.wire;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with content equality and a hex {@code toString}. Used instead of {@code byte[]}
 * record components, which would break equality and immutability.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Copies {@code data}. */
    public static Bytes of(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** Parses hex digits (whitespace allowed). */
    public static Bytes ofHex(String hex) {
        return of(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    /** Reads {@code length} bytes from {@code src}; the caller has checked that they are readable. */
    public static Bytes read(ByteBuf src, int length) {
        if (length == 0) {
            return EMPTY;
        }
        byte[] out = new byte[length];
        src.readBytes(out);
        return new Bytes(out);
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte get(int index) {
        return data[index];
    }

    /** A copy of the content. */
    public byte[] toArray() {
        return data.clone();
    }

    public void writeTo(ByteBuf dst) {
        dst.writeBytes(data);
    }

    public String toHex() {
        return HexFormat.of().formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return data.length <= 64 ? "Bytes[" + toHex() + "]" : "Bytes[" + data.length + " bytes: " + HexFormat.of().formatHex(data, 0, 32) + "…]";
    }
}
