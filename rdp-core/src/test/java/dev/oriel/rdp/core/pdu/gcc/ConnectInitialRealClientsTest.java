package dev.oriel.rdp.core.pdu.gcc;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertDecodes;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.pdu.mcs.McsConnectInitial;
import dev.oriel.rdp.core.pdu.mcs.McsConnectResponse;
import dev.oriel.rdp.core.pdu.x224.ConnectionConfirmPdu;
import dev.oriel.rdp.core.pdu.x224.ConnectionRequestPdu;
import dev.oriel.rdp.core.pdu.x224.X224Data;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/**
 * Connect-Initial PDUs of real clients (conformance README C2, pcap streams in fixtures/conformance): decoded
 * field by field; the GCC client data blocks re-encode byte for byte. The BER wrapper re-encodes to an equal PDU
 * but not to the same bytes: mstsc writes INTEGERs unsigned-minimal ({@code 02 02 ff ff}) where Oriel, FreeRDP and
 * IronRDP write two's complement ({@code 02 03 00 ff ff}); both decode.
 */
class ConnectInitialRealClientsTest {

    /** The MCS bytes of the TPKT frame that follows the {@code crLength}-byte Connection Request. */
    private static byte[] mcsAfterRequest(String stream, int crLength) {
        byte[] all = Fixtures.bytes("conformance/pcap_streams/" + stream + ".bin");
        ByteBuf buf = Unpooled.wrappedBuffer(all);
        try {
            ConnectionRequestPdu.decode(buf.readSlice(crLength));
            int tpktLength = buf.getUnsignedShort(buf.readerIndex() + 2);
            ByteBuf mcs = X224Data.unwrap(buf.readSlice(tpktLength));
            byte[] out = new byte[mcs.readableBytes()];
            mcs.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }

    /** Decode → encode → decode gives the same PDU, and the client blocks are byte-identical to the wire. */
    private static void assertLossless(McsConnectInitial ci, byte[] wire) {
        byte[] reencoded = ci.toByteArray();
        assertThat(assertDecodes(reencoded, McsConnectInitial::decode)).isEqualTo(ci);
        String blocks = dev.oriel.rdp.core.testutil.PduAssertions.hex(ci.conferenceCreateRequest().clientData().toByteArray());
        assertThat(dev.oriel.rdp.core.testutil.PduAssertions.hex(wire)).endsWith(blocks);
    }

    @Test
    void windows81Client() {
        byte[] mcs = mcsAfterRequest("rdp-x509__stream0__c2s", 47);
        McsConnectInitial ci = assertDecodes(mcs, McsConnectInitial::decode);
        ClientCoreData core = ci.conferenceCreateRequest().clientData().core();
        assertThat(core.clientBuild()).isEqualTo(9600);
        assertThat(core.clientName()).isEqualTo("JOHN-PC-LAPTOP");
        assertThat(core.desktopWidth()).isEqualTo(1920);
        assertThat(core.desktopHeight()).isEqualTo(1080);
        assertThat(core.keyboardLayout()).isEqualTo(0x409);
        assertThat(core.highColorDepth()).hasValue(16);
        assertThat(core.earlyCapabilityFlags()).hasValue(0x7AD);
        assertThat(ci.conferenceCreateRequest().clientData().network().orElseThrow().channels())
                .extracting(ChannelDef::channelName).containsExactly("rdpdr", "rdpsnd", "cliprdr", "drdynvc");
        assertLossless(ci, mcs);
        assertEveryTruncationRejected(mcs, McsConnectInitial::decode);
    }

    @Test
    void unknownKeyboardLayout() {
        byte[] mcs = mcsAfterRequest("rdp-unknown-keyboard__stream0__c2s", 47);
        McsConnectInitial ci = assertDecodes(mcs, McsConnectInitial::decode);
        assertThat(ci.conferenceCreateRequest().clientData().core().keyboardLayout()).isEqualTo(263198);
        assertLossless(ci, mcs);
    }

    @Test
    void mstscRdp6() {
        byte[] mcs = mcsAfterRequest("rdp-proprietary-encryption__stream1__c2s", 47);
        McsConnectInitial ci = assertDecodes(mcs, McsConnectInitial::decode);
        ClientCoreData core = ci.conferenceCreateRequest().clientData().core();
        assertThat(core.clientBuild()).isEqualTo(6000);
        assertThat(core.clientName()).isEqualTo("FROG-POND");
        assertThat(core.desktopWidth()).isEqualTo(1152);
        assertThat(core.desktopHeight()).isEqualTo(864);
        assertThat(core.highColorDepth()).hasValue(24);
        assertThat(core.earlyCapabilityFlags().orElseThrow() & ClientCoreData.RNS_UD_CS_WANT_32BPP_SESSION).isNotZero();
        assertThat(ci.conferenceCreateRequest().clientData().network().orElseThrow().channels())
                .extracting(ChannelDef::channelName).containsExactly("rdpdr", "rdpsnd", "drdynvc", "cliprdr");
        assertLossless(ci, mcs);
    }

    @Test
    void windowsServerConnectResponseWithCertificate() {
        byte[] all = Fixtures.bytes("conformance/pcap_streams/rdp-x509__stream0__s2c.bin");
        ByteBuf buf = Unpooled.wrappedBuffer(all);
        try {
            ConnectionConfirmPdu.decode(buf.readSlice(19));
            int tpktLength = buf.getUnsignedShort(buf.readerIndex() + 2);
            ByteBuf mcs = X224Data.unwrap(buf.readSlice(tpktLength));
            byte[] bytes = new byte[mcs.readableBytes()];
            mcs.readBytes(bytes);
            McsConnectResponse response = assertDecodes(bytes, McsConnectResponse::decode);
            ServerDataBlocks blocks = response.conferenceCreateResponse().serverData();
            ServerSecurityData sec = blocks.find(ServerSecurityData.class).orElseThrow();
            assertThat(sec.encryptionMethod()).isNotZero();
            assertThat(sec.rest().length()).as("server random and X.509 chain").isGreaterThan(1000);
            assertThat(blocks.find(ServerNetworkData.class).orElseThrow().channelIds()).hasSize(4);
            assertThat(assertDecodes(response.toByteArray(), McsConnectResponse::decode)).isEqualTo(response);
            assertThat(dev.oriel.rdp.core.testutil.PduAssertions.hex(bytes))
                    .endsWith(dev.oriel.rdp.core.testutil.PduAssertions.hex(blocks.toByteArray()));
        } finally {
            buf.release();
        }
    }
}
