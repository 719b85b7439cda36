package dev.oriel.rdp.core.pdu.x224;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.Unpooled;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Golden vectors from IronRDP's x224 tests (fixtures/conformance, see MANIFEST.tsv). */
class X224GoldenTest {
    private static byte[] vector(String testName) {
        return Fixtures.ironrdp("crates__ironrdp-testsuite-core__tests__pdu__x224.rs__encode_decode_test_" + testName);
    }

    private static final Bytes CORRELATION_ID = Bytes.ofHex("01010101010101010101010101010101");

    static Stream<Arguments> connectionRequests() {
        return Stream.of(
                Arguments.of("nego_connection_request_rdp_security_without_cookie",
                        new ConnectionRequestPdu(Optional.empty(), Optional.empty(),
                                Optional.of(new NegotiationRequest(0, SecurityProtocol.RDP)), Optional.empty())),
                Arguments.of("nego_connection_request_rdp_security_with_cookie",
                        new ConnectionRequestPdu(Optional.of("User"), Optional.empty(),
                                Optional.of(new NegotiationRequest(0, SecurityProtocol.RDP)), Optional.empty())),
                Arguments.of("nego_connection_request_ssl_security_with_cookie",
                        new ConnectionRequestPdu(Optional.of("User"), Optional.empty(),
                                Optional.of(new NegotiationRequest(0, SecurityProtocol.SSL | SecurityProtocol.HYBRID)),
                                Optional.empty())),
                Arguments.of("nego_connection_request_ssl_security_with_flags",
                        new ConnectionRequestPdu(Optional.of("User"), Optional.empty(),
                                Optional.of(new NegotiationRequest(
                                        NegotiationRequest.RESTRICTED_ADMIN_MODE_REQUIRED
                                                | NegotiationRequest.REDIRECTED_AUTHENTICATION_MODE_REQUIRED,
                                        SecurityProtocol.SSL | SecurityProtocol.HYBRID)),
                                Optional.empty())),
                Arguments.of("nego_connection_request_with_correlation_info",
                        new ConnectionRequestPdu(Optional.empty(), Optional.empty(),
                                Optional.of(new NegotiationRequest(NegotiationRequest.CORRELATION_INFO_PRESENT, SecurityProtocol.SSL)),
                                Optional.of(new CorrelationInfo(CORRELATION_ID)))),
                Arguments.of("nego_connection_request_with_cookie_and_correlation_info",
                        new ConnectionRequestPdu(Optional.of("User"), Optional.empty(),
                                Optional.of(new NegotiationRequest(NegotiationRequest.CORRELATION_INFO_PRESENT, SecurityProtocol.SSL)),
                                Optional.of(new CorrelationInfo(CORRELATION_ID)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectionRequests")
    void connectionRequestGolden(String name, ConnectionRequestPdu expected) {
        byte[] wire = vector(name);
        assertGolden(expected, wire, ConnectionRequestPdu::decode);
        assertEveryTruncationRejected(wire, ConnectionRequestPdu::decode);
    }

    @Test
    void confirmResponseGolden() {
        byte[] wire = vector("nego_confirm_response");
        assertGolden(ConnectionConfirmPdu.of(new NegotiationResponse(0x1F, SecurityProtocol.HYBRID)), wire,
                ConnectionConfirmPdu::decode);
        assertEveryTruncationRejected(wire, ConnectionConfirmPdu::decode);
    }

    @Test
    void confirmFailureGolden() {
        byte[] wire = vector("nego_confirm_failure");
        assertGolden(ConnectionConfirmPdu.of(new NegotiationFailure(NegotiationFailure.SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER)),
                wire, ConnectionConfirmPdu::decode);
    }

    @Test
    void routingTokenIsKeptApartFromTheCookie() {
        ConnectionRequestPdu pdu = new ConnectionRequestPdu(Optional.empty(), Optional.of("Cookie: msts=3640205228.15629.0000"),
                Optional.of(new NegotiationRequest(0, SecurityProtocol.SSL)), Optional.empty());
        byte[] wire = pdu.toByteArray();
        assertThat(new String(wire, 11, 36, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("Cookie: msts=3640205228.15629.0000\r\n");
        assertGolden(pdu, wire, ConnectionRequestPdu::decode);
    }

    @Test
    void legacyRequestWithoutNegotiationHasRdpProtocol() {
        byte[] wire = hex("030000 0b 06e0 0000 0000 00".replace(" ", ""));
        ConnectionRequestPdu pdu = assertGolden(new ConnectionRequestPdu(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), wire, ConnectionRequestPdu::decode);
        assertThat(pdu.requestedProtocols()).isEqualTo(SecurityProtocol.RDP);
    }

    @Test
    void rejectsWrongTpduCode() {
        byte[] wire = vector("nego_confirm_response");
        var e = assertRejected(wire, ConnectionRequestPdu::decode);
        assertThat(e.error()).isEqualTo(new DecodeError.UnexpectedMessageType(0xD0));
        assertThat(e.getMessage()).isEqualTo("ConnectionRequestPdu: unexpected message type 0xd0");
    }

    @Test
    void rejectsLengthIndicatorThatDisagreesWithTpkt() {
        byte[] wire = vector("nego_connection_request_rdp_security_without_cookie");
        wire[4] = 0x0F;
        assertThat(assertRejected(wire, ConnectionRequestPdu::decode).error())
                .isInstanceOf(DecodeError.InvalidField.class);
    }

    @Test
    void rejectsUnterminatedCookie() {
        byte[] wire = hex("0300001d18e00000000000" + hex("Cookie: mstshash=Us".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(assertRejected(wire, ConnectionRequestPdu::decode).getMessage())
                .isEqualTo("ConnectionRequestPdu: invalid cookie: not terminated by CR LF");
    }

    @Test
    void rejectsBadNegotiationLength() {
        byte[] wire = vector("nego_connection_request_rdp_security_without_cookie");
        wire[13] = 0x09;
        assertThat(assertRejected(wire, ConnectionRequestPdu::decode).getMessage())
                .isEqualTo("NegotiationRequest: invalid length: must be 8, was 9");
    }

    @Test
    void rejectsTrailingGarbageAfterNegotiation() {
        byte[] base = vector("nego_connection_request_rdp_security_without_cookie");
        byte[] wire = new byte[base.length + 1];
        System.arraycopy(base, 0, wire, 0, base.length);
        wire[3] = (byte) wire.length;
        wire[4] = (byte) (wire.length - 5);
        assertThat(assertRejected(wire, ConnectionRequestPdu::decode).error())
                .isInstanceOf(DecodeError.TrailingBytes.class);
    }

    @Test
    void x224DataUnwrapsAndRejects() {
        var frame = Unpooled.wrappedBuffer(hex("0300000902f0802e00"));
        try {
            var payload = X224Data.unwrap(frame);
            assertThat(payload.readableBytes()).isEqualTo(2);
            assertThat((int) payload.readUnsignedByte()).isEqualTo(0x2E);
        } finally {
            frame.release();
        }
        assertRejected(hex("0300000902f0002e00"), X224Data::unwrap);
        assertRejected(hex("0300000903f0802e00"), X224Data::unwrap);
        assertRejected(hex("0300000902e0802e00"), X224Data::unwrap);
        assertRejected(hex("0300000902f080"), X224Data::unwrap);
    }
}
