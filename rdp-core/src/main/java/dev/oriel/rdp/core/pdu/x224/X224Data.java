package dev.oriel.rdp.core.pdu.x224;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.pdu.tpkt.TpktHeader;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * TPKT + X.224 Data TPDU framing ([MS-RDPBCGR] 2.2.1.3 x224Data, X.224 section 13.7): the 7 bytes
 * {@code 03 00 LL LL 02 F0 80} that precede every MCS PDU.
 */
public final class X224Data {
    public static final String NAME = "X224Data";
    /** TPKT (4) + LI (1) + DT (1) + EOT (1). */
    public static final int HEADER_SIZE = TpktHeader.SIZE + 3;
    static final int LI = 2;
    static final int DT = 0xF0;
    static final int EOT = 0x80;

    private X224Data() {
    }

    /**
     * Reads the TPKT and X.224 Data headers of a whole frame and returns a slice of the payload (the MCS PDU).
     * The slice is not retained; it is valid while {@code frame} is.
     */
    public static ByteBuf unwrap(ByteBuf frame) {
        TpktHeader tpkt = TpktHeader.decode(frame);
        Wire.ensureReadable(frame, 3, NAME);
        int li = frame.readUnsignedByte();
        int code = frame.readUnsignedByte();
        if (code != DT) {
            throw DecodeException.unexpectedMessageType(NAME, code);
        }
        if (li != LI) {
            throw DecodeException.invalidField(NAME, "LI", "must be 2, was " + li);
        }
        int eot = frame.readUnsignedByte();
        if (eot != EOT) {
            throw DecodeException.invalidField(NAME, "EOT", "must be 0x80, was 0x" + Integer.toHexString(eot));
        }
        return frame.readSlice(tpkt.length() - HEADER_SIZE);
    }

    /** Writes the 7-byte header for a payload of {@code payloadLength} bytes. */
    public static void writeHeader(ByteBuf dst, int payloadLength) {
        new TpktHeader(HEADER_SIZE + payloadLength).encode(dst);
        dst.writeByte(LI);
        dst.writeByte(DT);
        dst.writeByte(EOT);
    }
}
