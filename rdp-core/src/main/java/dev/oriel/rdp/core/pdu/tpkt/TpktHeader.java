package dev.oriel.rdp.core.pdu.tpkt;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * TPKT header (RFC 1006 section 6, [MS-RDPBCGR] 2.2.1.1 tpktHeader).
 *
 * <pre>
 * +---------+----------+-----------------+
 * | version | reserved | length (BE, u16)|
 * |  0x03   |   0x00   | incl. header    |
 * +---------+----------+-----------------+
 * </pre>
 *
 * @param length the total frame length including these four bytes
 */
public record TpktHeader(int length) implements Encodable {
    public static final String NAME = "TpktHeader";
    public static final int SIZE = 1 /* version */ + 1 /* reserved */ + 2 /* length */;
    public static final int VERSION = 3;
    /** The largest frame the 16-bit length field can describe. */
    public static final int MAX_LENGTH = 0xFFFF;

    public TpktHeader {
        if (length < SIZE || length > MAX_LENGTH) {
            throw new IllegalArgumentException("TPKT length out of range: " + length);
        }
    }

    /** Decodes the header and checks that the whole frame it announces is readable. */
    public static TpktHeader decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        int version = src.readUnsignedByte();
        if (version != VERSION) {
            throw DecodeException.unsupportedVersion(NAME, version);
        }
        src.skipBytes(1); // reserved
        // Big-endian per RFC 1006 section 6.
        int length = src.readUnsignedShort();
        if (length < SIZE) {
            throw DecodeException.invalidField(NAME, "length", "smaller than the header: " + length);
        }
        Wire.ensureReadable(src, length - SIZE, NAME);
        return new TpktHeader(length);
    }

    /** The number of bytes that follow the header. */
    public int payloadLength() {
        return length - SIZE;
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(VERSION);
        dst.writeByte(0);
        dst.writeShort(length); // Big-endian per RFC 1006 section 6.
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
