package dev.oriel.rdp.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Frame;
import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.Limits;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.PointerImage;
import dev.oriel.rdp.core.api.RdpServer;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.api.TlsIdentity;
import dev.oriel.rdp.core.channel.svc.StaticChannelContext;
import dev.oriel.rdp.core.channel.svc.StaticChannelProcessor;
import dev.oriel.rdp.core.pdu.common.InclusiveRect;
import dev.oriel.rdp.core.pdu.fastpath.FastPathInputEvent;
import dev.oriel.rdp.core.pdu.fastpath.FastPathUpdate;
import dev.oriel.rdp.core.pdu.rdp.RefreshRectPdu;
import dev.oriel.rdp.core.pdu.rdp.SetErrorInfoPdu;
import dev.oriel.rdp.core.pdu.rdp.ShutdownDeniedPdu;
import dev.oriel.rdp.core.pdu.rdp.ShutdownRequestPdu;
import dev.oriel.rdp.core.pdu.rdp.SuppressOutputPdu;
import dev.oriel.rdp.core.security.TlsIdentities;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Oriel end to end over loopback TLS with the test-kit client: pixels, input, channels, pointers, lifecycle. */
class ServerEndToEndTest {
    static TlsIdentity tls;
    static final int W = 320;
    static final int H = 200;

    RdpServer server;
    InetSocketAddress address;
    final Map<String, TestDesktop> desktops = new ConcurrentHashMap<>();
    final BlockingQueue<TestDesktop> started = new LinkedBlockingQueue<>();
    volatile boolean reject;

