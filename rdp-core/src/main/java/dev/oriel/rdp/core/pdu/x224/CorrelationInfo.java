package dev.oriel.rdp.core.pdu.x224;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.1.2 RDP Correlation Info (RDP_NEG_CORRELATION_INFO).
 *
 * @param correlationId 16 bytes identifying the connection in the client's logs
 */
public record CorrelationInfo(Bytes correlationId) implements Encodable {
    public static final String NAME = "CorrelationInfo";
    public static final int TYPE = 0x06;
    public static final int SIZE = 1 /* type */ + 1 /* flags */ + 2 /* length */ + 16 /* correlationId */ + 16 /* reserved */;

    public CorrelationInfo {
        if (correlationId.length() != 16) {
            throw new IllegalArgumentException("correlationId must be 16 bytes");
        }
    }

    public static CorrelationInfo decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        int type = src.readUnsignedByte();
        if (type != TYPE) {
            throw DecodeException.unexpectedMessageType(NAME, type);
        }
        src.skipBytes(1); // flags, must be ignored
        int length = src.readUnsignedShortLE();
        if (length != SIZE) {
            throw DecodeException.invalidField(NAME, "length", "must be 36, was " + length);
        }
        Bytes id = Bytes.read(src, 16);
        src.skipBytes(16); // reserved
        return new CorrelationInfo(id);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(TYPE);
        dst.writeByte(0);
        dst.writeShortLE(SIZE);
        correlationId.writeTo(dst);
        dst.writeZero(16);
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
