package dev.oriel.rdp.core.pdu.x224;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.pdu.tpkt.TpktHeader;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * [MS-RDPBCGR] 2.2.1.2 Server X.224 Connection Confirm PDU, as a whole TPKT frame.
 *
 * <pre>
 * tpktHeader (4) | LI (1) | CC_CDT 0xD0 (1) | DST-REF (2) | SRC-REF (2) | class 0 (1)
 * | rdpNegData: RDP_NEG_RSP or RDP_NEG_FAILURE (8, optional)
 * </pre>
 *
 * @param outcome absent only when answering a legacy request that carried no RDP_NEG_REQ
 */
public record ConnectionConfirmPdu(Optional<NegotiationOutcome> outcome) implements Encodable {
    public static final String NAME = "ConnectionConfirmPdu";
    static final int CC_CDT = 0xD0;
    static final int FIXED_PART_SIZE = TpktHeader.SIZE + 1 /* LI */ + 1 /* CC_CDT */ + 2 /* DST-REF */
            + 2 /* SRC-REF */ + 1 /* class option */;

    public static ConnectionConfirmPdu of(NegotiationOutcome outcome) {
        return new ConnectionConfirmPdu(Optional.of(outcome));
    }

    /** Decodes a whole TPKT frame. */
    public static ConnectionConfirmPdu decode(ByteBuf src) {
        TpktHeader tpkt = TpktHeader.decode(src);
        ByteBuf x224 = src.readSlice(tpkt.payloadLength());
        Wire.ensureReadable(x224, FIXED_PART_SIZE - TpktHeader.SIZE, NAME);
        int li = x224.readUnsignedByte();
        if (li != tpkt.payloadLength() - 1) {
            throw DecodeException.invalidField(NAME, "LI", li + " does not match the TPKT length " + tpkt.length());
        }
        int code = x224.readUnsignedByte();
        if ((code & 0xF0) != CC_CDT) {
            throw DecodeException.unexpectedMessageType(NAME, code);
        }
        x224.skipBytes(2 + 2 + 1); // DST-REF, SRC-REF, class option
        Optional<NegotiationOutcome> outcome = x224.isReadable()
                ? Optional.of(NegotiationOutcome.decode(x224)) : Optional.empty();
        Wire.ensureFullyConsumed(x224, NAME);
        return new ConnectionConfirmPdu(outcome);
    }

    @Override
    public void encode(ByteBuf dst) {
        int size = size();
        new TpktHeader(size).encode(dst);
        dst.writeByte(size - TpktHeader.SIZE - 1); // LI counts the bytes after itself
        dst.writeByte(CC_CDT);
        dst.writeShort(0); // DST-REF
        dst.writeShort(0); // SRC-REF
        dst.writeByte(0); // class option
        outcome.ifPresent(o -> o.encode(dst));
    }

    @Override
    public int size() {
        return FIXED_PART_SIZE + (outcome.isPresent() ? NegotiationOutcome.SIZE : 0);
    }

    @Override
    public String name() {
        return NAME;
    }
}