    @BeforeAll
    static void identity() {
        tls = TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom());
    }

    /** A desktop that draws a deterministic pattern and records what it hears. */
    final class TestDesktop implements SessionListener {
        final int[] pixels = new int[W * H];
        final List<InputEvent> input = new CopyOnWriteArrayList<>();
        final List<Boolean> suppressed = new CopyOnWriteArrayList<>();
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        volatile Session session;

        TestDesktop() {
            paint(0);
        }

        void paint(int seed) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    pixels[y * W + x] = ((x * 3 + seed) & 0xFF) << 16 | ((y * 5 + seed) & 0xFF) << 8 | ((x ^ y) & 0xFF);
                }
            }
        }

        CompletableFuture<Void> submit() {
            return session.submitFrame(Frame.full(PixelBuffer.ofInts(pixels, W, H, PixelFormat.XRGB32))).toCompletableFuture();
        }

        @Override
        public void onStart(Session s) {
            session = s;
            submit();
            started.add(this);
        }

        @Override
        public void onInput(InputEvent event) {
            input.add(event);
        }

        @Override
        public void onOutputSuppressed(boolean s) {
            suppressed.add(s);
        }

        @Override
        public void onClose(CloseReason reason) {
            closed.complete(reason);
        }

        /** The pixels as a client of {@code bpp} shows them (opaque, 16-bit quantised when asked). */
        int[] expected(int bpp) {
            int[] out = new int[W * H];
            for (int i = 0; i < out.length; i++) {
                int p = pixels[i];
                if (bpp == 16) {
                    int r = (p >> 19) & 0x1F;
                    int g = (p >> 10) & 0x3F;
                    int b = (p >> 3) & 0x1F;
                    p = ((r << 3) | (r >> 2)) << 16 | ((g << 2) | (g >> 4)) << 8 | ((b << 3) | (b >> 2));
                }
                out[i] = 0xFF00_0000 | (p & 0xFF_FFFF);
            }
            return out;
        }
    }

    /** Echoes every message back reversed, on the static channel "echo". */
    static final class Echo implements StaticChannelProcessor {
        StaticChannelContext ctx;
        final List<Integer> sizes = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public void start(StaticChannelContext context) {
            ctx = context;
        }

        @Override
        public void process(ByteBuf message) {
            byte[] b = new byte[message.readableBytes()];
            message.readBytes(b);
            sizes.add(b.length);
            if (b.length == 1 && b[0] == 'X') {
                throw new IllegalStateException("boom");
            }
            byte[] r = new byte[b.length];
            for (int i = 0; i < b.length; i++) {
                r[i] = b[b.length - 1 - i];
            }
            ctx.send(Unpooled.wrappedBuffer(r));
        }
    }

    final List<Echo> echoes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = RdpServer.builder(new InetSocketAddress("127.0.0.1", 0), tls)
                .limits(Limits.defaults().withMaxSvcMessageLength(1 << 20))
                .admission(info -> {
                    if (reject) {
                        return CompletableFuture.completedFuture(SessionDecision.reject("no"));
                    }
                    TestDesktop d = new TestDesktop();
                    desktops.put(info.userName(), d);
                    return CompletableFuture.completedFuture(SessionDecision.accept(new DesktopSize(W, H), d));
                })
                .staticChannel(info -> {
                    Echo e = new Echo();
                    echoes.add(e);
                    return Optional.of(e);
                })
                .ioThreads(2)
                .build();
        server.start().toCompletableFuture().join();
        address = server.localAddress();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ClientOptions options(String user) {
        return ClientOptions.defaults().withUser(user).withSize(W, H).withChannels(List.of("echo", "drdynvc"));
    }

    TestDesktop desktop() throws InterruptedException {
        TestDesktop d = started.poll(20, TimeUnit.SECONDS);
        assertThat(d).as("a session started").isNotNull();
        return d;
    }

    @ParameterizedTest(name = "{0} bpp")
    @ValueSource(ints = {32, 24, 16})
    void clientShowsExactlyWhatTheServerDrew(int bpp) throws Exception {
        try (RdpTestClient client = RdpTestClient.connect(address, options("u" + bpp).withColorDepth(bpp))) {
            TestDesktop d = desktop();
            assertThat(d.session.info().colorDepth()).isEqualTo(bpp);
            int[] expected = d.expected(bpp);
            assertThat(client.awaitFramebuffer(fb -> java.util.Arrays.equals(fb, expected))).isTrue();
            assertThat(client.readerError()).isEmpty();
            // A second frame: only the changed region is sent.
            long before = client.bitmapRectangles();
            d.pixels[10 * W + 10] = 0xFFFFFF;
            d.session.submitFrame(new Frame(PixelBuffer.ofInts(d.pixels, W, H, PixelFormat.XRGB32),
                    List.of(new Rect(10, 10, 1, 1)))).toCompletableFuture().get(10, TimeUnit.SECONDS);
            int[] expected2 = d.expected(bpp);
            assertThat(client.awaitFramebuffer(fb -> java.util.Arrays.equals(fb, expected2))).isTrue();
            assertThat(client.bitmapRectangles() - before).isEqualTo(1);
        }
    }

    @Test
    void inputArrivesAsTypedEvents() throws Exception {
        try (RdpTestClient client = RdpTestClient.connect(address, options("input"))) {
            TestDesktop d = desktop();
            client.sendInput(new FastPathInputEvent.Scancode(0, 0x1E),
                    new FastPathInputEvent.Scancode(FastPathInputEvent.FASTPATH_INPUT_KBDFLAGS_RELEASE
                            | FastPathInputEvent.FASTPATH_INPUT_KBDFLAGS_EXTENDED, 0x48),
                    new FastPathInputEvent.Unicode(0, 0x20AC),
                    new FastPathInputEvent.Mouse(0x0800, 50, 60),
                    new FastPathInputEvent.Mouse(0x9000, 50, 60),
                    new FastPathInputEvent.Mouse(0x0200 | 0x0100 | 0x0088, 50, 60), // wheel down by 120
                    new FastPathInputEvent.MouseX(0x8001, 5, 5),
                    new FastPathInputEvent.Mouse(0x0800, 5000, 5000), // clamped to the desktop
                    new FastPathInputEvent.Sync(0x06),
                    new FastPathInputEvent.QoeTimestamp(99));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (d.input.size() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(d.input).containsExactly(
                    new InputEvent.KeyScancode(0x1E, false, false, true),
                    new InputEvent.KeyScancode(0x48, true, false, false),
                    new InputEvent.KeyUnicode(0x20AC, true),
                    new InputEvent.PointerMove(50, 60),
                    new InputEvent.PointerButton(InputEvent.Button.LEFT, true, 50, 60),
                    new InputEvent.PointerWheel(InputEvent.Axis.VERTICAL, -120, 50, 60),
                    new InputEvent.PointerButton(InputEvent.Button.X1, true, 5, 5),
                    new InputEvent.PointerMove(W - 1, H - 1),
                    new InputEvent.SyncLocks(false, true, true, false),
                    new InputEvent.QoeTimestamp(99));
        }
    }

    @Test
    void staticChannelMessagesAreReassembledAndChunkedBothWays() throws Exception {
        try (RdpTestClient client = RdpTestClient.connect(address, options("chan"))) {
            desktop();
            byte[] big = new byte[5000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) i;
            }
            client.sendChannel("echo", big);
            byte[] back = client.channelMessages("echo").poll(10, TimeUnit.SECONDS);
            assertThat(back).hasSize(5000);
            for (int i = 0; i < back.length; i++) {
                assertThat(back[i]).isEqualTo(big[big.length - 1 - i]);
            }
            assertThat(echoes.get(echoes.size() - 1).sizes).containsExactly(5000);
        }
    }

    @Test
    void aFailingChannelProcessorIsDisabledAndTheSessionContinues() throws Exception {
        try (RdpTestClient client = RdpTestClient.connect(address, options("boom"))) {
            TestDesktop d = desktop();
            client.sendChannel("echo", new byte[] {'X'});
            client.sendChannel("echo", new byte[] {'a', 'b'});
            // The session is still alive: input still arrives.
            client.sendInput(new FastPathInputEvent.Scancode(0, 0x10));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (d.input.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(d.input).containsExactly(new InputEvent.KeyScancode(0x10, false, false, true));
            assertThat(client.channelMessages("echo")).isEmpty();
            assertThat(echoes.get(echoes.size() - 1).sizes).containsExactly(1);
            assertThat(d.session.isOpen()).isTrue();
        }
    }

    @Test
    void pointersAreSentThenCached() throws Exception {
        try (RdpTestClient client = RdpTestClient.connect(address, options("ptr"))) {
            TestDesktop d = desktop();
            int[] img = new int[16 * 16];
            java.util.Arrays.fill(img, 0xFF112233);
            PointerImage p = new PointerImage(16, 16, 1, 2, img);
            d.session.setPointer(p);
            client.awaitEvent(e -> e instanceof RdpTestClient.Event.Update u && u.updateCode() == FastPathUpdate.FASTPATH_UPDATETYPE_POINTER);
            d.session.setPointer(new PointerImage(16, 16, 1, 2, img.clone()));
            client.awaitEvent(e -> e instanceof RdpTestClient.Event.Update u && u.updateCode() == FastPathUpdate.FASTPATH_UPDATETYPE_CACHED);
            d.session.setSystemPointer(dev.oriel.rdp.core.api.SystemPointer.HIDDEN);
            client.awaitEvent(e -> e instanceof RdpTestClient.Event.Update u && u.updateCode() == FastPathUpdate.FASTPATH_UPDATETYPE_PTR_NULL);
            d.session.movePointer(10, 20);
            RdpTestClient.Event pos = client.awaitEvent(e -> e instanceof RdpTestClient.Event.Update u
                    && u.updateCode() == FastPathUpdate.FASTPATH_UPDATETYPE_PTR_POSITION);
            assertThat(((RdpTestClient.Event.Update) pos).data().toHex()).isEqualTo("0a001400");
            // A 200×200 pointer for a client without 384×384 support is cut to 96×96 around its hot spot.
            d.session.setPointer(new PointerImage(200, 200, 100, 100, new int[200 * 200]));
            RdpTestClient.Event big = client.awaitEvent(e -> e instanceof RdpTestClient.Event.Update u
                    && u.updateCode() == FastPathUpdate.FASTPATH_UPDATETYPE_POINTER && u.data().length() > 2000);
            assertThat(((RdpTestClient.Event.Update) big).data().toHex()).startsWith("2000" + "0100" + "30003000" + "6000" + "6000");
        }
    }

    @Test
    void suppressOutputHoldsFramesUntilResumed() throws Exception {
        try (RdpTestClient client = RdpTestClient.connect(address, options("suppress"))) {
            TestDesktop d = desktop();
            int[] first = d.expected(32);
            assertThat(client.awaitFramebuffer(fb -> java.util.Arrays.equals(fb, first))).isTrue();
            client.sendShareData(new SuppressOutputPdu(Optional.empty()));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (d.suppressed.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(d.suppressed).containsExactly(true);
            d.paint(77);
            CompletableFuture<Void> held = d.submit();
            Thread.sleep(300);
            assertThat(held).as("not sent while suppressed").isNotDone();
            client.sendShareData(new SuppressOutputPdu(Optional.of(new InclusiveRect(0, 0, W - 1, H - 1))));
            held.get(10, TimeUnit.SECONDS);
            int[] second = d.expected(32);
            assertThat(client.awaitFramebuffer(fb -> java.util.Arrays.equals(fb, second))).isTrue();
            assertThat(d.suppressed).containsExactly(true, false);
        }
    }

    @Test
    void refreshRectSendsTheAreaAgain() throws Exception {
        try (RdpTestClient client = RdpTestClient.connect(address, options("refresh"))) {
            TestDesktop d = desktop();
            int[] expected = d.expected(32);
            assertThat(client.awaitFramebuffer(fb -> java.util.Arrays.equals(fb, expected))).isTrue();
            client.clearFramebuffer();
            client.sendShareData(new RefreshRectPdu(List.of(new InclusiveRect(0, 0, W - 1, H - 1))));
            assertThat(client.awaitFramebuffer(fb -> java.util.Arrays.equals(fb, expected))).isTrue();
        }
    }

    @Test
    void shutdownRequestIsDenied() throws Exception {
        try (RdpTestClient client = RdpTestClient.connect(address, options("shutdown"))) {
            desktop();
            client.sendShareData(new ShutdownRequestPdu());
            client.awaitEvent(e -> e instanceof RdpTestClient.Event.ShareData s && s.body() instanceof ShutdownDeniedPdu);
        }
    }

    @Test
    void theServerClosesASessionPolitely() throws Exception {
        try (RdpTestClient client = RdpTestClient.connect(address, options("bye"))) {
            TestDesktop d = desktop();
            d.session.close("maintenance").toCompletableFuture().get(10, TimeUnit.SECONDS);
            client.awaitEvent(e -> e instanceof RdpTestClient.Event.ShareData s && s.body() instanceof SetErrorInfoPdu err
                    && err.errorInfo() == SetErrorInfoPdu.ERRINFO_RPC_INITIATED_DISCONNECT);
            client.awaitEvent(e -> e instanceof RdpTestClient.Event.Disconnected);
            assertThat(client.awaitClosed()).isTrue();
            assertThat(d.closed.get(10, TimeUnit.SECONDS).kind()).isEqualTo(CloseReason.Kind.SERVER_CLOSED);
            assertThat(d.session.isOpen()).isFalse();
            assertThat(d.session.submitFrame(Frame.full(PixelBuffer.ofInts(d.pixels, W, H, PixelFormat.XRGB32))))
                    .isCompletedExceptionally();
        }
    }

    @Test
    void rejectedClientsAreToldAndDisconnected() {
        reject = true;
        assertThatThrownBy(() -> RdpTestClient.connect(address, options("nope")))
                .isInstanceOf(RdpTestClient.ConnectionRefusedException.class)
                .satisfies(e -> assertThat(((RdpTestClient.ConnectionRefusedException) e).code())
                        .isEqualTo(SetErrorInfoPdu.ERRINFO_SERVER_DENIED_CONNECTION));
    }

    @Test
    void nlaOnlyClientsGetSslRequired() {
        assertThatThrownBy(() -> RdpTestClient.connect(address, options("nla").withRequestedProtocols(2)))
                .isInstanceOf(RdpTestClient.NegotiationRefusedException.class)
                .satisfies(e -> assertThat(((RdpTestClient.NegotiationRefusedException) e).failureCode()).isEqualTo(1));
    }

    @Test
    void malformedInputClosesOnlyThatConnection() throws Exception {
        try (RdpTestClient good = RdpTestClient.connect(address, options("good"));
                RdpTestClient bad = RdpTestClient.connect(address, options("bad"))) {
            TestDesktop d1 = desktop();
            TestDesktop d2 = desktop();
            TestDesktop badDesktop = d1.session.info().userName().equals("bad") ? d1 : d2;
            TestDesktop goodDesktop = badDesktop == d1 ? d2 : d1;
            // A fast-path input PDU announcing an unknown event code 7.
            bad.sendRaw(new byte[] {0x04, 0x03, (byte) 0xE0});
            assertThat(bad.awaitClosed()).isTrue();
            assertThat(badDesktop.closed.get(10, TimeUnit.SECONDS).kind()).isEqualTo(CloseReason.Kind.PROTOCOL_ERROR);
            assertThat(bad.events()).anyMatch(e -> e instanceof RdpTestClient.Event.ShareData s
                    && s.body() instanceof SetErrorInfoPdu);
            // The other session is untouched.
            good.sendInput(new FastPathInputEvent.Scancode(0, 0x11));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (goodDesktop.input.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(goodDesktop.input).containsExactly(new InputEvent.KeyScancode(0x11, false, false, true));
            assertThat(goodDesktop.session.isOpen()).isTrue();
        }
    }

    @Test
    void manyFramesCoalesceAndTheLastOneWins() throws Exception {
        try (RdpTestClient client = RdpTestClient.connect(address, options("burst"))) {
            TestDesktop d = desktop();
            CompletableFuture<Void> last = null;
            for (int i = 0; i < 200; i++) {
                d.paint(i);
                last = d.submit();
            }
            last.get(20, TimeUnit.SECONDS);
            int[] expected = d.expected(32);
            assertThat(client.awaitFramebuffer(fb -> java.util.Arrays.equals(fb, expected))).isTrue();
        }
    }

    @Test
    void serverCloseDisconnectsEveryone() throws Exception {
        RdpTestClient a = RdpTestClient.connect(address, options("a"));
        RdpTestClient b = RdpTestClient.connect(address, options("b"));
        desktop();
        desktop();
        assertThat(server.sessions()).hasSize(2);
        server.close();
        assertThat(a.awaitClosed()).isTrue();
        assertThat(b.awaitClosed()).isTrue();
        assertThat(desktops.get("a").closed.get(10, TimeUnit.SECONDS).kind()).isEqualTo(CloseReason.Kind.SERVER_SHUTDOWN);
        a.close();
        b.close();
    }

    static Duration unused() {
        return Duration.ZERO;
    }
}
