package dev.oriel.rdp.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Limits;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.channel.displaycontrol.DisplayControlServer;
import dev.oriel.rdp.core.channel.dvc.DrdynvcServer;
import dev.oriel.rdp.core.channel.svc.ChannelPduHeader;
import dev.oriel.rdp.core.pdu.common.InclusiveRect;
import dev.oriel.rdp.core.pdu.input.SlowPathInputEvent;
import dev.oriel.rdp.core.pdu.mcs.SendDataHeader;
import dev.oriel.rdp.core.pdu.rdp.RefreshRectPdu;
import dev.oriel.rdp.core.pdu.rdp.ShareDataBody;
import dev.oriel.rdp.core.pdu.rdp.ShareDataPdu;
import dev.oriel.rdp.core.pdu.rdp.ShutdownRequestPdu;
import dev.oriel.rdp.core.pdu.rdp.SlowPathInputPdu;
import dev.oriel.rdp.core.pdu.rdp.SuppressOutputPdu;
import dev.oriel.rdp.core.pdu.x224.X224Data;
import dev.oriel.rdp.core.session.ServerSession;
import dev.oriel.rdp.core.testutil.CapturedConnection;
import dev.oriel.rdp.core.testutil.Mutator;
import dev.oriel.rdp.core.testutil.RecordingTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of a real xfreerdp connection (and of crafted active-phase PDUs) fed to the sans-IO state
 * machines: every outcome is either success or an {@code RdpException}, which the adapter turns into a logged error
 * and the close of that connection only. A failure message carries the seed and the mutated frame.
 */
class MutatedInputTest {
    static final int ITERATIONS = 3000;
    static final SessionListener IDLE = new SessionListener() { };
    static final DesktopSize SIZE = new DesktopSize(200, 200); // small: refresh and resume re-encode it

    @Test
    void theConnectionSequenceFailsOnlyWithRdpExceptions() {
        int rejected = 0;
        int accepted = 0;
        for (long seed = 0; seed < ITERATIONS; seed++) {
            Mutator m = new Mutator(seed);
            int target = m.random().nextInt(CapturedConnection.ACTIVATION_FRAMES);
            Optional<byte[]> mutated = m.mutateFrame(CapturedConnection.CLIENT.get(target));
            if (mutated.isEmpty()) {
                continue;
            }
            Acceptor a = CapturedConnection.acceptor(Limits.defaults());
            CapturedConnection.replay(a, target, SIZE, IDLE);
            boolean failed = Mutator.expectOnlyRdpExceptions(seed, mutated.get(), () -> {
                CapturedConnection.advance(a, mutated.get(), SIZE, IDLE);
                // The rest of the script after the mutated frame: the state machine must stay coherent.
                for (int i = target + 1; i < CapturedConnection.ACTIVATION_FRAMES && !a.isAccepted(); i++) {
                    CapturedConnection.advance(a, CapturedConnection.CLIENT.get(i), SIZE, IDLE);
                }
            });
            rejected += failed ? 1 : 0;
            accepted += failed ? 0 : 1;
        }
        // Both outcomes occur: mutations reach the decoders, and some survive (ignored fields, the tolerant paths).
        assertThat(rejected).as("mutations rejected with an RdpException").isGreaterThan(ITERATIONS / 4);
        assertThat(accepted).as("mutations tolerated").isPositive();
    }

    @Test
    void theActiveSessionFailsOnlyWithRdpExceptions() {
        AcceptorResult accepted = CapturedConnection.accepted(SIZE, IDLE);
        List<byte[]> script = activeScript(accepted);
        int rejected = 0;
        for (long seed = 0; seed < ITERATIONS; seed++) {
            Mutator m = new Mutator(seed);
            int target = m.random().nextInt(script.size());
            Optional<byte[]> mutated = m.mutateFrame(script.get(target));
            if (mutated.isEmpty()) {
                continue;
            }
            RecordingTransport transport = new RecordingTransport();
            DrdynvcServer drdynvc = new DrdynvcServer(List.of(new DisplayControlServer(4, 8192, 8192, layout -> { })),
                    1, 1 << 16, 4);
            ServerSession session = new ServerSession(accepted, transport, Limits.defaults(), List.of(drdynvc), 0);
            try {
                session.startChannels();
                rejected += Mutator.expectOnlyRdpExceptions(seed, mutated.get(), () -> {
                    for (int i = 0; i < script.size() && !session.isClosed(); i++) {
                        handle(session, i == target ? mutated.get() : script.get(i));
                    }
                }) ? 1 : 0;
            } finally {
                session.end(CloseReason.of(CloseReason.Kind.PROTOCOL_ERROR, "test over"));
                transport.releaseAll();
            }
        }
        assertThat(rejected).as("mutations rejected with an RdpException").isGreaterThan(ITERATIONS / 4);
    }

