package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * A GCC user data block ([MS-RDPBCGR] 2.2.1.3.1 TS_UD_HEADER): type (2), length (2, including this header), body.
 * Implementations provide the body; the header is written here.
 */
public interface DataBlock extends Encodable {
    int HEADER_SIZE = 2 /* type */ + 2 /* length */;

    /** The block type (CS_* or SC_*). */
    int type();

    void encodeBody(ByteBuf dst);

    int bodySize();

    @Override
    default void encode(ByteBuf dst) {
        dst.writeShortLE(type());
        dst.writeShortLE(size());
        encodeBody(dst);
    }

    @Override
    default int size() {
        return HEADER_SIZE + bodySize();
    }

    /** A block header read from the wire: the type and a slice holding exactly the body. */
    record Header(int type, ByteBuf body) {
        public static Header read(ByteBuf src, String pdu) {
            Wire.ensureReadable(src, HEADER_SIZE, pdu);
            int type = src.readUnsignedShortLE();
            int length = src.readUnsignedShortLE();
            if (length < HEADER_SIZE) {
                throw DecodeException.invalidField(pdu, "length", "block length " + length + " < 4 (type 0x"
                        + Integer.toHexString(type) + ")");
            }
            return new Header(type, Wire.readSlice(src, length - HEADER_SIZE, pdu, "length"));
        }
    }
}
