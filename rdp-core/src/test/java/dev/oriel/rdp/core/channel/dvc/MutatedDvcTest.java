package dev.oriel.rdp.core.channel.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.channel.displaycontrol.DisplayControlServer;
import dev.oriel.rdp.core.testutil.Mutator;
import dev.oriel.rdp.core.testutil.RecordingStaticChannelContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of a client's drdynvc conversation (caps v3, two channels, fragmented data, Display Control layout,
 * close) fed straight to {@link DrdynvcServer#process} and to the Display Control processor, which the session would
 * otherwise shield: decoding may only fail with an {@code RdpException}.
 */
class MutatedDvcTest {
    static final int ITERATIONS = 3000;
    static final HexFormat HEX = HexFormat.of();
    static final List<byte[]> CONVERSATION = List.of(
            HEX.parseHex("50000300" + "0000000000000000"),        // DYNVC_CAPS_RSP v3 (the server offers 3 here)
            HEX.parseHex("1001" + "00000000"),                    // CREATE_RSP channel 1 (Display Control): ok
            HEX.parseHex("1002" + "00000000"),                    // CREATE_RSP channel 2 (echo): ok
            HEX.parseHex("2402" + "0a00" + "0102030405"),         // DATA_FIRST channel 2, length 10 (16-bit), 5 bytes
            HEX.parseHex("3002" + "0607080910"),                  // DATA channel 2: the other 5 bytes
            HEX.parseHex("3001" + "02000000" + "38000000" + "28000000" + "01000000" // MONITOR_LAYOUT, one monitor
                    + "01000000" + "00000000" + "00000000" + "00050000" + "20030000"
                    + "00000000" + "00000000" + "00000000" + "64000000" + "64000000"),
            HEX.parseHex("4002"),                                 // CLOSE channel 2
            HEX.parseHex("4001"));                                // CLOSE channel 1

    @Test
    void theDrdynvcHostFailsOnlyWithRdpExceptions() {
        int rejected = 0;
        for (long seed = 0; seed < ITERATIONS; seed++) {
            Mutator m = new Mutator(seed);
            int target = m.random().nextInt(CONVERSATION.size());
            byte[] mutated = m.mutate(CONVERSATION.get(target));
            DrdynvcServer server = new DrdynvcServer(List.of(
                    new DisplayControlServer(4, 8192, 8192, layout -> { }), new DrdynvcServerTest.Echo("echo")),
                    3, 1 << 12, 4);
            RecordingStaticChannelContext svc = new RecordingStaticChannelContext(DrdynvcServer.CHANNEL_NAME, 1007);
            server.start(svc);
            try {
                rejected += Mutator.expectOnlyRdpExceptions(seed, mutated, () -> {
                    for (int i = 0; i < CONVERSATION.size(); i++) {
                        feed(server, i == target ? mutated : CONVERSATION.get(i));
                    }
                }) ? 1 : 0;
            } finally {
                server.close();
            }
        }
        assertThat(rejected).as("mutations rejected with an RdpException").isGreaterThan(ITERATIONS / 10);
    }

    @Test
    void theDisplayControlProcessorFailsOnlyWithRdpExceptions() {
        byte[] layout = java.util.Arrays.copyOfRange(CONVERSATION.get(5), 2, CONVERSATION.get(5).length);
        int rejected = 0;
        for (long seed = 0; seed < ITERATIONS; seed++) {
            byte[] mutated = new Mutator(seed).mutate(layout);
            DisplayControlServer dc = new DisplayControlServer(4, 8192, 8192, l -> { });
            rejected += Mutator.expectOnlyRdpExceptions(seed, mutated, () -> {
                ByteBuf b = Unpooled.wrappedBuffer(mutated);
                try {
                    dc.onData(b);
                } finally {
                    b.release();
                }
            }) ? 1 : 0;
        }
        assertThat(rejected).as("mutations rejected with an RdpException").isGreaterThan(ITERATIONS / 4);
    }

    private static void feed(DrdynvcServer server, byte[] pdu) {
        ByteBuf b = Unpooled.wrappedBuffer(pdu);
        try {
            server.process(b);
        } finally {
            b.release();
        }
    }
}
