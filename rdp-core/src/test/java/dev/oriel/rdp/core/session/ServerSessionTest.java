package dev.oriel.rdp.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.GraphicsOptions;
import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.Limits;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.connection.AcceptorResult;
import dev.oriel.rdp.core.connection.ClientCapabilities;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.graphics.PlanarDecoder;
import dev.oriel.rdp.core.pdu.capability.BitmapCodecsCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.pdu.capability.SurfaceCommandsCapabilitySet;
import dev.oriel.rdp.core.pdu.fastpath.FastPathOutputPdu;
import dev.oriel.rdp.core.pdu.fastpath.FastPathUpdate;
import dev.oriel.rdp.core.pdu.mcs.DisconnectProviderUltimatum;
import dev.oriel.rdp.core.pdu.mcs.McsDomainPdu;
import dev.oriel.rdp.core.pdu.mcs.SendDataHeader;
import dev.oriel.rdp.core.pdu.rdp.SetErrorInfoPdu;
import dev.oriel.rdp.core.pdu.rdp.ShareControlPdu;
import dev.oriel.rdp.core.pdu.rdp.ShareDataPdu;
import dev.oriel.rdp.core.pdu.update.BitmapData;
import dev.oriel.rdp.core.pdu.update.BitmapUpdate;
import dev.oriel.rdp.core.pdu.x224.X224Data;
import dev.oriel.rdp.core.testutil.CapturedConnection;
import dev.oriel.rdp.core.testutil.RecordingTransport;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The active-phase state machine without a network: a session accepted from the captured xfreerdp connection, a
 * transport that records what is written and whose writability the test controls. End-to-end behaviour over TLS is
 * covered by rdp-testkit's ServerEndToEndTest; this covers what a socket cannot show deterministically.
 */
class ServerSessionTest {
    static final DesktopSize SIZE = new DesktopSize(256, 128);

    final RecordingTransport transport = new RecordingTransport();
    final List<InputEvent> inputs = new ArrayList<>();
    final List<CloseReason> closes = new ArrayList<>();
    final SessionListener listener = new SessionListener() {
        @Override
        public void onInput(InputEvent event) {
            inputs.add(event);
        }

        @Override
        public void onClose(CloseReason reason) {
            closes.add(reason);
        }
    };
    final AcceptorResult accepted = CapturedConnection.accepted(SIZE, listener);
    final ServerSession session = new ServerSession(accepted, transport, Limits.defaults(), List.of(), 0);

    @AfterEach
    void releaseEverything() {
        session.end(CloseReason.of(CloseReason.Kind.SERVER_SHUTDOWN, "test over"));
        transport.releaseAll();
    }

    static PixelBuffer solid(int argb) {
        int[] px = new int[SIZE.width() * SIZE.height()];
        Arrays.fill(px, argb);
        return PixelBuffer.ofInts(px, SIZE.width(), SIZE.height(), PixelFormat.XRGB32);
    }

    /** Every bitmap rectangle written so far, decoded to ARGB, keyed by its destination. */
    List<Painted> bitmapsWritten() {
        List<Painted> out = new ArrayList<>();
        for (ByteBuf frame : transport.takeFrames()) {
            try {
                for (FastPathUpdate u : FastPathOutputPdu.decode(frame).updates()) {
                    assertThat(u.updateCode()).isEqualTo(FastPathUpdate.FASTPATH_UPDATETYPE_BITMAP);
                    ByteBuf data = Unpooled.wrappedBuffer(u.data().toArray());
                    for (BitmapData r : BitmapUpdate.decode(data).rectangles()) {
                        ByteBuf stream = Unpooled.wrappedBuffer(r.bitmapDataStream().toArray());
                        int[] argb = PlanarDecoder.decode(stream, r.width(), r.height(), true);
                        out.add(new Painted(new Rect(r.destLeft(), r.destTop(), r.destRight() - r.destLeft() + 1,
                                r.destBottom() - r.destTop() + 1), argb));
                    }
                }
            } finally {
                frame.release();
            }
        }
        return out;
    }

    record Painted(Rect dest, int[] argb) {
    }

