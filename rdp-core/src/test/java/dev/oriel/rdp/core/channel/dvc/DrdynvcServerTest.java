package dev.oriel.rdp.core.channel.dvc;

import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.RecordingStaticChannelContext;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripted drdynvc conversations against a recording static channel. */
class DrdynvcServerTest {

    /** A processor that records what it is told and can be made to fail. */
    static final class Echo implements DynamicChannelProcessor {
        final String name;
        final List<String> events = new ArrayList<>();
        DynamicChannelContext ctx;
        boolean failOnData;

        Echo(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void onOpen(DynamicChannelContext context) {
            ctx = context;
            events.add("open " + context.channelId());
        }

        @Override
        public void onData(ByteBuf message) {
            if (failOnData) {
                throw new IllegalStateException("boom");
            }
            byte[] b = new byte[message.readableBytes()];
            message.readBytes(b);
            events.add("data " + b.length + " " + (b.length <= 8 ? dev.oriel.rdp.core.testutil.PduAssertions.hex(b) : ""));
        }

        @Override
        public void onClose() {
            events.add("close");
        }

        @Override
        public void onCreateFailed(int status) {
            events.add("failed " + Integer.toHexString(status));
        }
    }

    private static void feed(DrdynvcServer server, String hexPdu) {
        ByteBuf buf = Unpooled.wrappedBuffer(hex(hexPdu));
        try {
            server.process(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    void openExchangeAndClose() {
        Echo a = new Echo("A::chan");
        Echo b = new Echo("B");
        DrdynvcServer server = new DrdynvcServer(List.of(a, b), 1, 1 << 20, 10);
        RecordingStaticChannelContext svc = new RecordingStaticChannelContext("drdynvc", 1007);
        server.start(svc);
        assertThat(svc.drainHex()).containsExactly("50000100");
        assertThat(server.isReady()).isFalse();

        feed(server, "50000100");
        assertThat(server.isReady()).isTrue();
        assertThat(svc.drainHex()).containsExactly("1001" + "413a3a6368616e00", "1002" + "4200");

        feed(server, "1001" + "00000000");
        feed(server, "1002" + "010000c0"); // 0xC0000001: no listener
        assertThat(a.events).containsExactly("open 1");
        assertThat(b.events).containsExactly("failed c0000001");
        assertThat(server.openChannels()).containsExactly("A::chan");

        // A small message in one Data PDU each way.
        feed(server, "3001" + "cafe");
        assertThat(a.events).contains("data 2 cafe");
        a.ctx.send(Unpooled.wrappedBuffer(hex("beef")));
        assertThat(svc.drainHex()).containsExactly("3001beef");

        // Client closes: the server answers with a Close and forgets the channel.
        feed(server, "4001");
        assertThat(svc.drainHex()).containsExactly("4001");
        assertThat(a.events).endsWith("close");
        assertThat(server.openChannels()).isEmpty();
        // Data for a channel that is not open is dropped.
        feed(server, "3001" + "00");
        assertThat(a.events).hasSize(3);
    }

    @Test
    void fragmentedInAndOut() {
        Echo a = new Echo("A");
        DrdynvcServer server = new DrdynvcServer(List.of(a), 1, 5000, 10);
        RecordingStaticChannelContext svc = new RecordingStaticChannelContext("drdynvc", 1007);
        server.start(svc);
        feed(server, "50000100");
        feed(server, "1001" + "00000000");
        svc.drainHex();

        // In: DataFirst (total 6) + Data (3) + Data (1).
        feed(server, "2401" + "0600" + "0102");
        feed(server, "3001" + "030405");
        assertThat(a.events).containsExactly("open 1");
        feed(server, "3001" + "06");
        assertThat(a.events).containsExactly("open 1", "data 6 010203040506");

        // Out: 4000 bytes → DataFirst (1600 bytes total) + Data (1600) + Data (remainder), each PDU ≤ 1600 bytes.
        byte[] big = new byte[4000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        a.ctx.send(Unpooled.wrappedBuffer(big));
        List<byte[]> out = new ArrayList<>(svc.sent);
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).hasSize(1600);
        assertThat(dev.oriel.rdp.core.testutil.PduAssertions.hex(out.get(0)).substring(0, 8)).isEqualTo("2401a00f");
        assertThat(out.get(1)).hasSize(1600);
        assertThat(out.get(1)[0]).isEqualTo((byte) 0x30);
        int payload = (1600 - 4) + (1600 - 2) + (out.get(2).length - 2);
        assertThat(payload).isEqualTo(4000);
        // Reassembling what was sent gives the message back.
        ByteBuf joined = Unpooled.buffer();
        joined.writeBytes(out.get(0), 4, 1596);
        joined.writeBytes(out.get(1), 2, 1598);
        joined.writeBytes(out.get(2), 2, out.get(2).length - 2);
        byte[] back = new byte[4000];
        joined.readBytes(back);
        joined.release();
        assertThat(back).isEqualTo(big);
    }

    @Test
    void limitsAndFailuresCloseOnlyTheirChannel() {
        Echo a = new Echo("A");
        Echo b = new Echo("B");
        DrdynvcServer server = new DrdynvcServer(List.of(a, b), 2, 100, 10);
        RecordingStaticChannelContext svc = new RecordingStaticChannelContext("drdynvc", 1007);
        server.start(svc);
        assertThat(svc.drainHex()).containsExactly("500002000000000000000000");
        feed(server, "50000200");
        feed(server, "1001" + "00000000");
        feed(server, "1002" + "00000000");
        svc.drainHex();

        // A declared message above the limit closes channel A only.
        feed(server, "2401" + "6500" + "00");
        assertThat(svc.drainHex()).containsExactly("4001");
        assertThat(a.events).endsWith("close");
        assertThat(server.openChannels()).containsExactly("B");

        // Overflowing a DataFirst's Length closes B.
        feed(server, "2402" + "0300" + "0102");
        feed(server, "3002" + "0304");
        assertThat(svc.drainHex()).containsExactly("4002");
        assertThat(server.openChannels()).isEmpty();
    }

    @Test
    void processorExceptionClosesItsChannel() {
        Echo a = new Echo("A");
        Echo b = new Echo("B");
        a.failOnData = true;
        DrdynvcServer server = new DrdynvcServer(List.of(a, b), 1, 100, 10);
        RecordingStaticChannelContext svc = new RecordingStaticChannelContext("drdynvc", 1007);
        server.start(svc);
        feed(server, "50000100");
        feed(server, "1001" + "00000000");
        feed(server, "1002" + "00000000");
        svc.drainHex();
        feed(server, "3001" + "00");
        assertThat(svc.drainHex()).containsExactly("4001");
        feed(server, "3002" + "aa");
        assertThat(b.events).containsExactly("open 2", "data 1 aa");
    }

    @Test
    void openAfterReadyAndLimitOnChannels() {
        Echo a = new Echo("A");
        DrdynvcServer server = new DrdynvcServer(List.of(), 1, 100, 1);
        RecordingStaticChannelContext svc = new RecordingStaticChannelContext("drdynvc", 1007);
        server.start(svc);
        server.open(a);
        feed(server, "50000100");
        assertThat(svc.drainHex()).containsExactly("5000010000".substring(0, 8), "1001" + "4100");
        server.open(new Echo("B")); // over the limit of one channel: not created
        assertThat(svc.drainHex()).isEmpty();
    }

    @Test
    void malformedPdusAreThrown() {
        DrdynvcServer server = new DrdynvcServer(List.of(), 1, 100, 10);
        server.start(new RecordingStaticChannelContext("drdynvc", 1007));
        assertThatThrownBy(() -> feed(server, "f0")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> feed(server, "50000300")).isInstanceOf(DecodeException.class)
                .hasMessageContaining("unsupported version 3");
        // A create request from the client is not a client PDU... it decodes as a create response and is ignored.
        feed(server, "100900000000");
    }

    @Test
    void compressedDataClosesTheChannel() {
        Echo a = new Echo("A");
        DrdynvcServer server = new DrdynvcServer(List.of(a), 1, 100, 10);
        RecordingStaticChannelContext svc = new RecordingStaticChannelContext("drdynvc", 1007);
        server.start(svc);
        feed(server, "50000100");
        feed(server, "1001" + "00000000");
        svc.drainHex();
        feed(server, "7001" + "e004aa");
        assertThat(svc.drainHex()).containsExactly("4001");
        assertThat(Bytes.ofHex("").isEmpty()).isTrue();
    }
}
