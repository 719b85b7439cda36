package dev.oriel.rdp.core.wire;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.error.EncodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reading and checked narrowing shared by every PDU codec.
 *
 * <p>Decoders call {@link #ensureReadable} before each group of reads so that no
 * {@code IndexOutOfBoundsException} can escape: every failure is a {@link DecodeException} naming the PDU.
 */
public final class Wire {
    private Wire() {
    }

    /** Throws unless at least {@code n} bytes are readable. */
    public static void ensureReadable(ByteBuf src, long n, String pdu) {
        if (n < 0) {
            throw DecodeException.invalidField(pdu, "length", "negative: " + n);
        }
        if (src.readableBytes() < n) {
            throw DecodeException.notEnoughBytes(pdu, src.readableBytes(), n);
        }
    }

    /** Throws unless every byte of a bounded body was consumed. */
    public static void ensureFullyConsumed(ByteBuf body, String pdu) {
        if (body.isReadable()) {
            throw DecodeException.trailingBytes(pdu, body.readableBytes());
        }
    }

    /** Reads a slice of exactly {@code length} bytes (no copy, no retain), after checking it is readable. */
    public static ByteBuf readSlice(ByteBuf src, long length, String pdu, String field) {
        if (length < 0) {
            throw DecodeException.invalidField(pdu, field, "negative length " + length);
        }
        if (src.readableBytes() < length) {
            throw DecodeException.invalidField(pdu, field,
                    "length " + length + " exceeds the " + src.readableBytes() + " remaining bytes");
        }
        return src.readSlice((int) length);
    }

    /** Throws {@link DecodeException} when a peer-declared {@code value} is above {@code limit}. */
    public static void checkLimit(long value, long limit, String pdu, String field) {
        if (value > limit) {
            throw DecodeException.limitExceeded(pdu, field, value, limit);
        }
    }

    /** Reads a u32 little-endian value into an {@code int} that must be non-negative (a length or count). */
    public static int readLengthU32LE(ByteBuf src, String pdu, String field) {
        long v = src.readUnsignedIntLE();
        if (v > Integer.MAX_VALUE) {
            throw DecodeException.invalidField(pdu, field, "too large: " + v);
        }
        return (int) v;
    }

    // ---- UTF-16LE strings -------------------------------------------------------------------------------

    /**
     * Reads {@code byteCount} bytes of UTF-16LE. The count must be even. Trailing NUL characters are kept;
     * use {@link #stripNul} where the specification says the string is NUL-terminated.
     */
    public static String readUtf16(ByteBuf src, int byteCount, String pdu, String field) {
        if ((byteCount & 1) != 0) {
            throw DecodeException.invalidField(pdu, field, "odd UTF-16 byte count " + byteCount);
        }
        ensureReadable(src, byteCount, pdu);
        String s = src.toString(src.readerIndex(), byteCount, StandardCharsets.UTF_16LE);
        src.skipBytes(byteCount);
        return s;
    }

    /**
     * Reads a fixed-size UTF-16LE field padded with NULs (such as CS_CORE clientName) and returns the text
     * before the first NUL.
     */
    public static String readFixedUtf16(ByteBuf src, int fieldBytes, String pdu, String field) {
        return stripNul(readUtf16(src, fieldBytes, pdu, field));
    }

    /** Reads a fixed-size ASCII field padded with NULs and returns the text before the first NUL. */
    public static String readFixedAscii(ByteBuf src, int fieldBytes, String pdu) {
        ensureReadable(src, fieldBytes, pdu);
        String s = src.toString(src.readerIndex(), fieldBytes, StandardCharsets.ISO_8859_1);
        src.skipBytes(fieldBytes);
        return stripNul(s);
    }

    /** The text before the first NUL character. */
    public static String stripNul(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    /** Number of bytes {@code s} takes as UTF-16LE (without terminator). */
    public static int utf16Size(String s) {
        return s.length() * 2;
    }

    /** Writes {@code s} as UTF-16LE without terminator. */
    public static void writeUtf16(ByteBuf dst, String s) {
        for (int i = 0; i < s.length(); i++) {
            dst.writeShortLE(s.charAt(i));
        }
    }

    /**
     * Writes {@code s} as UTF-16LE into a fixed field of {@code fieldBytes}, NUL-padded. The string must leave
     * room for at least one NUL code unit.
     */
    public static void writeFixedUtf16(ByteBuf dst, String s, int fieldBytes, String pdu, String field) {
        int bytes = utf16Size(s);
        if (bytes > fieldBytes - 2) {
            throw new EncodeException(pdu, field + " \"" + s + "\" does not fit " + fieldBytes + " bytes");
        }
        writeUtf16(dst, s);
        dst.writeZero(fieldBytes - bytes);
    }

    /** Writes {@code s} as ASCII into a fixed field of {@code fieldBytes}, NUL-padded, leaving room for a NUL. */
    public static void writeFixedAscii(ByteBuf dst, String s, int fieldBytes, String pdu, String field) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length > fieldBytes - 1) {
            throw new EncodeException(pdu, field + " \"" + s + "\" does not fit " + fieldBytes + " bytes");
        }
        dst.writeBytes(b);
        dst.writeZero(fieldBytes - b.length);
    }

    // ---- checked narrowing for outgoing values ---------------------------------------------------------

    /** Checks that {@code value} fits an unsigned 8-bit field. */
    public static int u8(long value, String pdu, String field) {
        return (int) checkRange(value, 0xFF, pdu, field);
    }

    /** Checks that {@code value} fits an unsigned 16-bit field. */
    public static int u16(long value, String pdu, String field) {
        return (int) checkRange(value, 0xFFFF, pdu, field);
    }

    /** Checks that {@code value} fits an unsigned 32-bit field and returns its bit pattern. */
    public static int u32(long value, String pdu, String field) {
        return (int) checkRange(value, 0xFFFF_FFFFL, pdu, field);
    }

    private static long checkRange(long value, long max, String pdu, String field) {
        if (value < 0 || value > max) {
            throw EncodeException.valueTooLarge(pdu, field, value, max);
        }
        return value;
    }

    /** Validates an unsigned record component in a compact constructor. */
    public static void requireUnsigned(long value, long max, String field) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " out of range [0, " + max + "]: " + value);
        }
    }
}
