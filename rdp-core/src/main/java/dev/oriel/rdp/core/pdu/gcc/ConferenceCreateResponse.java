package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Per;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * [MS-RDPBCGR] 2.2.1.4 GCC Conference Create Response in a T.124 ConnectData structure (PER): T.124 OID,
 * ConnectGCCPDU choice conferenceCreateResponse (0x14), nodeID 0x79F3, tag 1, result success, one user data set keyed
 * by H.221 "McDn" holding the server blocks.
 */
public record ConferenceCreateResponse(ServerDataBlocks serverData) implements Encodable {
    public static final String NAME = "ConferenceCreateResponse";
    static final byte[] H221_SERVER_KEY = "McDn".getBytes(StandardCharsets.US_ASCII);
    /** choice 0x14, nodeID 0x79F3 − 1001, tag (length 1, value 1), result 0, 1 set, choice 0xC0, key length 0 (+4). */
    static final byte[] CREATE_RESPONSE_HEADER = {0x14, 0x76, 0x0A, 0x01, 0x01, 0x00, 0x01, (byte) 0xC0, 0x00};

    public static ConferenceCreateResponse decode(ByteBuf src) {
        Per.expectObjectIdentifier(src, ConferenceCreateRequest.CONNECT_DATA_OID, NAME);
        Per.readLength(src, NAME, "connectPDU length");
        int choice = Per.readUnsignedByte(src, NAME);
        if (choice != 0x14) {
            throw DecodeException.unexpectedMessageType(NAME, choice);
        }
        Per.readInteger16(src, 1001, NAME); // nodeID
        Per.readInteger(src, NAME, "tag");
        int result = Per.readUnsignedByte(src, NAME);
        if (result != 0) {
            throw DecodeException.invalidField(NAME, "result", "conference create failed: " + result);
        }
        int sets = Per.readUnsignedByte(src, NAME);
        if (sets != 1) {
            throw DecodeException.invalidField(NAME, "number of UserData sets", "expected 1, got " + sets);
        }
        if (Per.readUnsignedByte(src, NAME) != 0xC0) {
            throw DecodeException.invalidField(NAME, "UserData choice", "expected h221NonStandard (0xC0)");
        }
        byte[] key = Per.readOctetString(src, 4, NAME, "h221NonStandard").toArray();
        if (!java.util.Arrays.equals(key, H221_SERVER_KEY)) {
            throw DecodeException.invalidField(NAME, "h221NonStandard", "expected \"McDn\"");
        }
        int length = Per.readLength(src, NAME, "userData length");
        ByteBuf blocks = Wire.readSlice(src, length, NAME, "userData length");
        return new ConferenceCreateResponse(ServerDataBlocks.decode(blocks));
    }

    @Override
    public void encode(ByteBuf dst) {
        int blocks = serverData.size();
        dst.writeBytes(ConferenceCreateRequest.CONNECT_DATA_OID);
        // connectPDU length as FreeRDP and Windows write it: user data plus 14.
        Per.writeLength(dst, blocks + 14);
        dst.writeBytes(CREATE_RESPONSE_HEADER);
        dst.writeBytes(H221_SERVER_KEY);
        Per.writeLength(dst, blocks);
        serverData.encode(dst);
    }

    @Override
    public int size() {
        int blocks = serverData.size();
        return ConferenceCreateRequest.CONNECT_DATA_OID.length + Per.lengthSize(blocks + 14)
                + CREATE_RESPONSE_HEADER.length + 4 + Per.lengthSize(blocks) + blocks;
    }

    @Override
    public String name() {
        return NAME;
    }
}
