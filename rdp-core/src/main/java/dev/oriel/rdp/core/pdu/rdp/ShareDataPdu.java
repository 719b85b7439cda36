package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.8.1.1.1.2 Share Data Header (TS_SHAREDATAHEADER) and the data PDU it carries: shareId (4),
 * pad (1), streamId (1), uncompressedLength (2), pduType2 (1), compressedType (1), compressedLength (2), body.
 *
 * <p>uncompressedLength is written as the body length, as FreeRDP and IronRDP do, and not checked on input
 * (implementations disagree on what it counts). Compressed data is refused: Oriel never offers bulk compression
 * to clients (P-CORE-7).
 */
public record ShareDataPdu(int pduSource, long shareId, int streamId, ShareDataBody body) implements ShareControlPdu {
    public static final String NAME = "ShareDataPdu";
    static final int DATA_HEADER_SIZE = 4 /* shareId */ + 1 /* pad1 */ + 1 /* streamId */ + 2 /* uncompressedLength */
            + 1 /* pduType2 */ + 1 /* compressedType */ + 2 /* compressedLength */;

    public static final int STREAM_UNDEFINED = 0x00;
    public static final int STREAM_LOW = 0x01;
    public static final int STREAM_MED = 0x02;
    public static final int STREAM_HI = 0x04;
    static final int PACKET_COMPRESSED = 0x20;

    static ShareDataPdu decodeBody(ByteBuf src, int pduSource) {
        Wire.ensureReadable(src, DATA_HEADER_SIZE, NAME);
        long shareId = src.readUnsignedIntLE();
        src.skipBytes(1);
        int streamId = src.readUnsignedByte();
        src.skipBytes(2); // uncompressedLength
        int pduType2 = src.readUnsignedByte();
        int compressedType = src.readUnsignedByte();
        src.skipBytes(2); // compressedLength
        if ((compressedType & PACKET_COMPRESSED) != 0) {
            throw DecodeException.unsupportedValue(NAME, "compressedType", "compressed data (0x"
                    + Integer.toHexString(compressedType) + ")");
        }
        ShareDataBody body = ShareDataBody.decode(pduType2, src);
        return new ShareDataPdu(pduSource, shareId, streamId, body);
    }

    @Override
    public int pduType() {
        return PDUTYPE_DATAPDU;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) shareId);
        dst.writeByte(0);
        dst.writeByte(streamId);
        dst.writeShortLE(body.size());
        dst.writeByte(body.pduType2());
        dst.writeByte(0);
        dst.writeShortLE(0);
        body.encode(dst);
    }

    @Override
    public int bodySize() {
        return DATA_HEADER_SIZE + body.size();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A pduType2 Oriel does not model, kept raw. */
    public record Unknown(int pduType2, Bytes data) implements ShareDataBody {
        @Override
        public void encode(ByteBuf dst) {
            data.writeTo(dst);
        }

        @Override
        public int size() {
            return data.length();
        }

        @Override
        public String name() {
            return "UnknownShareData(0x" + Integer.toHexString(pduType2) + ")";
        }
    }
}
