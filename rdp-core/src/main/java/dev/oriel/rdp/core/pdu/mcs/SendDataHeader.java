package dev.oriel.rdp.core.pdu.mcs;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Per;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * The header of an MCS Send Data Request (client → server) or Send Data Indication (server → client)
 * ([MS-RDPBCGR] 2.2.8.1.1.1.1, T.125 SendDataRequest): choice, initiator, channelId, priority/segmentation byte
 * and the PER length of the user data.
 *
 * <p>The user data itself is not part of this record, so bulk payloads are never copied: {@link #decode} consumes
 * only the header and checks that {@code userDataLength} bytes follow; {@link #encode} writes only the header and
 * the caller writes the payload after it.
 */
public record SendDataHeader(Kind kind, int initiator, int channelId, int dataPriority, int segmentation,
        int userDataLength) implements McsDomainPdu {

    public static final String NAME = "SendDataHeader";
    /** Priority high with segmentation begin|end, the byte every RDP implementation writes (0x70). */
    public static final int DEFAULT_PRIORITY = 1;
    public static final int SEGMENTATION_BEGIN_END = 3;

    public enum Kind {
        REQUEST(SEND_DATA_REQUEST), INDICATION(SEND_DATA_INDICATION);

        final int choice;

        Kind(int choice) {
            this.choice = choice;
        }
    }

    public SendDataHeader {
        Wire.requireUnsigned(dataPriority, 3, "dataPriority");
        Wire.requireUnsigned(segmentation, 3, "segmentation");
        Wire.requireUnsigned(userDataLength, 0x3FFF, "userDataLength");
    }

    /** A server-to-client header as Oriel sends it. */
    public static SendDataHeader indication(int initiator, int channelId, int userDataLength) {
        return new SendDataHeader(Kind.INDICATION, initiator, channelId, DEFAULT_PRIORITY, SEGMENTATION_BEGIN_END,
                userDataLength);
    }

    /** A client-to-server header (for the test kit). */
    public static SendDataHeader request(int initiator, int channelId, int userDataLength) {
        return new SendDataHeader(Kind.REQUEST, initiator, channelId, DEFAULT_PRIORITY, SEGMENTATION_BEGIN_END,
                userDataLength);
    }

    public static SendDataHeader decode(ByteBuf src) {
        Wire.ensureReadable(src, 1 /* choice */ + 2 /* initiator */ + 2 /* channelId */ + 1 /* priority */ + 1, NAME);
        int b = src.readUnsignedByte();
        Kind kind = switch (b >> 2) {
            case SEND_DATA_REQUEST -> Kind.REQUEST;
            case SEND_DATA_INDICATION -> Kind.INDICATION;
            default -> throw DecodeException.unexpectedMessageType(NAME, b >> 2);
        };
        int initiator = Per.readInteger16(src, MCS_BASE_CHANNEL_ID, NAME);
        int channelId = Per.readInteger16(src, 0, NAME);
        int flags = src.readUnsignedByte();
        int length = Per.readLength(src, NAME, "userData length");
        if (src.readableBytes() < length) {
            throw DecodeException.invalidField(NAME, "userData length",
                    length + " exceeds the " + src.readableBytes() + " remaining bytes");
        }
        return new SendDataHeader(kind, initiator, channelId, flags >> 6, (flags >> 4) & 0x03, length);
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(kind.choice << 2);
        Per.writeInteger16(dst, initiator, MCS_BASE_CHANNEL_ID);
        Per.writeInteger16(dst, channelId, 0);
        dst.writeByte(dataPriority << 6 | segmentation << 4);
        Per.writeLength(dst, userDataLength);
    }

    @Override
    public int size() {
        return 1 /* choice */ + 2 /* initiator */ + 2 /* channelId */ + 1 /* priority, segmentation */
                + Per.lengthSize(userDataLength);
    }

    @Override
    public String name() {
        return NAME;
    }
}
