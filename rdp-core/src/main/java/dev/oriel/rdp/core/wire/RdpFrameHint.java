package dev.oriel.rdp.core.wire;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;

/**
 * Frame lengths of an RDP byte stream after the X.224 phase: a TPKT frame (first byte {@code 0x03},
 * [MS-RDPBCGR] 2.2.1) or a fast-path PDU (action bits 0, [MS-RDPBCGR] 2.2.8.1.2 / 2.2.9.1.2). Peeks only.
 */
public final class RdpFrameHint implements FrameHint {
    public static final String NAME = "RdpFrame";
    /** Only TPKT frames are valid (before activation, fast-path input is not expected but still framed). */
    public static final RdpFrameHint TPKT_OR_FAST_PATH = new RdpFrameHint();

    private static final int TPKT_VERSION = 3;
    private static final int TPKT_MIN = 4 + 3; // header + the shortest X.224 TPDU

    private RdpFrameHint() {
    }

    @Override
    public int findFrameLength(ByteBuf in) {
        int r = in.readerIndex();
        if (in.readableBytes() < 1) {
            return NEED_MORE;
        }
        int first = in.getUnsignedByte(r);
        int action = first & 0x03;
        if (action == 0x03) {
            if (first != TPKT_VERSION) {
                throw DecodeException.unsupportedVersion(NAME, first);
            }
            if (in.readableBytes() < 4) {
                return NEED_MORE;
            }
            // Big-endian per RFC 1006 section 6.
            int length = in.getUnsignedShort(r + 2);
            if (length < TPKT_MIN) {
                throw DecodeException.invalidField(NAME, "TPKT length", "too small: " + length);
            }
            return length;
        }
        if (action != 0x00) {
            throw DecodeException.invalidField(NAME, "action", "neither TPKT nor fast-path: 0x" + Integer.toHexString(first));
        }
        if (in.readableBytes() < 2) {
            return NEED_MORE;
        }
        int b1 = in.getUnsignedByte(r + 1);
        int length;
        int headerBytes;
        if ((b1 & 0x80) != 0) {
            if (in.readableBytes() < 3) {
                return NEED_MORE;
            }
            // Big-endian 15-bit length per [MS-RDPBCGR] 2.2.8.1.2 (length1/length2).
            length = ((b1 & 0x7F) << 8) | in.getUnsignedByte(r + 2);
            headerBytes = 3;
        } else {
            length = b1;
            headerBytes = 2;
        }
        if (length < headerBytes) {
            throw DecodeException.invalidField(NAME, "fast-path length", "smaller than its header: " + length);
        }
        return length;
    }
}
