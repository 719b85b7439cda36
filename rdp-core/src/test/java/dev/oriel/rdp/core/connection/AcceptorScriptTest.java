package dev.oriel.rdp.core.connection;

import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Limits;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.error.SequenceException;
import dev.oriel.rdp.core.testutil.CapturedConnection;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.PduAssertions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives the sans-IO {@link Acceptor} with the frames a real xfreerdp 2.11 sent (fixtures/xfreerdp) and compares
 * the server's output with what Oriel sent in that session, byte for byte; then negative scripts.
 */
class AcceptorScriptTest {
    static final List<byte[]> CLIENT = CapturedConnection.CLIENT;
    static final byte[] SERVER = CapturedConnection.SERVER;
    /** The server's connection-sequence bytes: Connection Confirm through Font Map. */
    static final int SERVER_HANDSHAKE_LENGTH = 743;
    /** Index of the Client Info frame (after CR, Connect-Initial, Erect Domain, Attach User and 6 joins). */
    static final int CLIENT_INFO = 10;
    static final SessionListener LISTENER = new SessionListener() { };

    static Acceptor acceptor(Limits limits) {
        return CapturedConnection.acceptor(limits);
    }

    static byte[] step(Acceptor a, byte[] frame) {
        return CapturedConnection.step(a, frame);
    }

    static byte[] admit(Acceptor a, int width, int height) {
        return CapturedConnection.admit(a, new DesktopSize(width, height), LISTENER);
    }

    static byte[] replay(Acceptor a, int end) {
        return CapturedConnection.replay(a, end, new DesktopSize(1024, 768), LISTENER);
    }

    @Test
    void replayOfARealXfreerdpConnectionReproducesTheServerBytesExactly() {
        Acceptor a = acceptor(Limits.defaults());
        byte[] server = replay(a, 16);
        assertThat(a.isAccepted()).isTrue();
        assertThat(PduAssertions.hex(server)).isEqualTo(PduAssertions.hex(Arrays.copyOf(SERVER, SERVER_HANDSHAKE_LENGTH)));

        AcceptorResult r = a.result();
        SessionInfo info = r.info();
        assertThat(info.clientName()).isEqualTo("oriel-test");
        assertThat(info.userName()).isEqualTo("demo");
        assertThat(info.password()).isEqualTo("demo-password");
        assertThat(info.cookie()).hasValue("demo");
        assertThat(info.requestedSize()).isEqualTo(new DesktopSize(1024, 768));
        assertThat(info.colorDepth()).isEqualTo(32);
        assertThat(info.remoteApp()).isFalse();
        assertThat(info.toString()).doesNotContain("demo-password");
        assertThat(r.userChannelId()).isEqualTo(Acceptor.IO_CHANNEL_ID + 1 + r.channels().size());
        assertThat(r.channels()).allMatch(StaticChannel::joined);
        assertThat(r.capabilities().fastPathOutput()).isTrue();
        assertThat(r.capabilities().colorDepth()).isEqualTo(32);
    }

    @Test
    void fastPathInputDuringFinalizationIsDropped() {
        Acceptor a = acceptor(Limits.defaults());
        replay(a, 14); // up to Request Control
        assertThat(step(a, CLIENT.get(16))).isEmpty(); // a fast-path input frame
        assertThat(a.phase()).isEqualTo(Acceptor.Phase.FINALIZATION);
    }

    @Test
    void clientOfferingOnlyNlaGetsSslRequiredFailure() {
        Acceptor a = acceptor(Limits.defaults());
        byte[] hybridOnly = hex("030000130ee000000000000100080002000000");
        assertThat(PduAssertions.hex(step(a, hybridOnly))).isEqualTo("030000130ed000000000000300080001000000");
        assertThat(a.refusal()).hasValueSatisfying(s -> assertThat(s).contains("HYBRID"));
        assertThat(a.phase()).isEqualTo(Acceptor.Phase.REFUSED);
        // Nothing else is accepted after a refusal.
        assertThatThrownBy(() -> step(a, CLIENT.get(0))).isInstanceOf(SequenceException.class);
    }

    @Test
    void sslAndHybridGetsSsl() {
        Acceptor a = acceptor(Limits.defaults());
        byte[] both = hex("030000130ee000000000000100080003000000");
        assertThat(PduAssertions.hex(step(a, both))).isEqualTo("030000130ed000000000000201080001000000");
        assertThat(a.securityUpgradePending()).isTrue();
    }

    @Test
    void legacyClientWithoutNegotiationIsRefused() {
        Acceptor a = acceptor(Limits.defaults());
        assertThatThrownBy(() -> step(a, hex("0300000b06e00000000000"))).isInstanceOf(SequenceException.class)
                .hasMessageContaining("Standard RDP Security");
    }

    @Test
    void garbageInsteadOfTpktIsRejected() {
        Acceptor a = acceptor(Limits.defaults());
        assertThatThrownBy(() -> step(a, "GET / HTTP/1.1\r\n\r\n".getBytes())).isInstanceOf(DecodeException.class);
        byte[] zeek = Fixtures.bytes("conformance/pcap_streams/rdp-invalid-length__stream0__c2s.bin");
        Acceptor b = acceptor(Limits.defaults());
        assertThatThrownBy(() -> step(b, zeek)).isInstanceOf(DecodeException.class);
    }

    @Test
    void dataBeforeTheTlsSwitchIsRejected() {
        Acceptor a = acceptor(Limits.defaults());
        step(a, CLIENT.get(0));
        assertThatThrownBy(() -> step(a, CLIENT.get(1))).isInstanceOf(SequenceException.class)
                .hasMessageContaining("security_upgrade");
    }

