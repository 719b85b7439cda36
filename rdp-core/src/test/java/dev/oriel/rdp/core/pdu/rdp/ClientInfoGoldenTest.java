package dev.oriel.rdp.core.pdu.rdp;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.wire.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** IronRDP's client_info.rs vectors (conformance README C6). */
class ClientInfoGoldenTest {
    private static byte[] vector(String name) {
        return Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__client_info.rs__" + name);
    }

    private static Bytes name64(String s) {
        byte[] out = new byte[64];
        byte[] t = s.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(t, 0, out, 0, t.length);
        return Bytes.of(out);
    }

    private static ClientInfoPdu expected(boolean unicode) {
        TimeZoneInformation tz = new TimeZoneInformation(480, name64("Pacific Standard Time"),
                new SystemTime(0, 10, 0, 5, 2, 0, 0, 0), 0, name64("Pacific Daylight Time"),
                new SystemTime(0, 4, 0, 1, 2, 0, 0, 0), -60);
        ExtendedClientInfo extra = new ExtendedClientInfo(ExtendedClientInfo.AF_INET, "157.59.242.156\0",
                "C:\\depots\\w2k3_1\\termsrv\\newclient\\lib\\win32\\obj\\i386\\mstscax.dll\0", Optional.of(tz),
                OptionalLong.of(0), OptionalLong.of(1), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), OptionalInt.empty());
        return new ClientInfoPdu(0x0409_0409L, unicode ? 0x43B3 : 0x43A3, "NTDEV", "eltons", "", "", "",
                Optional.of(extra));
    }

    @Test
    void unicode() {
        byte[] wire = vector("CLIENT_INFO_BUFFER_UNICODE");
        ClientInfoPdu pdu = assertGolden(expected(true), wire, ClientInfoPdu::decode);
        assertThat(pdu.extraInfo().orElseThrow().clientAddressText()).isEqualTo("157.59.242.156");
        assertThat(pdu.extraInfo().orElseThrow().clientTimeZone().orElseThrow().standardNameText())
                .isEqualTo("Pacific Standard Time");
        assertEveryTruncationRejectedOrShorter(wire);
    }

    @Test
    void ansi() {
        byte[] wire = vector("CLIENT_INFO_BUFFER_ANSI");
        assertGolden(expected(false), wire, ClientInfoPdu::decode);
    }

    /**
     * The extended tail is optional field by field, so a prefix that ends exactly between two optional fields is a
     * valid shorter PDU; every other prefix is rejected.
     */
    private static void assertEveryTruncationRejectedOrShorter(byte[] wire) {
        for (int len = 0; len < wire.length; len++) {
            byte[] prefix = java.util.Arrays.copyOf(wire, len);
            var buf = io.netty.buffer.Unpooled.wrappedBuffer(prefix);
            try {
                ClientInfoPdu pdu = ClientInfoPdu.decode(buf);
                assertThat(pdu.toByteArray()).as("valid prefix of %d bytes re-encodes", len).isEqualTo(prefix);
            } catch (dev.oriel.rdp.core.error.DecodeException expected) {
                // rejected: fine
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void fullTailWithCookieRoundTripsAndIsRedacted() {
        ExtendedClientInfo extra = new ExtendedClientInfo(ExtendedClientInfo.AF_INET6, "::1\0", "C:\\\0", Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), OptionalInt.empty());
        ClientInfoPdu shortTail = new ClientInfoPdu(0, ClientInfoPdu.INFO_UNICODE | ClientInfoPdu.INFO_RAIL, "", "u",
                "secret", "||notepad", "/", Optional.of(extra));
        assertGolden(shortTail, shortTail.toByteArray(), ClientInfoPdu::decode);

        TimeZoneInformation tz = new TimeZoneInformation(0, name64("UTC"), new SystemTime(0, 0, 0, 0, 0, 0, 0, 0), 0,
                name64("UTC"), new SystemTime(0, 0, 0, 0, 0, 0, 0, 0), 0);
        AutoReconnectCookie cookie = new AutoReconnectCookie(1, 42, Bytes.ofHex("00112233445566778899aabbccddeeff"));
        ExtendedClientInfo full = new ExtendedClientInfo(ExtendedClientInfo.AF_INET, "127.0.0.1\0", "C:\\\0", Optional.of(tz),
                OptionalLong.of(0), OptionalLong.of(0x80), OptionalInt.of(28), Optional.of(cookie), OptionalInt.of(0),
                OptionalInt.of(0), Optional.of("UTC\0"), OptionalInt.of(0));
        ClientInfoPdu pdu = new ClientInfoPdu(0, ClientInfoPdu.INFO_UNICODE, "DOM", "user", "hunter2", "", "", Optional.of(full));
        assertGolden(pdu, pdu.toByteArray(), ClientInfoPdu::decode);
        assertThat(pdu.toString()).doesNotContain("hunter2").contains("<redacted>");
        assertThat(cookie.toString()).doesNotContain("00112233");
        assertThat(full.toString()).doesNotContain("00112233");
    }

    @Test
    void rejections() {
        byte[] wire = vector("CLIENT_INFO_BUFFER_UNICODE");
        // cbDomain odd in Unicode.
        byte[] bad = wire.clone();
        bad[8] = 0x0B;
        assertThat(assertRejected(bad, ClientInfoPdu::decode).getMessage()).isEqualTo("ClientInfoPdu: invalid cbDomain: odd UTF-16 byte count 11");
        // cbUserName over the maximum.
        bad = wire.clone();
        bad[10] = 0x02;
        bad[11] = 0x02;
        assertThat(assertRejected(bad, ClientInfoPdu::decode).error())
                .isEqualTo(new DecodeError.LimitExceeded("cbUserName", 514, 512));
        // cbPassword beyond the body.
        bad = wire.clone();
        bad[12] = (byte) 0xF0;
        bad[13] = 0x01;
        assertThat(assertRejected(bad, ClientInfoPdu::decode).error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
        // cbAutoReconnectCookie neither 0 nor 28.
        ClientInfoPdu withCookieLength = new ClientInfoPdu(0, ClientInfoPdu.INFO_UNICODE, "", "", "", "", "",
                Optional.of(new ExtendedClientInfo(2, "\0", "\0", Optional.of(new TimeZoneInformation(0, name64(""),
                        new SystemTime(0, 0, 0, 0, 0, 0, 0, 0), 0, name64(""), new SystemTime(0, 0, 0, 0, 0, 0, 0, 0), 0)),
                        OptionalLong.of(0), OptionalLong.of(0), OptionalInt.of(0), Optional.empty(), OptionalInt.empty(),
                        OptionalInt.empty(), Optional.empty(), OptionalInt.empty())));
        byte[] w = withCookieLength.toByteArray();
        w[w.length - 2] = 5;
        assertThat(assertRejected(w, ClientInfoPdu::decode).getMessage()).contains("cbAutoReconnectCookie");
        assertThat(assertRejected(hex("00000000"), ClientInfoPdu::decode).error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
    }
}
