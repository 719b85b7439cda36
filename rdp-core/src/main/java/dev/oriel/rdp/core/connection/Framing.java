package dev.oriel.rdp.core.connection;

import dev.oriel.rdp.core.pdu.mcs.SendDataHeader;
import dev.oriel.rdp.core.pdu.x224.X224Data;
import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;

/**
 * Slow-path framing of server output: TPKT + X.224 Data + MCS Send Data Indication (initiator = the server channel)
 * around a payload ([MS-RDPBCGR] 2.2.8.1.1.1.1).
 */
public final class Framing {
    /** TPKT + X.224 Data + the largest Send Data Indication header. */
    public static final int MAX_OVERHEAD = X224Data.HEADER_SIZE + 8;

    private Framing() {
    }

    /** Writes {@code payload} on {@code channelId}. */
    public static void writeSendData(ByteBuf out, int channelId, Encodable payload) {
        int n = payload.size();
        SendDataHeader header = SendDataHeader.indication(Acceptor.SERVER_CHANNEL_ID, channelId, n);
        X224Data.writeHeader(out, header.size() + n);
        header.encode(out);
        payload.encode(out);
    }

    /** Writes the readable bytes of {@code payload} on {@code channelId} (the payload is not released). */
    public static void writeSendData(ByteBuf out, int channelId, ByteBuf payload) {
        int n = payload.readableBytes();
        SendDataHeader header = SendDataHeader.indication(Acceptor.SERVER_CHANNEL_ID, channelId, n);
        X224Data.writeHeader(out, header.size() + n);
        header.encode(out);
        out.writeBytes(payload, payload.readerIndex(), n);
    }

    /** Writes an MCS domain PDU (TPKT + X.224 Data + the PDU). */
    public static void writeMcs(ByteBuf out, Encodable mcsPdu) {
        X224Data.writeHeader(out, mcsPdu.size());
        mcsPdu.encode(out);
    }
}