    @Test
    void remoteFxSurfaceBitsGoOnlyToConfirmingClientsOfAServerThatAllowsRemoteFx() {
        // The captured client plus what a /rfx client confirms: Stream Surface Bits and RemoteFX as codec 3.
        List<CapabilitySet> sets = new ArrayList<>(accepted.capabilities().sets());
        sets.add(new SurfaceCommandsCapabilitySet(SurfaceCommandsCapabilitySet.SURFCMDS_STREAM_SURFACE_BITS, 0));
        sets.add(new BitmapCodecsCapabilitySet(List.of(new BitmapCodecsCapabilitySet.Codec(
                BitmapCodecsCapabilitySet.GUID_REMOTEFX, 3, Bytes.of(new byte[2])))));
        ClientCapabilities c = accepted.capabilities();
        AcceptorResult rfxClient = new AcceptorResult(accepted.info(), accepted.listener(), accepted.desktopSize(),
                accepted.userChannelId(), accepted.ioChannelId(), accepted.shareId(), accepted.channels(),
                new ClientCapabilities(c.colorDepth(), c.desktopWidth(), c.desktopHeight(), c.fastPathOutput(),
                        c.noBitmapCompressionHeader(), 0x3F0000, c.pointerCacheSize(), c.largePointer96(),
                        c.largePointer384(), c.refreshRectSupported(), c.suppressOutputSupported(), sets));
        for (GraphicsOptions.PhotoCodec codec : GraphicsOptions.PhotoCodec.values()) {
            RecordingTransport t = new RecordingTransport();
            ServerSession s = new ServerSession(rfxClient, t, Limits.defaults(), List.of(), 0,
                    GraphicsOptions.defaults().withPhotoCodec(codec));
            try {
                s.framebuffer().copyFrom(solid(0xFF336699), List.of(Rect.of(SIZE)));
                s.flushGraphics();
                assertThat(t.frames).isNotEmpty();
                // Any lossy photo codec allows RemoteFX outside the pipeline; PLANAR keeps bitmaps.
                int expected = codec == GraphicsOptions.PhotoCodec.PLANAR
                        ? FastPathUpdate.FASTPATH_UPDATETYPE_BITMAP : FastPathUpdate.FASTPATH_UPDATETYPE_SURFCMDS;
                for (ByteBuf frame : t.frames) {
                    for (FastPathUpdate u : FastPathOutputPdu.decode(frame.duplicate()).updates()) {
                        assertThat(u.updateCode()).as("%s", codec).isEqualTo(expected);
                    }
                }
            } finally {
                s.end(CloseReason.of(CloseReason.Kind.SERVER_SHUTDOWN, "test over"));
                t.releaseAll();
            }
        }
    }

    @Test
    void damageIsHeldWhileTheTransportIsNotWritableAndOnlyTheLatestPixelsAreSent() {
        transport.writable = false;
        CompletableFuture<Void> first = session.framebuffer().copyFrom(solid(0xFF102030), List.of(new Rect(0, 0, 256, 128)));
        session.flushGraphics();
        CompletableFuture<Void> second = session.framebuffer().copyFrom(solid(0xFFA0B0C0), List.of(new Rect(0, 0, 64, 64)));
        session.flushGraphics();
        assertThat(transport.frames).as("nothing encoded while not writable").isEmpty();
        assertThat(first).isNotDone();

        transport.writable = true;
        session.flushGraphics();
        List<Painted> painted = bitmapsWritten();
        // 256x128 is 4x2 tiles; the second frame's damage merged into the first tile instead of being queued.
        assertThat(painted).extracting(Painted::dest).containsExactlyInAnyOrder(
                new Rect(0, 0, 64, 64), new Rect(64, 0, 64, 64), new Rect(128, 0, 64, 64), new Rect(192, 0, 64, 64),
                new Rect(0, 64, 64, 64), new Rect(64, 64, 64, 64), new Rect(128, 64, 64, 64), new Rect(192, 64, 64, 64));
        for (Painted p : painted) {
            int expected = p.dest().x() == 0 && p.dest().y() == 0 ? 0xFFA0B0C0 : 0xFF102030;
            assertThat(p.argb()).as("pixels of %s", p.dest()).containsOnly(expected);
        }
        assertThat(first).isCompleted();
        assertThat(second).as("one stage for the frames merged").isSameAs(first);
    }

