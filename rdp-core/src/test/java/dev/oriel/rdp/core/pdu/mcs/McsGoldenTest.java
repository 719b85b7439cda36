package dev.oriel.rdp.core.pdu.mcs;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.PduAssertions;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** IronRDP's mcs.rs vectors (fixtures/conformance, MANIFEST.tsv) and the conformance README C3 values. */
class McsGoldenTest {
    private static byte[] vector(String name) {
        return Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__mcs.rs__" + name);
    }

    static Stream<Arguments> domainPdus() {
        return Stream.of(
                Arguments.of("ERECT_DOMAIN_PDU_BUFFER", new ErectDomainRequest(0, 0)),
                Arguments.of("ATTACH_USER_REQUEST_PDU_BUFFER", new AttachUserRequest()),
                Arguments.of("ATTACH_USER_CONFIRM_PDU_BUFFER", new AttachUserConfirm(0, OptionalInt.of(1007))),
                Arguments.of("CHANNEL_JOIN_REQUEST_PDU_BUFFER", new ChannelJoinRequest(1007, 1007)),
                Arguments.of("CHANNEL_JOIN_CONFIRM_PDU_BUFFER", new ChannelJoinConfirm(0, 1007, 1007, OptionalInt.of(1007))),
                Arguments.of("DISCONNECT_PROVIDER_ULTIMATUM_PDU_BUFFER",
                        new DisconnectProviderUltimatum(DisconnectProviderUltimatum.RN_USER_REQUESTED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainPdus")
    void domainPduGolden(String vector, McsDomainPdu expected) {
        byte[] wire = vector(vector);
        assertGolden(expected, wire, McsDomainPdu::decode);
        assertEveryTruncationRejected(wire, McsDomainPdu::decode);
    }

    @Test
    void sendDataIndicationHeader() {
        byte[] prefix = vector("SEND_DATA_INDICATION_PDU_BUFFER_PREFIX");
        SendDataHeader expected = SendDataHeader.indication(1002, 1003, 0x14);
        PduAssertions.assertEncodes(expected, prefix);
        byte[] withPayload = new byte[prefix.length + 0x14];
        System.arraycopy(prefix, 0, withPayload, 0, prefix.length);
        var buf = io.netty.buffer.Unpooled.wrappedBuffer(withPayload);
        try {
            assertThat(McsDomainPdu.decode(buf)).isEqualTo(expected);
            assertThat(buf.readableBytes()).as("payload left for the caller").isEqualTo(0x14);
        } finally {
            buf.release();
        }
        // The payload must be present: a header announcing more than the buffer holds is rejected.
        assertThat(assertRejected(prefix, McsDomainPdu::decode).getMessage())
                .isEqualTo("SendDataHeader: invalid userData length: 20 exceeds the 0 remaining bytes");
    }

    @Test
    void sendDataRequestHeaderWithTwoByteLength() {
        byte[] prefix = vector("SEND_DATA_REQUEST_PDU_BUFFER_PREFIX");
        SendDataHeader expected = SendDataHeader.request(1007, 1003, 0x192);
        PduAssertions.assertEncodes(expected, prefix);
    }

    @Test
    void sendDataAcceptsTheTwoByteLengthFormForShortPayloads() {
        // FreeRDP always writes the 2-byte PER length; decoding must accept it for small values too.
        byte[] wire = hex("64000603eb70800201ff");
        var buf = io.netty.buffer.Unpooled.wrappedBuffer(wire);
        try {
            SendDataHeader h = (SendDataHeader) McsDomainPdu.decode(buf);
            assertThat(h.userDataLength()).isEqualTo(2);
            assertThat(h.kind()).isEqualTo(SendDataHeader.Kind.REQUEST);
        } finally {
            buf.release();
        }
    }

    @Test
    void rejectsUnknownChoiceAndBadReason() {
        assertThat(assertRejected(hex("4c00"), McsDomainPdu::decode).error())
                .isEqualTo(new DecodeError.UnexpectedMessageType(19));
        assertThat(assertRejected(hex("2380"), McsDomainPdu::decode).error())
                .isInstanceOf(DecodeError.InvalidField.class);
        assertThat(assertRejected(new byte[0], McsDomainPdu::decode).error())
                .isInstanceOf(DecodeError.NotEnoughBytes.class);
    }

    @Test
    void connectInitialPrefixMatchesIronRdp() {
        // The 107-byte prefix covers everything up to the user data's octet-string header (0x133 bytes follow).
        byte[] prefix = vector("CONNECT_INITIAL_PREFIX_BUFFER");
        assertThat(prefix).hasSize(107);
        var buf = io.netty.buffer.Unpooled.wrappedBuffer(prefix);
        try {
            assertThat(PduAssertions.hex(prefix)).startsWith("7f65820199" + "040101" + "040101" + "0101ff");
            buf.skipBytes(5);
            buf.skipBytes(3 + 3 + 3);
            assertThat(DomainParameters.decode(buf)).isEqualTo(new DomainParameters(34, 2, 0, 1, 0, 1, 0xFFFF, 2));
            assertThat(DomainParameters.decode(buf)).isEqualTo(new DomainParameters(1, 1, 1, 1, 0, 1, 0x420, 2));
            assertThat(DomainParameters.decode(buf)).isEqualTo(new DomainParameters(0xFFFF, 0xFC17, 0xFFFF, 1, 0, 1, 0xFFFF, 2));
        } finally {
            buf.release();
        }
        assertThat(PduAssertions.hex(new DomainParameters(34, 2, 0, 1, 0, 1, 0xFFFF, 2).toByteArray()))
                .isEqualTo("301a020122020102020100020101020100020101020300ffff020102");
    }

    @Test
    void connectResponseDomainParametersMatchIronRdp() {
        byte[] prefix = vector("CONNECT_RESPONSE_PREFIX_BUFFER");
        // 7f66 820146 | 0a0100 | 020100 | DomainParameters | 04 820120
        assertThat(PduAssertions.hex(prefix)).startsWith("7f668201460a0100020100");
        var params = new DomainParameters(34, 3, 0, 1, 0, 1, 0xFFF8, 2);
        assertThat(PduAssertions.hex(prefix)).contains(PduAssertions.hex(params.toByteArray()));
        assertThat(PduAssertions.hex(prefix)).endsWith("04820120");
    }
}
