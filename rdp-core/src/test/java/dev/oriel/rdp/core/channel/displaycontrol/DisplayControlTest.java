package dev.oriel.rdp.core.channel.displaycontrol;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.channel.dvc.DrdynvcServer;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.RecordingStaticChannelContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayControlTest {
    private static byte[] vector(String name) {
        return Fixtures.ironrdp("crates__ironrdp-testsuite-core__tests__displaycontrol__mod.rs__encode_decode_test_" + name);
    }

    @Test
    void goldens() {
        assertGolden(new DisplayControlPdu.Caps(3, 1920, 1080), vector("capabilities"), DisplayControlPdu::decode);
        byte[] layout = vector("layout");
        DisplayControlPdu.MonitorLayout pdu = (DisplayControlPdu.MonitorLayout) DisplayControlPdu.decode(Unpooled.wrappedBuffer(layout));
        assertThat(pdu.monitors()).hasSize(2);
        assertThat(pdu.monitors().get(0).primary()).isTrue();
        assertThat(pdu.monitors().get(0).width()).isEqualTo(1920);
        assertGolden(pdu, layout, DisplayControlPdu::decode);
    }

    private static String layoutHex(int count, String... monitors) {
        int len = 16 + 40 * monitors.length;
        return String.format("02000000%02x000000", len) + "28000000" + String.format("%02x000000", count) + String.join("", monitors);
    }

    private static String monitor(int flags, int width, int height) {
        ByteBuf b = Unpooled.buffer();
        new DisplayMonitorLayout(flags, 0, 0, width, height, 0, 0, 0, 100, 100).encode(b);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return dev.oriel.rdp.core.testutil.PduAssertions.hex(out);
    }

    @Test
    void serverOverDrdynvc() {
        List<List<DisplayMonitorLayout>> received = new ArrayList<>();
        DisplayControlServer dc = new DisplayControlServer(2, 3840, 2160, received::add);
        DrdynvcServer host = new DrdynvcServer(List.of(dc), 1, 1 << 16, 4);
        RecordingStaticChannelContext svc = new RecordingStaticChannelContext("drdynvc", 1005);
        host.start(svc);
        feed(host, "50000100");
        feed(host, "1001" + "00000000");
        assertThat(dc.isOpen()).isTrue();
        List<String> sent = svc.drainHex();
        assertThat(sent.get(sent.size() - 1)).isEqualTo("3001" + "0500000014000000" + "02000000" + "000f0000" + "70080000");

        feed(host, "3001" + layoutHex(1, monitor(1, 1280, 800)));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get(0).width()).isEqualTo(1280);

        // Invalid layouts close the channel without reaching the listener.
        feed(host, "3001" + layoutHex(1, monitor(1, 1281, 800)));
        assertThat(received).hasSize(1);
        assertThat(svc.drainHex()).containsExactly("4001");
    }

    @Test
    void validation() {
        DisplayControlServer dc = new DisplayControlServer(2, 3840, 2160, monitors -> { });
        assertThatThrownBy(() -> onData(dc, layoutHex(1, monitor(0, 1280, 800)))).isInstanceOf(DecodeException.class)
                .hasMessageContaining("0 primary");
        assertThatThrownBy(() -> onData(dc, layoutHex(3, monitor(1, 1280, 800), monitor(0, 800, 600), monitor(0, 800, 600))))
                .hasMessageContaining("NumMonitors");
        assertThatThrownBy(() -> onData(dc, layoutHex(1, monitor(1, 100, 800)))).hasMessageContaining("Width");
        assertThatThrownBy(() -> onData(dc, layoutHex(1, monitor(1, 1280, 9000)))).hasMessageContaining("Height");
        assertThatThrownBy(() -> onData(dc, "0200000010000000" + "29000000" + "00000000")).hasMessageContaining("MonitorLayoutSize");
        assertThatThrownBy(() -> onData(dc, "0200000010000000" + "28000000" + "05000000")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> onData(dc, "0500000014000000030000008007000038040000")).isInstanceOf(DecodeException.class);
    }

    private static void onData(DisplayControlServer dc, String h) {
        ByteBuf b = Unpooled.wrappedBuffer(hex(h));
        try {
            dc.onData(b);
        } finally {
            b.release();
        }
    }

    private static void feed(DrdynvcServer host, String h) {
        ByteBuf b = Unpooled.wrappedBuffer(hex(h));
        try {
            host.process(b);
        } finally {
            b.release();
        }
    }
}
