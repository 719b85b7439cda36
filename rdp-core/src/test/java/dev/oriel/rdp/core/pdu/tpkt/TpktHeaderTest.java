package dev.oriel.rdp.core.pdu.tpkt;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.testutil.Fixtures;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class TpktHeaderTest {
    @Test
    void encodesIronRdpSample() {
        // IronRDP's SAMPLE_TPKT_HEADER_BINARY: a header announcing 0x42 bytes.
        byte[] wire = Fixtures.ironrdp("crates__ironrdp-testsuite-core__tests__pdu__x224.rs__SAMPLE_TPKT_HEADER_BINARY");
        assertThat(new TpktHeader(0x0542).toByteArray()).isEqualTo(wire);
    }

    @Test
    void decodesWholeFrameOnly() {
        var buf = Unpooled.wrappedBuffer(hex("0300000702f080"));
        try {
            assertThat(TpktHeader.decode(buf)).isEqualTo(new TpktHeader(7));
            assertThat(buf.readableBytes()).isEqualTo(3);
        } finally {
            buf.release();
        }
    }

    @Test
    void rejects() {
        assertThat(assertRejected(hex("0400000702f080"), TpktHeader::decode).error())
                .isEqualTo(new DecodeError.UnsupportedVersion(4));
        assertThat(assertRejected(hex("03000003"), TpktHeader::decode).error())
                .isInstanceOf(DecodeError.InvalidField.class);
        assertThat(assertRejected(hex("0300000802f080"), TpktHeader::decode).error())
                .isEqualTo(new DecodeError.NotEnoughBytes(3, 4));
        assertThat(assertRejected(hex("0300"), TpktHeader::decode).error())
                .isEqualTo(new DecodeError.NotEnoughBytes(2, 4));
    }
}
