package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.error.EncodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** RAIL field helpers: UTF-16LE strings as RAIL carries them, range checks for records built by the server. */
public final class RailWire {
    private RailWire() {
    }

    /**
     * Reads {@code byteCount} bytes of UTF-16LE and drops trailing NULs: the spec's strings have none, but
     * FreeRDP 2.x counts the terminator in the length ([MS-RDPERP] 2.2.1.2.1, protocol map P-RAIL-5).
     */
    public static String read(ByteBuf src, int byteCount, String pdu, String field) {
        String s = Wire.readUtf16(src, byteCount, pdu, field);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }

    /** TS_UNICODE_STRING ([MS-RDPERP] 2.2.1.2.1): cbString (2) then that many bytes, at most {@code maxBytes}. */
    public static String readUnicodeString(ByteBuf src, int maxBytes, String pdu, String field) {
        Wire.ensureReadable(src, 2, pdu);
        int cb = src.readUnsignedShortLE();
        if (cb > maxBytes) {
            throw DecodeException.limitExceeded(pdu, field, cb, maxBytes);
        }
        return read(src, cb, pdu, field);
    }

    /** Checks that {@code s} fits {@code maxBytes} as UTF-16LE (no terminator is sent). */
    public static String requireFits(String s, int maxBytes, String pdu, String field) {
        if (Wire.utf16Size(s) > maxBytes) {
            throw new EncodeException(pdu, field + " is longer than " + maxBytes + " bytes");
        }
        return s;
    }

    public static void writeUnicodeString(ByteBuf dst, String s) {
        dst.writeShortLE(Wire.utf16Size(s));
        Wire.writeUtf16(dst, s);
    }

    /** Checks a value for a signed 16-bit field. */
    public static int s16(int v, String field) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new IllegalArgumentException(field + " out of the signed 16-bit range: " + v);
        }
        return v;
    }
}
