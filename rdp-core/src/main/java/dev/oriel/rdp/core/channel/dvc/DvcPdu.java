package dev.oriel.rdp.core.channel.dvc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * A DRDYNVC PDU ([MS-RDPEDYC] 2.2): a header byte (cbId in bits 0–1, Sp in bits 2–3, Cmd in bits 4–7) and a body.
 * Variable-size fields use the cb codes 0 → 1 byte, 1 → 2 bytes, 2 → 4 bytes; the records keep the widths they
 * were received with, so decode → encode is exact, and the factories pick the smallest.
 *
 * <p>The same Cmd means request or response depending on the direction, hence two decoders.
 */
public sealed interface DvcPdu extends Encodable {
    String NAME = "DvcPdu";

    int CMD_CREATE = 0x01;
    int CMD_DATA_FIRST = 0x02;
    int CMD_DATA = 0x03;
    int CMD_CLOSE = 0x04;
    int CMD_CAPABILITY = 0x05;
    int CMD_DATA_FIRST_COMPRESSED = 0x06;
    int CMD_DATA_COMPRESSED = 0x07;
    int CMD_SOFT_SYNC_REQUEST = 0x08;
    int CMD_SOFT_SYNC_RESPONSE = 0x09;

    /** A PDU sent by the client. */
    static DvcPdu decodeFromClient(ByteBuf src) {
        return decode(src, true);
    }

    /** A PDU sent by the server (for the client test kit). */
    static DvcPdu decodeFromServer(ByteBuf src) {
        return decode(src, false);
    }

    private static DvcPdu decode(ByteBuf src, boolean fromClient) {
        Wire.ensureReadable(src, 1, NAME);
        int header = src.readUnsignedByte();
        int cbId = header & 0x03;
        int sp = (header >> 2) & 0x03;
        int cmd = header >> 4;
        DvcPdu pdu = switch (cmd) {
            case CMD_CAPABILITY -> fromClient ? CapabilitiesResponse.decodeBody(src) : CapabilitiesRequest.decodeBody(src);
            case CMD_CREATE -> fromClient ? new CreateResponse(cbId, readVar(src, cbId, "ChannelId"), readStatus(src))
                    : new CreateRequest(cbId, sp, readVar(src, cbId, "ChannelId"), readName(src));
            case CMD_DATA_FIRST -> {
                long id = readVar(src, cbId, "ChannelId");
                long length = readVar(src, sp, "Length");
                yield new DataFirst(cbId, sp, id, length, Bytes.read(src, src.readableBytes()));
            }
            case CMD_DATA -> new Data(cbId, readVar(src, cbId, "ChannelId"), Bytes.read(src, src.readableBytes()));
            case CMD_CLOSE -> new Close(cbId, readVar(src, cbId, "ChannelId"));
            case CMD_DATA_FIRST_COMPRESSED, CMD_DATA_COMPRESSED, CMD_SOFT_SYNC_REQUEST, CMD_SOFT_SYNC_RESPONSE ->
                    new Raw(header, Bytes.read(src, src.readableBytes()));
            default -> throw DecodeException.invalidField(NAME, "Cmd", "unknown 0x" + Integer.toHexString(cmd));
        };
        Wire.ensureFullyConsumed(src, pdu.name());
        return pdu;
    }

    /** Reads a field of cb code {@code cb}. */
    static long readVar(ByteBuf src, int cb, String field) {
        return switch (cb) {
            case 0 -> {
                Wire.ensureReadable(src, 1, NAME);
                yield src.readUnsignedByte();
            }
            case 1 -> {
                Wire.ensureReadable(src, 2, NAME);
                yield src.readUnsignedShortLE();
            }
            case 2 -> {
                Wire.ensureReadable(src, 4, NAME);
                yield src.readUnsignedIntLE();
            }
            default -> throw DecodeException.invalidField(NAME, field, "invalid size code 3");
        };
    }

    static void writeVar(ByteBuf dst, int cb, long value) {
        switch (cb) {
            case 0 -> dst.writeByte((int) value);
            case 1 -> dst.writeShortLE((int) value);
            default -> dst.writeIntLE((int) value);
        }
    }

