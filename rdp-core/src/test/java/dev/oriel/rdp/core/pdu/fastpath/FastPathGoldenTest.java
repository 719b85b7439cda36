package dev.oriel.rdp.core.pdu.fastpath;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.RdpFrameHint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastPathGoldenTest {

    @Test
    void ironRdpMouseMessage() {
        // conformance README E1: six mouse events.
        byte[] wire = Fixtures.ironrdp("crates__ironrdp-testsuite-core__tests__pdu__input.rs__FASTPATH_INPUT_MESSAGE");
        FastPathInputPdu expected = new FastPathInputPdu(List.of(
                new FastPathInputEvent.Mouse(0x9000, 26, 1062),
                new FastPathInputEvent.Mouse(0x0800, 27, 1062),
                new FastPathInputEvent.Mouse(0x1000, 27, 1062),
                new FastPathInputEvent.Mouse(0x0800, 26, 1063),
                new FastPathInputEvent.Mouse(0x0800, 25, 1063),
                new FastPathInputEvent.Mouse(0x0800, 25, 1064)));
        assertGolden(expected, wire, FastPathInputPdu::decode);
        assertEveryTruncationRejected(wire, FastPathInputPdu::decode);
    }

    @Test
    void everyEventKind() {
        FastPathInputPdu pdu = new FastPathInputPdu(List.of(
                new FastPathInputEvent.Scancode(FastPathInputEvent.FASTPATH_INPUT_KBDFLAGS_RELEASE
                        | FastPathInputEvent.FASTPATH_INPUT_KBDFLAGS_EXTENDED, 0x48),
                new FastPathInputEvent.Unicode(0, 0x20AC),
                new FastPathInputEvent.Sync(0x05),
                new FastPathInputEvent.MouseX(0x8001, 10, 20),
                new FastPathInputEvent.RelativeMouse(0x0800, -3, 7),
                new FastPathInputEvent.QoeTimestamp(123456)));
        byte[] wire = hex("18" + "1b" + "0348" + "80ac20" + "65" + "4001800a001400" + "a00008fdff0700" + "c040e20100");
        assertGolden(pdu, wire, FastPathInputPdu::decode);
        assertEveryTruncationRejected(wire, FastPathInputPdu::decode);
    }

    @Test
    void moreThanFifteenEventsUseTheCountByteAndLongLength() {
        List<FastPathInputEvent> events = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> events.add(new FastPathInputEvent.Mouse(0x0800, i, i)));
        FastPathInputPdu pdu = new FastPathInputPdu(events);
        byte[] wire = pdu.toByteArray();
        assertThat(wire[0]).isEqualTo((byte) 0);
        assertThat(wire[1] & 0x80).isNotZero();
        assertThat(wire[3]).isEqualTo((byte) 40);
        assertThat(wire.length).isEqualTo(1 + 2 + 1 + 40 * 7);
        assertGolden(pdu, wire, FastPathInputPdu::decode);
        assertThat(RdpFrameHint.TPKT_OR_FAST_PATH.findFrameLength(Unpooled.wrappedBuffer(wire))).isEqualTo(wire.length);
    }

    @Test
    void inputRejections() {
        // Encrypted input.
        assertThat(assertRejected(hex("8408" + "00000000000000" + "0348"), FastPathInputPdu::decode).error())
                .isInstanceOf(DecodeError.UnsupportedValue.class);
        // Length field beyond the buffer.
        assertThat(assertRejected(hex("0410" + "0348"), FastPathInputPdu::decode).getMessage()).contains("length");
        // numEvents larger than the events present.
        assertThat(assertRejected(hex("0c04" + "0348"), FastPathInputPdu::decode).error())
                .isInstanceOf(DecodeError.NotEnoughBytes.class);
        // Unknown event code 7.
        assertThat(assertRejected(hex("0403" + "e0"), FastPathInputPdu::decode).getMessage()).contains("eventCode");
        // Trailing bytes after the declared events.
        assertThat(assertRejected(hex("0405" + "034800"), FastPathInputPdu::decode).error())
                .isInstanceOf(DecodeError.TrailingBytes.class);
        // numEvents byte of 0.
        assertThat(assertRejected(hex("000300"), FastPathInputPdu::decode).getMessage()).contains("numEvents");
    }

    @Test
    void outputPduRoundTrip() {
        FastPathOutputPdu pdu = new FastPathOutputPdu(List.of(
                FastPathUpdate.single(FastPathUpdate.FASTPATH_UPDATETYPE_PTR_NULL, Bytes.EMPTY),
                FastPathUpdate.single(FastPathUpdate.FASTPATH_UPDATETYPE_PTR_POSITION, Bytes.ofHex("0a001400"))));
        byte[] wire = hex("000c" + "050000" + "0804000a001400");
        assertGolden(pdu, wire, FastPathOutputPdu::decode);
        assertEveryTruncationRejected(wire, FastPathOutputPdu::decode);
        assertThat(assertRejected(hex("800b050000"), FastPathOutputPdu::decode).error())
                .isInstanceOf(DecodeError.UnsupportedValue.class);
        assertThat(assertRejected(hex("0007" + "08ff00000000"), FastPathOutputPdu::decode).getMessage()).contains("size");
    }

    @ParameterizedTest(name = "payload {0}")
    @ValueSource(ints = {0, 1, 100, 0x3F80 - 1, 0x3F80, 0x3F80 + 1, 2 * 0x3F80, 2 * 0x3F80 + 5, 100_000})
    void fragmenterSplitsAndReassembles(int size) {
        byte[] data = new byte[size];
        new java.util.SplittableRandom(size).nextBytes(data);
        ByteBuf payload = Unpooled.wrappedBuffer(data);
        List<ByteBuf> pdus = new ArrayList<>();
        try {
            FastPathFragmenter.write(FastPathUpdate.FASTPATH_UPDATETYPE_BITMAP, payload, 0x3F_FFFF,
                    UnpooledByteBufAllocator.DEFAULT, pdus::add);
            assertThat(payload.readableBytes()).as("payload untouched").isEqualTo(size);
            int expectedPdus = Math.max(1, (size + 0x3F80 - 1) / 0x3F80);
            assertThat(pdus).hasSize(expectedPdus);
            ByteBuf joined = Unpooled.buffer();
            for (int i = 0; i < pdus.size(); i++) {
                ByteBuf pdu = pdus.get(i);
                assertThat(pdu.readableBytes()).isLessThanOrEqualTo(0x3FFF);
                assertThat(RdpFrameHint.TPKT_OR_FAST_PATH.findFrameLength(pdu)).isEqualTo(pdu.readableBytes());
                FastPathOutputPdu out = FastPathOutputPdu.decode(pdu.duplicate());
                assertThat(out.updates()).hasSize(1);
                FastPathUpdate u = out.updates().get(0);
                assertThat(u.updateCode()).isEqualTo(FastPathUpdate.FASTPATH_UPDATETYPE_BITMAP);
                int expectedFragmentation = pdus.size() == 1 ? FastPathUpdate.FASTPATH_FRAGMENT_SINGLE
                        : i == 0 ? FastPathUpdate.FASTPATH_FRAGMENT_FIRST
                        : i == pdus.size() - 1 ? FastPathUpdate.FASTPATH_FRAGMENT_LAST : FastPathUpdate.FASTPATH_FRAGMENT_NEXT;
                assertThat(u.fragmentation()).isEqualTo(expectedFragmentation);
                joined.writeBytes(u.data().toArray());
            }
            byte[] back = new byte[joined.readableBytes()];
            joined.readBytes(back);
            joined.release();
            assertThat(back).isEqualTo(data);
        } finally {
            payload.release();
            pdus.forEach(ByteBuf::release);
        }
    }

    @Test
    void fragmenterRefusesUpdatesAboveMaxRequestSize() {
        ByteBuf payload = Unpooled.wrappedBuffer(new byte[40_000]);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FastPathFragmenter.write(1, payload, 32_000,
                    UnpooledByteBufAllocator.DEFAULT, ByteBuf::release)).isInstanceOf(IllegalArgumentException.class);
        } finally {
            payload.release();
        }
    }

    /** conformance README E2: the Windows client's fast-path input after the connection sequence. */
    @Test
    void windowsClientInputStream() {
        byte[] all = Fixtures.bytes("conformance/pcap_streams/sample__stream0__c2s.bin");
        ByteBuf buf = Unpooled.wrappedBuffer(all);
        int tpkt = 0;
        int fastPath = 0;
        int scancode = 0;
        int mouse = 0;
        int sync = 0;
        try {
            while (buf.isReadable()) {
                int length = RdpFrameHint.TPKT_OR_FAST_PATH.findFrameLength(buf);
                ByteBuf frame = buf.readSlice(length);
                if (frame.getUnsignedByte(0) == 3) {
                    tpkt++;
                    continue;
                }
                fastPath++;
                FastPathInputPdu pdu = FastPathInputPdu.decode(frame);
                // mstsc writes the two-byte length form even for short PDUs; Oriel writes the shortest form, so
                // compare decode(encode(pdu)) rather than bytes.
                assertThat(FastPathInputPdu.decode(Unpooled.wrappedBuffer(pdu.toByteArray()))).isEqualTo(pdu);
                for (FastPathInputEvent e : pdu.events()) {
                    if (e instanceof FastPathInputEvent.Scancode) {
                        scancode++;
                    } else if (e instanceof FastPathInputEvent.Mouse) {
                        mouse++;
                    } else if (e instanceof FastPathInputEvent.Sync) {
                        sync++;
                    }
                }
            }
        } finally {
            buf.release();
        }
        assertThat(tpkt).isEqualTo(18);
        assertThat(fastPath).isEqualTo(39);
        assertThat(scancode).isEqualTo(8);
        assertThat(mouse).isEqualTo(35);
        assertThat(sync).isEqualTo(4);
    }
}
