package dev.oriel.rdp.core.pdu.rdp;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEncodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.pdu.mcs.McsDomainPdu;
import dev.oriel.rdp.core.pdu.mcs.SendDataHeader;
import dev.oriel.rdp.core.pdu.x224.X224Data;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plaintext capture of a complete connection to a Windows server (pcap_streams/sample, conformance README §3):
 * its Demand Active, the client's Client Info and Confirm Active decode and re-encode byte for byte.
 */
class WindowsSampleStreamTest {

    /** The user data of every Send Data PDU among the leading TPKT frames of a stream (stops at fast-path). */
    static List<byte[]> sendDataPayloads(String stream) {
        byte[] all = Fixtures.bytes("conformance/pcap_streams/" + stream + ".bin");
        ByteBuf buf = Unpooled.wrappedBuffer(all);
        List<byte[]> out = new ArrayList<>();
        try {
            while (buf.readableBytes() >= 4 && buf.getUnsignedByte(buf.readerIndex()) == 3) {
                int length = buf.getUnsignedShort(buf.readerIndex() + 2);
                ByteBuf frame = buf.readSlice(length);
                if (frame.getUnsignedByte(5) != 0xF0) {
                    continue; // X.224 Connection Request/Confirm
                }
                ByteBuf mcs = X224Data.unwrap(frame);
                int choice = McsDomainPdu.peekChoice(mcs);
                if (choice == McsDomainPdu.SEND_DATA_REQUEST || choice == McsDomainPdu.SEND_DATA_INDICATION) {
                    SendDataHeader h = (SendDataHeader) McsDomainPdu.decode(mcs);
                    byte[] data = new byte[h.userDataLength()];
                    mcs.readBytes(data);
                    out.add(data);
                }
            }
            return out;
        } finally {
            buf.release();
        }
    }

    @Test
    void windowsDemandActiveWith18CapabilitySets() {
        DemandActivePdu demand = null;
        byte[] wire = null;
        for (byte[] data : sendDataPayloads("sample__stream0__s2c")) {
            if (data.length > 6 && (data[2] & 0x0F) == ShareControlPdu.PDUTYPE_DEMANDACTIVEPDU) {
                wire = data;
                demand = (DemandActivePdu) ShareControlPdu.decode(Unpooled.wrappedBuffer(data));
                break;
            }
        }
        assertThat(demand).isNotNull();
        assertThat(demand.capabilitySets()).hasSize(18);
        assertThat(CapabilitySet.find(demand.capabilitySets(), dev.oriel.rdp.core.pdu.capability.GeneralCapabilitySet.class)
                .orElseThrow().has(dev.oriel.rdp.core.pdu.capability.GeneralCapabilitySet.FASTPATH_OUTPUT_SUPPORTED)).isTrue();
        assertEncodes(demand, wire);
    }

    @Test
    void clientInfoAndConfirmActive() {
        List<byte[]> payloads = sendDataPayloads("sample__stream0__c2s");
        ClientInfoPdu info = null;
        ConfirmActivePdu confirm = null;
        for (byte[] data : payloads) {
            ByteBuf buf = Unpooled.wrappedBuffer(data);
            if (info == null && (data[0] & BasicSecurityHeader.SEC_INFO_PKT) != 0) {
                buf.skipBytes(BasicSecurityHeader.SIZE);
                info = ClientInfoPdu.decode(buf);
                assertThat(buf.readableBytes()).isZero();
                byte[] body = java.util.Arrays.copyOfRange(data, 4, data.length);
                assertEncodes(info, body);
            } else if (data.length > 6 && (data[2] & 0x0F) == ShareControlPdu.PDUTYPE_CONFIRMACTIVEPDU) {
                confirm = (ConfirmActivePdu) ShareControlPdu.decode(buf);
                assertEncodes(confirm, data);
            }
        }
        assertThat(info).isNotNull();
        assertThat(info.unicode()).isTrue();
        assertThat(confirm).isNotNull();
        assertThat(confirm.capabilitySets()).isNotEmpty();
    }
}
