package dev.oriel.rdp.core.wire;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The subset of ASN.1 BER used by MCS Connect-Initial/Response (T.125, [MS-RDPBCGR] 2.2.1.3 and 2.2.1.4).
 * Everything is big-endian per X.690. Writers use the shortest forms (definite lengths, minimal integers), as
 * FreeRDP and Windows do; readers accept any definite form.
 */
public final class Ber {
    public static final int TAG_BOOLEAN = 0x01;
    public static final int TAG_INTEGER = 0x02;
    public static final int TAG_OCTET_STRING = 0x04;
    public static final int TAG_ENUMERATED = 0x0A;
    public static final int TAG_SEQUENCE = 0x30;

    private Ber() {
    }

    /** Reads a definite length (short form, or long form with 1 or 2 length bytes). Big-endian per X.690 8.1.3. */
    public static int readLength(ByteBuf src, String pdu) {
        Wire.ensureReadable(src, 1, pdu);
        int b = src.readUnsignedByte();
        if ((b & 0x80) == 0) {
            return b;
        }
        int n = b & 0x7F;
        if (n == 0 || n > 2) {
            throw DecodeException.invalidField(pdu, "BER length", "unsupported length form 0x" + Integer.toHexString(b));
        }
        Wire.ensureReadable(src, n, pdu);
        return n == 1 ? src.readUnsignedByte() : src.readUnsignedShort();
    }

    public static int lengthSize(int length) {
        return length < 0x80 ? 1 : length <= 0xFF ? 2 : 3;
    }

    public static void writeLength(ByteBuf dst, int length) {
        if (length < 0x80) {
            dst.writeByte(length);
        } else if (length <= 0xFF) {
            dst.writeByte(0x81);
            dst.writeByte(length);
        } else if (length <= 0xFFFF) {
            dst.writeByte(0x82);
            dst.writeShort(length);
        } else {
            throw new IllegalArgumentException("BER length too large: " + length);
        }
    }

    /** Reads an application tag of the form {@code 0x7F tag} (tag ≥ 31) and returns its length. */
    public static int readApplicationTag(ByteBuf src, int tag, String pdu) {
        Wire.ensureReadable(src, 2, pdu);
        int b0 = src.readUnsignedByte();
        int b1 = src.readUnsignedByte();
        if (b0 != 0x7F || b1 != tag) {
            throw DecodeException.unexpectedMessageType(pdu, (b0 << 8) | b1);
        }
        int length = readLength(src, pdu);
        Wire.ensureReadable(src, length, pdu);
        return length;
    }

    public static void writeApplicationTag(ByteBuf dst, int tag, int length) {
        dst.writeByte(0x7F);
        dst.writeByte(tag);
        writeLength(dst, length);
    }

    public static int applicationTagSize(int length) {
        return 2 + lengthSize(length);
    }

    /** Reads a universal tag and its length, checking the tag. */
    public static int readTag(ByteBuf src, int tag, String pdu, String field) {
        Wire.ensureReadable(src, 1, pdu);
        int t = src.readUnsignedByte();
        if (t != tag) {
            throw DecodeException.invalidField(pdu, field, "expected BER tag 0x" + Integer.toHexString(tag) + ", got 0x"
                    + Integer.toHexString(t));
        }
        int length = readLength(src, pdu);
        Wire.ensureReadable(src, length, pdu);
        return length;
    }

    /** Reads a non-negative INTEGER of 1 to 4 content bytes. */
    public static long readInteger(ByteBuf src, String pdu, String field) {
        int length = readTag(src, TAG_INTEGER, pdu, field);
        if (length < 1 || length > 4) {
            throw DecodeException.invalidField(pdu, field, "integer length " + length);
        }
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | src.readUnsignedByte();
        }
        return v;
    }

    /** Content bytes of a minimal two's-complement encoding of a non-negative value. */
    static int integerContentSize(long value) {
        if (value < 0x80) {
            return 1;
        } else if (value < 0x8000) {
            return 2;
        } else if (value < 0x80_0000) {
            return 3;
        } else if (value < 0x8000_0000L) {
            return 4;
        }
        return 5;
    }

    public static int integerSize(long value) {
        return 2 + integerContentSize(value);
    }

    public static void writeInteger(ByteBuf dst, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("BER integer out of range: " + value);
        }
        int n = integerContentSize(value);
        dst.writeByte(TAG_INTEGER);
        dst.writeByte(n);
        for (int i = n - 1; i >= 0; i--) {
            dst.writeByte((int) (value >>> (8 * i)));
        }
    }

    public static boolean readBoolean(ByteBuf src, String pdu, String field) {
        int length = readTag(src, TAG_BOOLEAN, pdu, field);
        if (length != 1) {
            throw DecodeException.invalidField(pdu, field, "boolean length " + length);
        }
        return src.readUnsignedByte() != 0;
    }

    public static void writeBoolean(ByteBuf dst, boolean value) {
        dst.writeByte(TAG_BOOLEAN);
        dst.writeByte(1);
        dst.writeByte(value ? 0xFF : 0);
    }

    public static int readEnumerated(ByteBuf src, String pdu, String field) {
        int length = readTag(src, TAG_ENUMERATED, pdu, field);
        if (length != 1) {
            throw DecodeException.invalidField(pdu, field, "enumerated length " + length);
        }
        return src.readUnsignedByte();
    }

    public static void writeEnumerated(ByteBuf dst, int value) {
        dst.writeByte(TAG_ENUMERATED);
        dst.writeByte(1);
        dst.writeByte(value);
    }

    public static Bytes readOctetString(ByteBuf src, String pdu, String field) {
        int length = readTag(src, TAG_OCTET_STRING, pdu, field);
        return Bytes.read(src, length);
    }

    public static int octetStringSize(int contentLength) {
        return 1 + lengthSize(contentLength) + contentLength;
    }

    public static void writeOctetStringHeader(ByteBuf dst, int contentLength) {
        dst.writeByte(TAG_OCTET_STRING);
        writeLength(dst, contentLength);
    }
}
