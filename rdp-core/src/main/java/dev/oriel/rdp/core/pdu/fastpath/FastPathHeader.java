package dev.oriel.rdp.core.pdu.fastpath;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * The length field shared by fast-path input and output PDUs ([MS-RDPBCGR] 2.2.8.1.2, 2.2.9.1.2): one byte below
 * 0x80, else two bytes with the top bit of the first set (a 15-bit big-endian length). The length counts the whole
 * PDU, header byte included.
 */
public final class FastPathHeader {
    private FastPathHeader() {
    }

    /** Bytes the length field takes for a PDU whose header byte and body total {@code bodyPlusHeader} bytes. */
    public static int totalLength(int bodyPlusHeaderByte) {
        return bodyPlusHeaderByte + 1 < 0x80 ? bodyPlusHeaderByte + 1 : bodyPlusHeaderByte + 2;
    }

    /** Writes the length field for a PDU of {@code total} bytes. */
    public static void writeLength(ByteBuf dst, int total) {
        if (total < 0x80) {
            dst.writeByte(total);
        } else if (total <= 0x7FFF) {
            dst.writeShort(0x8000 | total); // Big-endian per [MS-RDPBCGR] 2.2.9.1.2 length1/length2.
        } else {
            throw new IllegalArgumentException("fast-path PDU too long: " + total);
        }
    }

    /**
     * Reads the length field at the reader index (after the header byte) and checks it equals the bytes of the
     * frame: returns the number of bytes left for the body.
     */
    static int readLength(ByteBuf src, int frameStart, String pdu) {
        Wire.ensureReadable(src, 1, pdu);
        int b1 = src.readUnsignedByte();
        int length = b1;
        if ((b1 & 0x80) != 0) {
            Wire.ensureReadable(src, 1, pdu);
            length = ((b1 & 0x7F) << 8) | src.readUnsignedByte(); // Big-endian per [MS-RDPBCGR] 2.2.8.1.2.
        }
        int consumed = src.readerIndex() - frameStart;
        if (length < consumed || length - consumed > src.readableBytes()) {
            throw DecodeException.invalidField(pdu, "length", length + " does not match the frame ("
                    + (consumed + src.readableBytes()) + " bytes)");
        }
        return length - consumed;
    }
}
