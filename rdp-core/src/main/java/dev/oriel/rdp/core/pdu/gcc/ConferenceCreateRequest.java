package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Per;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * [MS-RDPBCGR] 2.2.1.3.1 GCC Conference Create Request in a T.124 ConnectData structure (PER): T.124 OID,
 * ConnectGCCPDU choice, conference name "1", one user data set keyed by H.221 "Duca" holding the client blocks.
 */
public record ConferenceCreateRequest(ClientDataBlocks clientData) implements Encodable {
    public static final String NAME = "ConferenceCreateRequest";
    /** Choice 0 (ConnectData) followed by the T.124 object identifier 0.0.20.124.0.1 with its length. */
    static final byte[] CONNECT_DATA_OID = {0x00, 0x05, 0x00, 0x14, 0x7C, 0x00, 0x01};
    static final byte[] H221_CLIENT_KEY = "Duca".getBytes(StandardCharsets.US_ASCII);
    /** ConnectGCCPDU choice 0, userData selection 0x08, conference name "1" (length 0, digit 0x10), padding, 1 set,
     * choice 0xC0 (h221NonStandard), H.221 key length 0 (+4). */
    static final byte[] CREATE_REQUEST_HEADER = {0x00, 0x08, 0x00, 0x10, 0x00, 0x01, (byte) 0xC0, 0x00};

    public static ConferenceCreateRequest decode(ByteBuf src) {
        Per.expectObjectIdentifier(src, CONNECT_DATA_OID, NAME);
        Per.readLength(src, NAME, "connectPDU length"); // Not reliable across implementations; the outer BER bounds it.
        int gccChoice = Per.readUnsignedByte(src, NAME);
        if (gccChoice != 0) {
            throw DecodeException.unexpectedMessageType(NAME, gccChoice);
        }
        int selection = Per.readUnsignedByte(src, NAME);
        if ((selection & 0x08) == 0) {
            throw DecodeException.invalidField(NAME, "userData", "ConferenceCreateRequest without user data");
        }
        Per.skipNumericString(src, 1, NAME, "conferenceName");
        Per.readUnsignedByte(src, NAME); // padding
        int sets = Per.readUnsignedByte(src, NAME);
        if (sets != 1) {
            throw DecodeException.invalidField(NAME, "number of UserData sets", "expected 1, got " + sets);
        }
        int valueChoice = Per.readUnsignedByte(src, NAME);
        if (valueChoice != 0xC0) {
            throw DecodeException.invalidField(NAME, "UserData choice", "expected h221NonStandard (0xC0)");
        }
        byte[] key = Per.readOctetString(src, 4, NAME, "h221NonStandard").toArray();
        if (!java.util.Arrays.equals(key, H221_CLIENT_KEY)) {
            throw DecodeException.invalidField(NAME, "h221NonStandard", "expected \"Duca\"");
        }
        int length = Per.readLength(src, NAME, "userData length");
        ByteBuf blocks = Wire.readSlice(src, length, NAME, "userData length");
        ClientDataBlocks data = ClientDataBlocks.decode(blocks);
        return new ConferenceCreateRequest(data);
    }

    @Override
    public void encode(ByteBuf dst) {
        int blocks = clientData.size();
        dst.writeBytes(CONNECT_DATA_OID);
        // The connectPDU length as mstsc and FreeRDP write it: user data plus 14.
        Per.writeLength(dst, blocks + 14);
        dst.writeBytes(CREATE_REQUEST_HEADER);
        dst.writeBytes(H221_CLIENT_KEY);
        Per.writeLength(dst, blocks);
        clientData.encode(dst);
    }

    @Override
    public int size() {
        int blocks = clientData.size();
        return CONNECT_DATA_OID.length + Per.lengthSize(blocks + 14) + CREATE_REQUEST_HEADER.length + 4
                + Per.lengthSize(blocks) + blocks;
    }

    @Override
    public String name() {
        return NAME;
    }
}