    @Test
    void theTransportBecomingUnwritableStopsEncodingMidwayAndTheRestFollowsLater() {
        transport.writableBudget = 1; // writable for one write only
        int[] noise = new java.util.Random(42).ints(SIZE.width() * SIZE.height()).toArray();
        PixelBuffer incompressible = PixelBuffer.ofInts(noise, SIZE.width(), SIZE.height(), PixelFormat.XRGB32);
        session.framebuffer().copyFrom(incompressible, List.of(new Rect(0, 0, 256, 128)));
        session.flushGraphics();
        int firstBurst = bitmapsWritten().size();
        assertThat(firstBurst).isBetween(1, 7);
        assertThat(session.framebuffer().hasDamage()).isTrue();

        transport.writableBudget = Integer.MAX_VALUE;
        session.flushGraphics();
        assertThat(firstBurst + bitmapsWritten().size()).isEqualTo(8);
        assertThat(session.framebuffer().hasDamage()).isFalse();
    }

    @Test
    void fastPathInputFromTheCaptureArrivesAsTypedEvents() {
        for (int i = CapturedConnection.ACTIVATION_FRAMES; i < CapturedConnection.CLIENT.size(); i++) {
            ByteBuf frame = Unpooled.wrappedBuffer(CapturedConnection.CLIENT.get(i));
            try {
                session.handleFrame(frame);
            } finally {
                frame.release();
            }
        }
        assertThat(inputs).isNotEmpty();
        assertThat(inputs).hasAtLeastOneElementOfType(InputEvent.PointerMove.class);
        assertThat(inputs).hasAtLeastOneElementOfType(InputEvent.KeyScancode.class);
        assertThat(inputs).hasAtLeastOneElementOfType(InputEvent.SyncLocks.class);
    }

    @Test
    void dataForAChannelTheClientNeverJoinedIsADecodeErrorNamingTheField() {
        ByteBuf frame = Unpooled.buffer();
        SendDataHeader h = SendDataHeader.request(accepted.userChannelId(), 2000, 0);
        X224Data.writeHeader(frame, h.size());
        h.encode(frame);
        try {
            assertThatThrownBy(() -> session.handleFrame(frame)).isInstanceOf(DecodeException.class)
                    .hasMessageContaining("SendDataHeader").hasMessageContaining("channelId");
        } finally {
            frame.release();
        }
    }

    @Test
    void theClientsDisconnectEndsTheSessionOnce() {
        ByteBuf frame = Unpooled.buffer();
        DisconnectProviderUltimatum dpu = new DisconnectProviderUltimatum(DisconnectProviderUltimatum.RN_USER_REQUESTED);
        X224Data.writeHeader(frame, dpu.size());
        dpu.encode(frame);
        try {
            session.handleFrame(frame);
        } finally {
            frame.release();
        }
        assertThat(transport.closed).isTrue();
        assertThat(session.isClosed()).isTrue();
        assertThat(closes).extracting(CloseReason::kind).containsExactly(CloseReason.Kind.CLIENT_DISCONNECTED);
    }

    @Test
    void closingSaysWhyDisconnectsAndFailsThePendingFrame() {
        transport.writable = false;
        CompletableFuture<Void> pending = session.framebuffer().copyFrom(solid(0xFF000000), List.of(new Rect(0, 0, 8, 8)));
        session.close(CloseReason.of(CloseReason.Kind.SERVER_SHUTDOWN, "bye"), SetErrorInfoPdu.ERRINFO_RPC_INITIATED_DISCONNECT);

        List<ByteBuf> frames = transport.takeFrames();
        assertThat(frames).hasSize(2);
        try {
            ByteBuf mcs = X224Data.unwrap(frames.get(0));
            SendDataHeader h = (SendDataHeader) McsDomainPdu.decode(mcs);
            assertThat(h.kind()).isEqualTo(SendDataHeader.Kind.INDICATION);
            ShareControlPdu pdu = ShareControlPdu.decode(mcs.readSlice(h.userDataLength()));
            assertThat(((ShareDataPdu) pdu).body())
                    .isEqualTo(new SetErrorInfoPdu(SetErrorInfoPdu.ERRINFO_RPC_INITIATED_DISCONNECT));
            assertThat(McsDomainPdu.decode(X224Data.unwrap(frames.get(1))))
                    .isEqualTo(new DisconnectProviderUltimatum(DisconnectProviderUltimatum.RN_PROVIDER_INITIATED));
        } finally {
            frames.forEach(ByteBuf::release);
        }
        assertThat(transport.closed).isTrue();
        assertThat(pending).isCompletedExceptionally();
        assertThat(closes).hasSize(1);

        session.setSystemPointer(dev.oriel.rdp.core.api.SystemPointer.DEFAULT);
        session.flushGraphics();
        assertThat(transport.frames).as("nothing is written after close").isEmpty();
    }