    private static void handle(ServerSession session, byte[] frame) {
        ByteBuf in = Unpooled.wrappedBuffer(frame);
        try {
            session.handleFrame(in);
        } finally {
            in.release();
        }
    }

    /**
     * What a client sends once active: the captured fast-path input, slow-path PDUs the capture lacks, and the
     * drdynvc exchange that opens Display Control and sends a monitor layout.
     */
    static List<byte[]> activeScript(AcceptorResult r) {
        List<byte[]> script = new ArrayList<>(
                CapturedConnection.CLIENT.subList(CapturedConnection.ACTIVATION_FRAMES, CapturedConnection.CLIENT.size()));
        script.add(shareData(r, new SlowPathInputPdu(List.of(new SlowPathInputEvent.MouseEvent(0, 0x0800, 10, 20),
                new SlowPathInputEvent.KeyboardEvent(0, 0, 0x1E), new SlowPathInputEvent.SyncEvent(0, 0)))));
        script.add(shareData(r, new SuppressOutputPdu(Optional.empty())));
        script.add(shareData(r, new SuppressOutputPdu(Optional.of(new InclusiveRect(0, 0, 199, 199)))));
        script.add(shareData(r, new RefreshRectPdu(List.of(new InclusiveRect(0, 0, 99, 99), new InclusiveRect(5, 5, 6, 6)))));
        script.add(shareData(r, new ShutdownRequestPdu()));
        int drdynvc = r.channel(DrdynvcServer.CHANNEL_NAME).orElseThrow().id();
        HexFormat hex = HexFormat.of();
        script.add(channelData(r, drdynvc, hex.parseHex("50000100"))); // DYNVC_CAPS_RSP v1
        script.add(channelData(r, drdynvc, hex.parseHex("1001" + "00000000"))); // DYNVC_CREATE_RSP channel 1, ok
        script.add(channelData(r, drdynvc, hex.parseHex("3001" // DYNVC_DATA channel 1: DISPLAYCONTROL_MONITOR_LAYOUT
                + "02000000" + "38000000" + "28000000" + "01000000"
                + "01000000" + "00000000" + "00000000" + "00050000" + "20030000"
                + "00000000" + "00000000" + "00000000" + "64000000" + "64000000")));
        script.add(channelData(r, drdynvc, hex.parseHex("4001"))); // DYNVC_CLOSE channel 1
        return script;
    }

    private static byte[] shareData(AcceptorResult r, ShareDataBody body) {
        ShareDataPdu pdu = new ShareDataPdu(r.userChannelId(), r.shareId(), ShareDataPdu.STREAM_LOW, body);
        return sendDataRequest(r, r.ioChannelId(), pdu.toByteArray());
    }

    private static byte[] channelData(AcceptorResult r, int channelId, byte[] message) {
        byte[] header = new ChannelPduHeader(message.length,
                ChannelPduHeader.CHANNEL_FLAG_FIRST | ChannelPduHeader.CHANNEL_FLAG_LAST).toByteArray();
        byte[] data = new byte[header.length + message.length];
        System.arraycopy(header, 0, data, 0, header.length);
        System.arraycopy(message, 0, data, header.length, message.length);
        return sendDataRequest(r, channelId, data);
    }

    private static byte[] sendDataRequest(AcceptorResult r, int channelId, byte[] userData) {
        SendDataHeader h = SendDataHeader.request(r.userChannelId(), channelId, userData.length);
        ByteBuf out = Unpooled.buffer();
        try {
            X224Data.writeHeader(out, h.size() + userData.length);
            h.encode(out);
            out.writeBytes(userData);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