    static int varSize(int cb) {
        return cb == 0 ? 1 : cb == 1 ? 2 : 4;
    }

    /** The smallest cb code that holds {@code value}. */
    static int cbFor(long value) {
        return value <= 0xFF ? 0 : value <= 0xFFFF ? 1 : 2;
    }

    private static int readStatus(ByteBuf src) {
        Wire.ensureReadable(src, 4, NAME);
        return src.readIntLE();
    }

    private static String readName(ByteBuf src) {
        int nul = src.indexOf(src.readerIndex(), src.writerIndex(), (byte) 0);
        if (nul < 0) {
            throw DecodeException.invalidField(NAME, "ChannelName", "not NUL-terminated");
        }
        String name = src.toString(src.readerIndex(), nul - src.readerIndex(), StandardCharsets.US_ASCII);
        src.readerIndex(nul + 1);
        return name;
    }

    private static void checkCb(int cb, long value, String field) {
        if (cb < 0 || cb > 2 || value < 0 || value > (cb == 0 ? 0xFF : cb == 1 ? 0xFFFF : 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException(field + " " + value + " does not fit size code " + cb);
        }
    }

    /** [MS-RDPEDYC] 2.2.1.1.1/2/3 DYNVC_CAPS_VERSION1/2/3 (server → client). */
    record CapabilitiesRequest(int version, int charge0, int charge1, int charge2, int charge3) implements DvcPdu {
        public CapabilitiesRequest {
            if (version < 1 || version > 3) {
                throw new IllegalArgumentException("version must be 1..3");
            }
        }

        public static CapabilitiesRequest of(int version) {
            return new CapabilitiesRequest(version, 0, 0, 0, 0);
        }

        static CapabilitiesRequest decodeBody(ByteBuf src) {
            Wire.ensureReadable(src, 3, NAME);
            src.skipBytes(1); // Pad
            int version = src.readUnsignedShortLE();
            if (version < 1 || version > 3) {
                throw DecodeException.unsupportedVersion("CapabilitiesRequest", version);
            }
            if (version == 1) {
                return new CapabilitiesRequest(1, 0, 0, 0, 0);
            }
            Wire.ensureReadable(src, 8, NAME);
            return new CapabilitiesRequest(version, src.readUnsignedShortLE(), src.readUnsignedShortLE(),
                    src.readUnsignedShortLE(), src.readUnsignedShortLE());
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeByte(CMD_CAPABILITY << 4);
            dst.writeByte(0);
            dst.writeShortLE(version);
            if (version > 1) {
                // PriorityCharge0..3: v2/v3 requests must carry them; FreeRDP's client rejects a short one (P-DVC-1).
                dst.writeShortLE(charge0);
                dst.writeShortLE(charge1);
                dst.writeShortLE(charge2);
                dst.writeShortLE(charge3);
            }
        }

        @Override
        public int size() {
            return 4 + (version > 1 ? 8 : 0);
        }

        @Override
        public String name() {
            return "DvcCapabilitiesRequest";
        }
    }

    /** [MS-RDPEDYC] 2.2.1.2 DYNVC_CAPS_RSP (client → server). */
    record CapabilitiesResponse(int version) implements DvcPdu {
        static CapabilitiesResponse decodeBody(ByteBuf src) {
            Wire.ensureReadable(src, 3, NAME);
            src.skipBytes(1);
            return new CapabilitiesResponse(src.readUnsignedShortLE());
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeByte(CMD_CAPABILITY << 4);
            dst.writeByte(0);
            dst.writeShortLE(version);
        }

        @Override
        public int size() {
            return 4;
        }

        @Override
        public String name() {
            return "DvcCapabilitiesResponse";
        }
    }

    /** [MS-RDPEDYC] 2.2.2.1 DYNVC_CREATE_REQ (server → client); {@code priority} is the Sp field. */
    record CreateRequest(int cbId, int priority, long channelId, String channelName) implements DvcPdu {
        public CreateRequest {
            checkCb(cbId, channelId, "ChannelId");
            if (!channelName.chars().allMatch(c -> c > 0 && c < 0x80)) {
                throw new IllegalArgumentException("channel name must be ASCII without NUL");
            }
        }

        public static CreateRequest of(long channelId, String name) {
            return new CreateRequest(cbFor(channelId), 0, channelId, name);
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeByte(CMD_CREATE << 4 | priority << 2 | cbId);
            writeVar(dst, cbId, channelId);
            dst.writeBytes(channelName.getBytes(StandardCharsets.US_ASCII));
            dst.writeByte(0);
        }

        @Override
        public int size() {
            return 1 + varSize(cbId) + channelName.length() + 1;
        }

        @Override
        public String name() {
            return "DvcCreateRequest";
        }
    }

    /** [MS-RDPEDYC] 2.2.2.2 DYNVC_CREATE_RSP (client → server): an HRESULT, negative on failure. */
    record CreateResponse(int cbId, long channelId, int creationStatus) implements DvcPdu {
        public CreateResponse {
            checkCb(cbId, channelId, "ChannelId");
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeByte(CMD_CREATE << 4 | cbId);
            writeVar(dst, cbId, channelId);
            dst.writeIntLE(creationStatus);
        }

        @Override
        public int size() {
            return 1 + varSize(cbId) + 4;
        }

        @Override
        public String name() {
            return "DvcCreateResponse";
        }
    }

    /** [MS-RDPEDYC] 2.2.3.1 DYNVC_DATA_FIRST: the first fragment and the total length of a message. */
    record DataFirst(int cbId, int lengthCb, long channelId, long totalLength, Bytes data) implements DvcPdu {
        public DataFirst {
            checkCb(cbId, channelId, "ChannelId");
            checkCb(lengthCb, totalLength, "Length");
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeByte(CMD_DATA_FIRST << 4 | lengthCb << 2 | cbId);
            writeVar(dst, cbId, channelId);
            writeVar(dst, lengthCb, totalLength);
            data.writeTo(dst);
        }

        @Override
        public int size() {
            return 1 + varSize(cbId) + varSize(lengthCb) + data.length();
        }

        @Override
        public String name() {
            return "DvcDataFirst";
        }
    }

    /** [MS-RDPEDYC] 2.2.3.2 DYNVC_DATA: a whole message or a following fragment. */
    record Data(int cbId, long channelId, Bytes data) implements DvcPdu {
        public Data {
            checkCb(cbId, channelId, "ChannelId");
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeByte(CMD_DATA << 4 | cbId);
            writeVar(dst, cbId, channelId);
            data.writeTo(dst);
        }

        @Override
        public int size() {
            return 1 + varSize(cbId) + data.length();
        }

        @Override
        public String name() {
            return "DvcData";
        }
    }

    /** [MS-RDPEDYC] 2.2.4 DYNVC_CLOSE, both directions. */
    record Close(int cbId, long channelId) implements DvcPdu {
        public Close {
            checkCb(cbId, channelId, "ChannelId");
        }

        public static Close of(long channelId) {
            return new Close(cbFor(channelId), channelId);
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeByte(CMD_CLOSE << 4 | cbId);
            writeVar(dst, cbId, channelId);
        }

        @Override
        public int size() {
            return 1 + varSize(cbId);
        }

        @Override
        public String name() {
            return "DvcClose";
        }
    }

    /**
     * PDUs Oriel receives but does not interpret, kept raw: compressed data (only possible with version 3) and the
     * multitransport soft-sync PDUs.
     */
    record Raw(int header, Bytes body) implements DvcPdu {
        public int cmd() {
            return header >> 4;
        }

        @Override
        public void encode(ByteBuf dst) {
            dst.writeByte(header);
            body.writeTo(dst);
        }

        @Override
        public int size() {
            return 1 + body.length();
        }

        @Override
        public String name() {
            return "DvcRaw(cmd 0x" + Integer.toHexString(cmd()) + ")";
        }
    }
}