    /** A stand-in drawing order: {@code size} bytes of {@code fill}. */
    record FakeOrder(int size, int fill) implements dev.oriel.rdp.core.wire.Encodable {
        @Override
        public void encode(ByteBuf dst) {
            for (int i = 0; i < size; i++) {
                dst.writeByte(fill);
            }
        }

        @Override
        public String name() {
            return "FakeOrder";
        }
    }

    /** Every Orders update written, reassembled from its fragments, as bytes. */
    List<byte[]> ordersUpdatesWritten() {
        List<byte[]> updates = new ArrayList<>();
        java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
        for (ByteBuf frame : transport.takeFrames()) {
            try {
                assertThat(frame.readableBytes()).as("fast-path PDU size").isLessThanOrEqualTo(0x3FFF);
                for (FastPathUpdate u : FastPathOutputPdu.decode(frame).updates()) {
                    assertThat(u.updateCode()).isEqualTo(FastPathUpdate.FASTPATH_UPDATETYPE_ORDERS);
                    partial.writeBytes(u.data().toArray());
                    if (u.fragmentation() == FastPathUpdate.FASTPATH_FRAGMENT_SINGLE
                            || u.fragmentation() == FastPathUpdate.FASTPATH_FRAGMENT_LAST) {
                        updates.add(partial.toByteArray());
                        partial.reset();
                    }
                }
            } finally {
                frame.release();
            }
        }
        assertThat(partial.size()).as("no unfinished fragments").isZero();
        return updates;
    }

    @Test
    void ordersArePackedIntoUpdatesThatEachFitOnePdu() {
        List<FakeOrder> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orders.add(new FakeOrder(5000, i));
        }
        session.sendOrders(orders);
        List<byte[]> updates = ordersUpdatesWritten();
        // 0x3F80 bytes per PDU leave room for three 5000-byte orders after numberOrders.
        assertThat(updates).hasSize(4);
        int next = 0;
        for (byte[] u : updates) {
            ByteBuf b = Unpooled.wrappedBuffer(u);
            int n = b.readUnsignedShortLE();
            assertThat(b.readableBytes()).isEqualTo(n * 5000);
            for (int k = 0; k < n; k++, next++) {
                assertThat(b.getByte(b.readerIndex() + k * 5000)).as("order %d in place", next).isEqualTo((byte) next);
            }
        }
        assertThat(next).isEqualTo(10);
    }

    @Test
    void anOrderLargerThanOnePduTravelsAloneInFragments() {
        session.sendOrders(List.of(new FakeOrder(10, 1), new FakeOrder(40_000, 2), new FakeOrder(10, 3)));
        List<byte[]> updates = ordersUpdatesWritten();
        assertThat(updates).extracting(u -> u.length).containsExactly(2 + 10, 2 + 40_000, 2 + 10);
        assertThat(updates.get(1)[2]).isEqualTo((byte) 2);
        assertThat(updates.get(1)[0]).isEqualTo((byte) 1);
    }

    @Test
    void anOrderBeyondTheClientsReassemblyLimitIsAnEncodeError() {
        int limit = accepted.capabilities().multifragmentMaxRequestSize();
        assertThatThrownBy(() -> session.sendOrders(List.of(new FakeOrder(limit, 0))))
                .isInstanceOf(dev.oriel.rdp.core.error.EncodeException.class).hasMessageContaining("FakeOrder");
        assertThat(transport.frames).isEmpty();
    }
}
