package dev.oriel.rdp.core.pdu.rdp;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.pdu.capability.UnknownCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.VirtualChannelCapabilitySet;
import dev.oriel.rdp.core.pdu.common.InclusiveRect;
import dev.oriel.rdp.core.pdu.input.SlowPathInputEvent;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.PduAssertions;
import dev.oriel.rdp.core.wire.Bytes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Share Control / Share Data PDUs: IronRDP's rdp.rs vectors (conformance README C4) and spec layouts. */
class ShareControlGoldenTest {
    private static byte[] vector(String name) {
        return Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__rdp.rs__" + name);
    }

    private static final long SHARE_ID = 0x0001_03EA;

    private static ShareDataPdu data(int source, ShareDataBody body) {
        return new ShareDataPdu(source, SHARE_ID, ShareDataPdu.STREAM_LOW, body);
    }

    static Stream<Arguments> finalization() {
        return Stream.of(
                Arguments.of("CLIENT_SYNCHRONIZE_BUFFER", data(1007, new SynchronizePdu(1, 1002))),
                Arguments.of("CONTROL_COOPERATE_BUFFER", data(1007, new ControlPdu(ControlPdu.CTRLACTION_COOPERATE, 0, 0))),
                Arguments.of("CONTROL_REQUEST_CONTROL_BUFFER",
                        data(1007, new ControlPdu(ControlPdu.CTRLACTION_REQUEST_CONTROL, 0, 0))),
                Arguments.of("SERVER_GRANTED_CONTROL_BUFFER",
                        new ShareDataPdu(1002, SHARE_ID, ShareDataPdu.STREAM_MED,
                                new ControlPdu(ControlPdu.CTRLACTION_GRANTED_CONTROL, 1007, 1002))),
                Arguments.of("CLIENT_FONT_LIST_BUFFER", data(1007, FontListPdu.client())),
                Arguments.of("SERVER_FONT_MAP_BUFFER", new ShareDataPdu(1002, SHARE_ID, ShareDataPdu.STREAM_MED,
                        FontMapPdu.server())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finalization")
    void finalizationGolden(String name, ShareControlPdu expected) {
        byte[] wire = vector(name);
        assertGolden(expected, wire, ShareControlPdu::decode);
        assertEveryTruncationRejected(wire, ShareControlPdu::decode);
    }

    @Test
    void licenseValidClientGolden() {
        // The spec's wMsgSize (preamble onwards, 16); IronRDP's vector counts the security header too (20).
        byte[] wire = hex("80000000ff031000070000000200000004000000");
        assertGolden(ServerLicenseErrorPdu.validClient(), wire, ServerLicenseErrorPdu::decode);
        assertEveryTruncationRejected(wire, ServerLicenseErrorPdu::decode);
        assertThat(PduAssertions.assertDecodes(vector("SERVER_LICENSE_BUFFER"), ServerLicenseErrorPdu::decode))
                .isEqualTo(ServerLicenseErrorPdu.validClient());
        assertThat(assertRejected(hex("80000000fe031400070000000200000004000000"), ServerLicenseErrorPdu::decode).error())
                .isEqualTo(new DecodeError.UnexpectedMessageType(0xFE));
        assertThat(assertRejected(hex("80000000ff031500070000000200000004000000"), ServerLicenseErrorPdu::decode)
                .getMessage()).contains("wMsgSize");
    }

    @Test
    void clientInfoSecurityHeader() {
        assertGolden(new BasicSecurityHeader(BasicSecurityHeader.SEC_INFO_PKT, 0), vector("CLIENT_INFO_PDU_SECURITY_HEADER_BUFFER"),
                BasicSecurityHeader::decode);
    }

    /** Confirm Active from the headers vector + IronRDP's client buffer (MSTSC source, 18 sets). */
    @Test
    void clientConfirmActive() {
        byte[] wire = PduAssertions.hex(PduAssertions.hex(vector("CLIENT_DEMAND_ACTIVE_PDU_HEADERS_BUFFER"))
                + PduAssertions.hex(Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__capsets.rs__CLIENT_DEMAND_ACTIVE_BUFFER")));
        ConfirmActivePdu pdu = (ConfirmActivePdu) PduAssertions.assertDecodes(wire, ShareControlPdu::decode);
        assertThat(pdu.shareId()).isEqualTo(SHARE_ID);
        assertThat(pdu.originatorId()).isEqualTo(1002);
        assertThat(pdu.pduSource()).isEqualTo(1007);
        assertThat(pdu.sourceDescriptor()).isEqualTo(Bytes.of("MSTSC\0".getBytes()));
        assertThat(pdu.capabilitySets()).hasSize(18);
        PduAssertions.assertEncodes(pdu, wire);
        assertEveryTruncationRejected(wire, ShareControlPdu::decode);
    }

    /** conformance README C6: the 4-byte Virtual Channel set must decode and re-encode to the same bytes. */
    @Test
    void confirmActiveWithIncompleteCapabilitySet() {
        byte[] body = Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__capsets.rs__CLIENT_DEMAND_ACTIVE_WITH_INCOMPLETE_CAPABILITY_SET_BUFFER");
        int total = 10 + body.length;
        byte[] wire = PduAssertions.hex(String.format("%02x%02x1300ef03ea030100", total & 0xFF, total >> 8) + PduAssertions.hex(body));
        ConfirmActivePdu pdu = (ConfirmActivePdu) PduAssertions.assertDecodes(wire, ShareControlPdu::decode);
        assertThat(CapabilitySet.find(pdu.capabilitySets(), VirtualChannelCapabilitySet.class).orElseThrow().vcChunkSize())
                .isEmpty();
        PduAssertions.assertEncodes(pdu, wire);
    }

    @Test
    void serverDemandActiveFromIronRdp() {
        byte[] wire = PduAssertions.hex(PduAssertions.hex(vector("SERVER_DEMAND_ACTIVE_PDU_HEADERS_BUFFER"))
                + PduAssertions.hex(Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__capsets.rs__SERVER_DEMAND_ACTIVE_BUFFER")));
        DemandActivePdu pdu = (DemandActivePdu) PduAssertions.assertDecodes(wire, ShareControlPdu::decode);
        assertThat(pdu.sourceDescriptor()).isEqualTo(Bytes.of("RDP\0".getBytes()));
        assertThat(pdu.capabilitySets()).hasSize(13);
        PduAssertions.assertEncodes(pdu, wire);
    }

    @Test
    void otherDataPdus() {
        assertRoundTrip(data(1007, new SuppressOutputPdu(Optional.empty())), "0000 0000");
        assertRoundTrip(data(1007, new SuppressOutputPdu(Optional.of(new InclusiveRect(0, 0, 1023, 767)))),
                "0100 0000 0000 0000 ff03 ff02");
        assertRoundTrip(data(1007, new RefreshRectPdu(List.of(new InclusiveRect(1, 2, 3, 4), new InclusiveRect(5, 6, 7, 8)))),
                "0200 0000 0100 0200 0300 0400 0500 0600 0700 0800");
        assertRoundTrip(data(1002, new SetErrorInfoPdu(SetErrorInfoPdu.ERRINFO_RPC_INITIATED_DISCONNECT)), "0100 0000");
        assertRoundTrip(data(1007, new ShutdownRequestPdu()), "");
        assertRoundTrip(data(1002, new ShutdownDeniedPdu()), "");
        assertRoundTrip(data(1007, new FrameAcknowledgePdu(7)), "0700 0000");
        assertRoundTrip(data(1007, new SlowPathInputPdu(List.of(
                        new SlowPathInputEvent.KeyboardEvent(0, 0x4000, 0x1E),
                        new SlowPathInputEvent.MouseEvent(5, 0x0800, 10, 20),
                        new SlowPathInputEvent.SyncEvent(0, 0x6)))),
                "0300 0000" + "00000000 0400 0040 1e00 0000" + "05000000 0180 0008 0a00 1400" + "00000000 0000 0000 0600 0000");
        assertRoundTrip(new DeactivateAllPdu(1002, SHARE_ID, Bytes.of(new byte[] {0})), null);
        assertRoundTrip(data(1002, new ShareDataPdu.Unknown(0x26, Bytes.ofHex("01020304"))), "0102 0304");
    }

    /** Round trip, and when {@code bodyHex} is given, checks the data body bytes (after 18 header bytes). */
    private static void assertRoundTrip(ShareControlPdu pdu, String bodyHex) {
        byte[] wire = pdu.toByteArray();
        assertGolden(pdu, wire, ShareControlPdu::decode);
        if (bodyHex != null) {
            assertThat(PduAssertions.hex(wire).substring(36)).isEqualTo(bodyHex.replace(" ", ""));
        }
        assertEveryTruncationRejected(wire, ShareControlPdu::decode);
    }

    @Test
    void rejections() {
        // totalLength smaller than the header.
        assertThat(assertRejected(hex("05001700ef03"), ShareControlPdu::decode).getMessage()).contains("totalLength");
        // totalLength beyond the buffer.
        assertThat(assertRejected(hex("ff001700ef03ea030100"), ShareControlPdu::decode).error())
                .isInstanceOf(DecodeError.InvalidField.class);
        // Unknown pduType.
        assertThat(assertRejected(hex("06001500ef03"), ShareControlPdu::decode).getMessage()).contains("pduType");
        // Flow control PDU.
        assertThat(assertRejected(hex("00804100ef03"), ShareControlPdu::decode).error())
                .isInstanceOf(DecodeError.UnsupportedValue.class);
        // Compressed data.
        assertThat(assertRejected(hex("16001700ef03ea030100000104001f2000000100ea03"), ShareControlPdu::decode).error())
                .isInstanceOf(DecodeError.UnsupportedValue.class);
        // Trailing bytes in a fixed-size body.
        assertThat(assertRejected(hex("17001700ef03ea030100000104001f0000000100ea0300"), ShareControlPdu::decode).error())
                .isInstanceOf(DecodeError.TrailingBytes.class);
        // Suppress Output with allowDisplayUpdates = 2.
        assertThat(assertRejected(data(1007, new SuppressOutputPdu(Optional.empty())).toByteArray().clone(), b -> {
            byte[] w = new byte[b.readableBytes()];
            b.readBytes(w);
            w[18] = 2;
            return ShareControlPdu.decode(io.netty.buffer.Unpooled.wrappedBuffer(w));
        }).getMessage()).contains("allowDisplayUpdates");
        // Refresh Rect announcing more areas than present.
        assertThat(assertRejected(hex("1a001700ef03ea0301000001080021000000" + "02000000" + "01000200"),
                ShareControlPdu::decode).error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
        // Confirm Active: numberCapabilities larger than the bytes.
        assertThat(assertRejected(hex("1800" + "1300ef03" + "ea030100" + "ea03" + "0000" + "0800" + "ff000000" + "01000400"),
                ShareControlPdu::decode).error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
        // Capability set length < 4.
        assertThat(assertRejected(hex("1800" + "1300ef03" + "ea030100" + "ea03" + "0000" + "0800" + "01000000" + "01000300"),
                ShareControlPdu::decode).getMessage()).contains("lengthCapability");
    }

    @Test
    void unknownCapabilitySetsAreKeptRaw() {
        byte[] wire = hex("1c00" + "1300ef03" + "ea030100" + "ea03" + "0000" + "0c00" + "01000000" + "99000800aabbccdd");
        ConfirmActivePdu pdu = (ConfirmActivePdu) PduAssertions.assertDecodes(wire, ShareControlPdu::decode);
        assertThat(pdu.capabilitySets()).containsExactly(new UnknownCapabilitySet(0x99, Bytes.ofHex("aabbccdd")));
        PduAssertions.assertEncodes(pdu, wire);
    }
}