    @Test
    void truncatedConnectInitialIsRejected() {
        Acceptor a = acceptor(Limits.defaults());
        replay(a, 1);
        byte[] ci = CLIENT.get(1).clone();
        // Claim the TPKT is whole but cut the MCS body short by patching the BER length to exceed it.
        ci[8] = (byte) 0xFF;
        assertThatThrownBy(() -> step(a, ci)).isInstanceOf(DecodeException.class);
    }

    @Test
    void channelCountAboveTheConfiguredLimitIsRejected() {
        Acceptor a = acceptor(Limits.defaults().withMaxStaticChannels(1));
        replay(a, 1);
        assertThatThrownBy(() -> step(a, CLIENT.get(1))).isInstanceOf(DecodeException.class)
                .satisfies(e -> assertThat(((DecodeException) e).error()).isInstanceOf(DecodeError.LimitExceeded.class))
                .hasMessageContaining("ClientNetworkData: channelCount");
    }

    @Test
    void wrongOrderIsRejected() {
        Acceptor a = acceptor(Limits.defaults());
        replay(a, 2);
        // Attach User before Erect Domain.
        assertThatThrownBy(() -> step(a, CLIENT.get(3))).isInstanceOf(SequenceException.class)
                .hasMessageContaining("AttachUserRequest");
        // Client Info before the channel joins.
        Acceptor b = acceptor(Limits.defaults());
        replay(b, 4);
        assertThatThrownBy(() -> step(b, CLIENT.get(CLIENT_INFO))).isInstanceOf(SequenceException.class)
                .hasMessageContaining("before joining");
        // Joining a channel twice.
        Acceptor c = acceptor(Limits.defaults());
        replay(c, 5);
        assertThatThrownBy(() -> step(c, CLIENT.get(4))).isInstanceOf(DecodeException.class).hasMessageContaining("twice");
        // Font List before Synchronize.
        Acceptor d = acceptor(Limits.defaults());
        replay(d, 12);
        assertThatThrownBy(() -> step(d, CLIENT.get(15))).isInstanceOf(SequenceException.class)
                .hasMessageContaining("Font List before");
    }

    @Test
    void confirmActiveWithAnotherShareIdIsRejected() {
        Acceptor a = acceptor(Limits.defaults());
        replay(a, 11);
        byte[] confirm = CLIENT.get(11).clone();
        // shareId follows TPKT(4) + X.224(3) + Send Data header(8) + Share Control header(6).
        confirm[21] ^= 0x01;
        assertThatThrownBy(() -> step(a, confirm)).isInstanceOf(DecodeException.class).hasMessageContaining("shareId");
    }

    @Test
    void tooManyCapabilitySetsAreRejected() {
        Acceptor a = acceptor(Limits.defaults().withMaxCapabilitySets(3));
        replay(a, 11);
        assertThatThrownBy(() -> step(a, CLIENT.get(11))).isInstanceOf(DecodeException.class)
                .hasMessageContaining("numberCapabilities");
    }

    @Test
    void rejectedAdmissionSaysDeniedAndDisconnects() {
        Acceptor a = acceptor(Limits.defaults());
        for (int i = 0; i <= CLIENT_INFO; i++) {
            step(a, CLIENT.get(i));
            if (a.securityUpgradePending()) {
                a.markSecurityUpgradeDone();
            }
        }
        assertThat(a.admissionPending()).isPresent();
        ByteBuf out = Unpooled.buffer();
        try {
            a.reject("bad password", out);
            byte[] b = new byte[out.readableBytes()];
            out.readBytes(b);
            // Set Error Info (ERRINFO_SERVER_DENIED_CONNECTION) on the I/O channel, then Disconnect Provider Ultimatum.
            assertThat(PduAssertions.hex(b)).contains("2f000000" + "07000000").endsWith("0300000902f0802180".replace("2180", "2080"));
        } finally {
            out.release();
        }
        assertThat(a.refusal()).hasValueSatisfying(s -> assertThat(s).contains("bad password"));
    }

    @Test
    void desktopSizeIsClampedToTheLimits() {
        Acceptor a = acceptor(Limits.defaults().withMaxDesktopSize(800, 600));
        for (int i = 0; i <= CLIENT_INFO; i++) {
            step(a, CLIENT.get(i));
            if (a.securityUpgradePending()) {
                a.markSecurityUpgradeDone();
            }
        }
        byte[] out = admit(a, 1024, 768);
        // The Bitmap capability set carries the clamped size: 800 (0x0320) × 600 (0x0258).
        assertThat(PduAssertions.hex(out)).contains("200001000100010020035802");
    }

    @Test
    void failureAfterMcsWritesDisconnectProviderUltimatum() {
        Acceptor a = acceptor(Limits.defaults());
        replay(a, 3);
        ByteBuf out = Unpooled.buffer();
        try {
            a.writeFailure(out);
            assertThat(ByteBufHex.of(out)).isEqualTo("0300000902f0802080");
        } finally {
            out.release();
        }
        Acceptor early = acceptor(Limits.defaults());
        ByteBuf none = Unpooled.buffer();
        try {
            early.writeFailure(none);
            assertThat(none.readableBytes()).isZero();
        } finally {
            none.release();
        }
    }

    /** Hex of a buffer's readable bytes. */
    static final class ByteBufHex {
        static String of(ByteBuf b) {
            return io.netty.buffer.ByteBufUtil.hexDump(b);
        }
    }
}
