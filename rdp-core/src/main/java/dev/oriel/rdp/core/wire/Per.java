package dev.oriel.rdp.core.wire;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The subset of ASN.1 PER (aligned) used by MCS domain PDUs and the T.124 GCC wrapper ([MS-RDPBCGR] 2.2.1.3.1,
 * 2.2.1.5–2.2.1.9). Multi-byte values are big-endian per X.691.
 */
public final class Per {
    private Per() {
    }

    public static int readUnsignedByte(ByteBuf src, String pdu) {
        Wire.ensureReadable(src, 1, pdu);
        return src.readUnsignedByte();
    }

    /** A length determinant: one byte below 0x80, else two bytes with bit 15 set (fragmented forms rejected). */
    public static int readLength(ByteBuf src, String pdu, String field) {
        int b = readUnsignedByte(src, pdu);
        if ((b & 0x80) == 0) {
            return b;
        }
        if ((b & 0xC0) == 0xC0) {
            throw DecodeException.unsupportedValue(pdu, field, "fragmented PER length");
        }
        int lo = readUnsignedByte(src, pdu);
        return ((b & 0x3F) << 8) | lo;
    }

    public static int lengthSize(int length) {
        return length < 0x80 ? 1 : 2;
    }

    public static void writeLength(ByteBuf dst, int length) {
        if (length < 0x80) {
            dst.writeByte(length);
        } else if (length <= 0x3FFF) {
            dst.writeShort(0x8000 | length);
        } else {
            throw new IllegalArgumentException("PER length too large: " + length);
        }
    }

    /** A constrained 16-bit integer stored as {@code value - min}. */
    public static int readInteger16(ByteBuf src, int min, String pdu) {
        Wire.ensureReadable(src, 2, pdu);
        return src.readUnsignedShort() + min;
    }

    public static void writeInteger16(ByteBuf dst, int value, int min) {
        if (value < min || value - min > 0xFFFF) {
            throw new IllegalArgumentException("PER integer16 out of range: " + value);
        }
        dst.writeShort(value - min);
    }

    /** An unconstrained integer: a length byte then 1, 2 or 4 value bytes. */
    public static long readInteger(ByteBuf src, String pdu, String field) {
        int length = readLength(src, pdu, field);
        Wire.ensureReadable(src, length, pdu);
        return switch (length) {
            case 1 -> src.readUnsignedByte();
            case 2 -> src.readUnsignedShort();
            case 4 -> src.readUnsignedInt();
            default -> throw DecodeException.invalidField(pdu, field, "integer length " + length);
        };
    }

    public static int integerSize(long value) {
        return value <= 0xFF ? 2 : value <= 0xFFFF ? 3 : 5;
    }

    public static void writeInteger(ByteBuf dst, long value) {
        if (value <= 0xFF) {
            dst.writeByte(1);
            dst.writeByte((int) value);
        } else if (value <= 0xFFFF) {
            dst.writeByte(2);
            dst.writeShort((int) value);
        } else {
            dst.writeByte(4);
            dst.writeInt((int) value);
        }
    }

    /** Checks the object identifier that follows (length byte + packed arcs). */
    public static void expectObjectIdentifier(ByteBuf src, byte[] encoded, String pdu) {
        Wire.ensureReadable(src, encoded.length, pdu);
        for (int i = 0; i < encoded.length; i++) {
            if (src.readByte() != encoded[i]) {
                throw DecodeException.invalidField(pdu, "object identifier", "not T.124 (0.0.20.124.0.1)");
            }
        }
    }

    /** Reads an octet string with a lower bound on its length and returns it. */
    public static Bytes readOctetString(ByteBuf src, int min, String pdu, String field) {
        int length = readLength(src, pdu, field) + min;
        Wire.ensureReadable(src, length, pdu);
        return Bytes.read(src, length);
    }

    /** Skips a numeric string with a lower bound on its length (4-bit packed digits). */
    public static void skipNumericString(ByteBuf src, int min, String pdu, String field) {
        int length = readLength(src, pdu, field) + min;
        int bytes = (length + 1) / 2;
        Wire.ensureReadable(src, bytes, pdu);
        src.skipBytes(bytes);
    }
}
