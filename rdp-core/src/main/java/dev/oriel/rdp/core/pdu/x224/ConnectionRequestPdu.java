package dev.oriel.rdp.core.pdu.x224;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.pdu.tpkt.TpktHeader;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * [MS-RDPBCGR] 2.2.1.1 Client X.224 Connection Request PDU, as a whole TPKT frame.
 *
 * <pre>
 * tpktHeader (4) | LI (1) | CR_CDT 0xE0 (1) | DST-REF (2) | SRC-REF (2) | class 0 (1)
 * | routingToken or cookie ("...\r\n", optional) | rdpNegReq (8, optional) | rdpCorrelationInfo (36, optional)
 * </pre>
 *
 * @param cookie             the IDENTIFIER of {@code Cookie: mstshash=IDENTIFIER\r\n}, usually the user name
 * @param routingToken       any other {@code Cookie: ...} line (load-balancer routing token), without its CR LF
 * @param negotiationRequest absent for legacy clients that only speak Standard RDP Security
 * @param correlationInfo    present when the request's flags carry CORRELATION_INFO_PRESENT
 */
public record ConnectionRequestPdu(
        Optional<String> cookie,
        Optional<String> routingToken,
        Optional<NegotiationRequest> negotiationRequest,
        Optional<CorrelationInfo> correlationInfo) implements Encodable {

    public static final String NAME = "ConnectionRequestPdu";
    static final int CR_CDT = 0xE0;
    static final int FIXED_PART_SIZE = TpktHeader.SIZE + 1 /* LI */ + 1 /* CR_CDT */ + 2 /* DST-REF */
            + 2 /* SRC-REF */ + 1 /* class option */;
    static final String COOKIE_PREFIX = "Cookie: mstshash=";
    static final String TOKEN_PREFIX = "Cookie: ";

    public ConnectionRequestPdu {
        if (cookie.isPresent() && routingToken.isPresent()) {
            throw new IllegalArgumentException("cookie and routingToken are mutually exclusive");
        }
        if (correlationInfo.isPresent() && negotiationRequest.isEmpty()) {
            throw new IllegalArgumentException("correlationInfo needs a negotiationRequest");
        }
    }

    /** The protocols the client asked for; {@link SecurityProtocol#RDP} when it sent no negotiation request. */
    public int requestedProtocols() {
        return negotiationRequest.map(NegotiationRequest::requestedProtocols).orElse(SecurityProtocol.RDP);
    }

    /** Decodes a whole TPKT frame. */
    public static ConnectionRequestPdu decode(ByteBuf src) {
        TpktHeader tpkt = TpktHeader.decode(src);
        ByteBuf x224 = src.readSlice(tpkt.payloadLength());
        Wire.ensureReadable(x224, FIXED_PART_SIZE - TpktHeader.SIZE, NAME);
        int li = x224.readUnsignedByte();
        if (li != tpkt.payloadLength() - 1) {
            throw DecodeException.invalidField(NAME, "LI", li + " does not match the TPKT length " + tpkt.length());
        }
        int code = x224.readUnsignedByte();
        if ((code & 0xF0) != CR_CDT) {
            throw DecodeException.unexpectedMessageType(NAME, code);
        }
        x224.skipBytes(2 + 2); // DST-REF, SRC-REF
        int classOption = x224.readUnsignedByte();
        if (classOption != 0) {
            throw DecodeException.invalidField(NAME, "class", "must be 0, was " + classOption);
        }

        Optional<String> cookie = Optional.empty();
        Optional<String> token = Optional.empty();
        if (startsWith(x224, TOKEN_PREFIX)) {
            int lineLength = findCrLf(x224);
            if (lineLength < 0) {
                throw DecodeException.invalidField(NAME, "cookie", "not terminated by CR LF");
            }
            String line = x224.toString(x224.readerIndex(), lineLength, StandardCharsets.ISO_8859_1);
            x224.skipBytes(lineLength + 2);
            if (line.startsWith(COOKIE_PREFIX)) {
                cookie = Optional.of(line.substring(COOKIE_PREFIX.length()));
            } else {
                token = Optional.of(line);
            }
        }

        Optional<NegotiationRequest> neg = Optional.empty();
        Optional<CorrelationInfo> correlation = Optional.empty();
        if (x224.isReadable()) {
            NegotiationRequest req = NegotiationRequest.decode(x224);
            neg = Optional.of(req);
            if (req.hasFlag(NegotiationRequest.CORRELATION_INFO_PRESENT)) {
                correlation = Optional.of(CorrelationInfo.decode(x224));
            }
        }
        Wire.ensureFullyConsumed(x224, NAME);
        return new ConnectionRequestPdu(cookie, token, neg, correlation);
    }

    private static boolean startsWith(ByteBuf buf, String prefix) {
        if (buf.readableBytes() < prefix.length()) {
            return false;
        }
        return buf.toString(buf.readerIndex(), prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix);
    }

    /** Offset of CR LF from the reader index, or -1. */
    private static int findCrLf(ByteBuf buf) {
        int start = buf.readerIndex();
        int end = buf.writerIndex() - 1;
        for (int i = start; i < end; i++) {
            if (buf.getByte(i) == '\r' && buf.getByte(i + 1) == '\n') {
                return i - start;
            }
        }
        return -1;
    }

    private byte[] lineBytes() {
        String line = cookie.map(c -> COOKIE_PREFIX + c).or(() -> routingToken).orElse(null);
        return line == null ? new byte[0] : (line + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void encode(ByteBuf dst) {
        int size = size();
        new TpktHeader(size).encode(dst);
        dst.writeByte(size - TpktHeader.SIZE - 1); // LI counts the bytes after itself
        dst.writeByte(CR_CDT);
        dst.writeShort(0); // DST-REF
        dst.writeShort(0); // SRC-REF
        dst.writeByte(0); // class option
        dst.writeBytes(lineBytes());
        negotiationRequest.ifPresent(n -> n.encode(dst));
        correlationInfo.ifPresent(c -> c.encode(dst));
    }

    @Override
    public int size() {
        return FIXED_PART_SIZE + lineBytes().length
                + (negotiationRequest.isPresent() ? NegotiationRequest.SIZE : 0)
                + (correlationInfo.isPresent() ? CorrelationInfo.SIZE : 0);
    }

    @Override
    public String name() {
        return NAME;
    }
}
