package dev.oriel.rdp.core.channel.dvc;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.PduAssertions;
import dev.oriel.rdp.core.wire.Bytes;
import org.junit.jupiter.api.Test;

/** IronRDP's dvc vectors (tests/dvc/*.rs) and MS-RDPEDYC layouts. */
class DvcPduGoldenTest {
    private static byte[] vector(String name) {
        return Fixtures.ironrdp("crates__ironrdp-testsuite-core__tests__dvc__" + name);
    }

    @Test
    void capabilities() {
        assertGolden(DvcPdu.CapabilitiesRequest.of(1), vector("capabilities.rs__REQ_V1_ENCODED"), DvcPdu::decodeFromServer);
        assertGolden(new DvcPdu.CapabilitiesRequest(2, 0x3333, 0x1111, 0x0A3D, 0x04A7), vector("capabilities.rs__REQ_V2_ENCODED"),
                DvcPdu::decodeFromServer);
        assertGolden(new DvcPdu.CapabilitiesResponse(1), vector("capabilities.rs__RESP_V1_ENCODED"), DvcPdu::decodeFromClient);
        assertThat(PduAssertions.hex(DvcPdu.CapabilitiesRequest.of(3).toByteArray())).isEqualTo("500003000000000000000000");
        // A v2 request without the priority charges is malformed (P-DVC-1).
        assertThat(assertRejected(hex("50000200"), DvcPdu::decodeFromServer).error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
    }

    @Test
    void createCloseData() {
        assertGolden(DvcPdu.CreateRequest.of(3, "testdvc"), vector("create.rs__REQ_ENCODED"), DvcPdu::decodeFromServer);
        assertGolden(new DvcPdu.CreateResponse(0, 3, 0), vector("create.rs__RESP_ENCODED"), DvcPdu::decodeFromClient);
        assertGolden(new DvcPdu.Close(1, 0x0303), vector("close.rs__ENCODED"), DvcPdu::decodeFromClient);
        assertGolden(new DvcPdu.Close(1, 0x0303), vector("close.rs__ENCODED"), DvcPdu::decodeFromServer);
        byte[] data = PduAssertions.hex(PduAssertions.hex(vector("data.rs__PREFIX")) + "0102");
        assertGolden(new DvcPdu.Data(0, 3, Bytes.ofHex("0102")), data, DvcPdu::decodeFromClient);
        byte[] first = PduAssertions.hex(PduAssertions.hex(vector("data_first.rs__PREFIX"))
                + PduAssertions.hex(vector("data_first.rs__DATA")));
        assertGolden(new DvcPdu.DataFirst(0, 1, 3, 0x0C7B, Bytes.of(vector("data_first.rs__DATA"))), first,
                DvcPdu::decodeFromClient);
        byte[] edge = PduAssertions.hex(PduAssertions.hex(vector("data_first.rs__EDGE_CASE_PREFIX"))
                + PduAssertions.hex(vector("data_first.rs__EDGE_CASE_DATA")));
        DvcPdu.DataFirst e = (DvcPdu.DataFirst) PduAssertions.assertDecodes(edge, DvcPdu::decodeFromClient);
        assertThat(e.totalLength()).isEqualTo(e.data().length());
        PduAssertions.assertEncodes(e, edge);
        assertGolden(new DvcPdu.CreateRequest(2, 0, 0x10000, "x"), hex("120000010078" + "00"), DvcPdu::decodeFromServer);
    }

    @Test
    void softSyncKeptRaw() {
        byte[] req = vector("soft_sync.rs__REQUEST_ENCODED");
        DvcPdu pdu = PduAssertions.assertDecodes(req, DvcPdu::decodeFromServer);
        assertThat(pdu).isInstanceOf(DvcPdu.Raw.class);
        PduAssertions.assertEncodes(pdu, req);
        PduAssertions.assertEncodes(PduAssertions.assertDecodes(vector("soft_sync.rs__RESPONSE_ENCODED"), DvcPdu::decodeFromClient),
                vector("soft_sync.rs__RESPONSE_ENCODED"));
    }

    @Test
    void rejections() {
        assertThat(assertRejected(hex("f0"), DvcPdu::decodeFromClient).getMessage()).contains("Cmd");
        assertThat(assertRejected(hex("13"), DvcPdu::decodeFromServer).getMessage()).contains("size code 3");
        assertThat(assertRejected(hex("100374657374"), DvcPdu::decodeFromServer).getMessage()).contains("NUL");
        assertThat(assertRejected(hex("4103"), DvcPdu::decodeFromClient).error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
        assertThat(assertRejected(hex("410303ff"), DvcPdu::decodeFromClient).error()).isInstanceOf(DecodeError.TrailingBytes.class);
        assertEveryTruncationRejected(vector("create.rs__RESP_ENCODED"), DvcPdu::decodeFromClient);
    }
}
