package dev.oriel.rdp.rail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.error.SequenceException;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.pdu.capability.RemoteProgramsCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.WindowListCapabilitySet;
import dev.oriel.rdp.core.testutil.RecordingStaticChannelContext;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.rail.orders.DeleteWindowOrder;
import dev.oriel.rdp.rail.orders.MonitoredDesktopOrder;
import dev.oriel.rdp.rail.orders.WindowIconOrder;
import dev.oriel.rdp.rail.orders.WindowOrder;
import dev.oriel.rdp.rail.orders.WindowStateOrder;
import dev.oriel.rdp.rail.pdu.Activate;
import dev.oriel.rdp.rail.pdu.ClientStatus;
import dev.oriel.rdp.rail.pdu.Exec;
import dev.oriel.rdp.rail.pdu.ExecResult;
import dev.oriel.rdp.rail.pdu.Handshake;
import dev.oriel.rdp.rail.pdu.HandshakeEx;
import dev.oriel.rdp.rail.pdu.LocalMoveSize;
import dev.oriel.rdp.rail.pdu.MinMaxInfo;
import dev.oriel.rdp.rail.pdu.RailPdu;
import dev.oriel.rdp.rail.pdu.SysCommand;
import dev.oriel.rdp.rail.pdu.SysParam;
import dev.oriel.rdp.rail.pdu.WindowMove;
import dev.oriel.rdp.rail.pdu.WindowRect;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The rail channel and the window model together, sans I/O: what the client sends in, what goes out. */
class RemoteAppDesktopTest {
    static final int RED = 0xFFCC2200;
    static final int BLUE = 0xFF0044CC;

    final FakeSession session = new FakeSession(640, 480);
    final List<LaunchRequest> launches = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final RemoteAppDesktop desktop = new RemoteAppDesktop();
    AppWindow launched;
    RecordingStaticChannelContext ctx;
    RailChannel channel;

    /** A published app that opens one 100×50 red window at (40, 30). */
    final PublishedApp app = new PublishedApp("editor", "Editor", (d, request) -> {
        launches.add(request);
        launched = d.createWindow(WindowSpec.normal("Editor", new Rect(40, 30, 100, 50), icon(), "editor"),
                new Recording());
        launched.paint(solid(100, 50, RED));
        launched.show();
    });

    class Recording implements WindowListener {
        @Override
        public void onInput(AppWindow w, InputEvent e) {
            events.add(w.id() + " input " + e);
        }

        @Override
        public void onActivated(AppWindow w, boolean active) {
            events.add(w.id() + " active " + active);
        }

        @Override
        public void onBoundsChanged(AppWindow w, Rect oldBounds, Rect newBounds) {
            events.add(w.id() + " bounds " + newBounds);
        }

        @Override
        public HitArea hitTest(AppWindow w, int x, int y) {
            return y < 10 ? HitArea.CAPTION : HitArea.CLIENT;
        }
    }

    static AppIcon icon() {
        int[] px = new int[4 * 4];
        Arrays.fill(px, 0xFF00FF00);
        return new AppIcon(4, 4, px);
    }

    static PixelBuffer solid(int w, int h, int argb) {
        int[] px = new int[w * h];
        Arrays.fill(px, argb);
        return PixelBuffer.ofInts(px, w, h, PixelFormat.XRGB32);
    }

    void connect(long railLevel, long clientStatus) {
        List<CapabilitySet> caps = List.of(new RemoteProgramsCapabilitySet(railLevel),
                new WindowListCapabilitySet(2, OptionalInt.of(3), OptionalInt.of(12)));
        ctx = new RecordingStaticChannelContext("rail", 1004, caps);
        channel = new RailChannel(session.info, List.of(app));
        session.channels.add(channel);
        desktop.onStart(session);
        channel.start(ctx);
        receive(new Handshake(0x1DB0));
        receive(new ClientStatus(clientStatus));
        receive(new SysParam(SysParam.SPI_SET_WORK_AREA, new SysParam.Value.Rectangle(0, 0, 640, 440)));
    }

    void receive(RailPdu pdu) {
        channel.process(Unpooled.wrappedBuffer(pdu.toByteArray()));
    }

    List<RailPdu> railSent() {
        List<RailPdu> out = new ArrayList<>();
        for (byte[] b : ctx.sent) {
            out.add(RailPdu.decode(Unpooled.wrappedBuffer(b)));
        }
        ctx.sent.clear();
        return out;
    }

    List<Encodable> ordersSent() {
        List<Encodable> out = new ArrayList<>();
        ctx.orders.forEach(out::addAll);
        ctx.orders.clear();
        // Every order must survive its own encoding: what is sent is what a client decodes.
        for (Encodable o : out) {
            assertThat(WindowOrder.decode(Unpooled.wrappedBuffer(o.toByteArray()))).isEqualTo(o);
        }
        return out;
    }

    @Test
    void handshakeIsExtendedOnlyWhenTheClientSupportsIt() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        // After the client's handshake: the server runs no screen saver of its own.
        assertThat(railSent()).containsExactly(new Handshake(RailChannel.SERVER_BUILD),
                new SysParam(SysParam.SPI_SET_SCREEN_SAVE_ACTIVE, new SysParam.Value.Flag(false)),
                new SysParam(SysParam.SPI_SET_SCREEN_SAVE_SECURE, new SysParam.Value.Flag(false)));

        RemoteAppDesktopTest other = new RemoteAppDesktopTest();
        other.connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED
                | RemoteProgramsCapabilitySet.RAIL_LEVEL_HANDSHAKE_EX_SUPPORTED, 0);
        assertThat(other.railSent()).startsWith(new HandshakeEx(RailChannel.SERVER_BUILD,
                RailChannel.HANDSHAKE_EX_FLAGS));
    }

    @Test
    void capabilitySetsAreOfferedOnlyToRemoteAppClients() {
        RemoteAppServer server = RemoteAppServer.builder().publish(app).build();
        assertThat(server.capabilitySets(session.info)).containsExactly(
                new RemoteProgramsCapabilitySet(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED
                        | RemoteProgramsCapabilitySet.RAIL_LEVEL_HANDSHAKE_EX_SUPPORTED),
                new WindowListCapabilitySet(2, OptionalInt.of(3), OptionalInt.of(12)));
        assertThat(server.create(session.info)).isPresent();
        FakeSession desktopClient = new FakeSession(640, 480);
        var notRail = new dev.oriel.rdp.core.api.SessionInfo(2, desktopClient.info.remoteAddress(),
                java.util.Optional.empty(), java.util.Optional.empty(), "SSL", "c", 1, desktopClient.info.requestedSize(),
                32, 0x409, 4, 0, 12, List.of(), List.of("rail"), "u", "", "", "", "", 0, java.util.Optional.empty());
        assertThat(server.capabilitySets(notRail)).isEmpty();
        assertThat(server.create(notRail)).isEmpty();
        assertThatThrownBy(() -> RemoteAppServer.builder().publish(app).publish(new PublishedApp("EDITOR", "x",
                (d, r) -> { })).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnpublishedProgramIsRefusedAndNothingRuns() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        railSent();
        receive(new Exec(0, "C:\\Windows\\system32\\cmd.exe", "", "/c calc"));
        receive(new Exec(0, "||editor2", "", ""));
        assertThat(railSent()).containsExactly(
                new ExecResult(0, ExecResult.RAIL_EXEC_E_NOT_IN_ALLOWLIST, 0, "C:\\Windows\\system32\\cmd.exe"),
                new ExecResult(0, ExecResult.RAIL_EXEC_E_NOT_IN_ALLOWLIST, 0, "||editor2"));
        assertThat(launches).isEmpty();
        assertThat(desktop.windows()).isEmpty();
    }

    @Test
    void aPublishedAppStartsAndItsWindowIsAnnouncedAndComposited() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, ClientStatus.TS_RAIL_CLIENTSTATUS_ALLOWLOCALMOVESIZE);
        railSent();
        ordersSent();
        receive(new Exec(0, "||editor", "C:\\work", "notes.txt"));
        assertThat(launches).containsExactly(new LaunchRequest("||editor", "notes.txt", "C:\\work"));

        List<RailPdu> rail = railSent();
        assertThat(rail.get(0)).isEqualTo(new ExecResult(0, ExecResult.RAIL_EXEC_S_OK, 0, "||editor"));
        assertThat(rail.get(1)).isEqualTo(new MinMaxInfo(launched.id(), 640, 440, 0, 0, 32, 16, 640, 480));

        List<Encodable> orders = ordersSent();
        WindowStateOrder created = (WindowStateOrder) orders.get(0);
        assertThat(created.newWindow()).isTrue();
        assertThat(created.windowId()).isEqualTo(launched.id()).isNotZero();
        assertThat(created.title()).isEqualTo("Editor");
        assertThat(created.showState()).isEqualTo(WindowStateOrder.SHOW_NORMAL);
        assertThat(created.windowOffset()).isEqualTo(new WindowStateOrder.Point(40, 30));
        assertThat(created.windowSize()).isEqualTo(new WindowStateOrder.Extent(100, 50));
        assertThat(created.visibleOffset()).isEqualTo(new WindowStateOrder.Point(40, 30));
        assertThat(created.visibilityRects()).containsExactly(new WindowStateOrder.Rectangle16(0, 0, 100, 50));
        assertThat(created.taskbarButton()).isZero();
        assertThat(created.style().style() & WindowStateOrder.WS_POPUP).isZero();
        assertThat(orders.get(1)).isInstanceOfSatisfying(WindowIconOrder.class, i -> assertThat(i.big()).isTrue());
        assertThat(orders.get(2)).isInstanceOfSatisfying(WindowIconOrder.class, i -> assertThat(i.big()).isFalse());
        // The z-order and active window follow the new window (P-RAIL-9).
        assertThat(orders.get(3)).isEqualTo(MonitoredDesktopOrder.state(launched.id(), List.of(launched.id())));
        assertThat(orders).hasSize(4);

        // Pixels: the window is composited at its position; the rest of the desktop is untouched.
        assertThat(session.pixel(40, 30)).isEqualTo(RED);
        assertThat(session.pixel(139, 79)).isEqualTo(RED);
        assertThat(session.pixel(140, 80)).isEqualTo(0xFF000000);
        assertThat(events).contains(launched.id() + " active true");
    }

    @Test
    void theHookedBurstBracketsWindowsThatExistedBeforeTheClientAnswered() {
        desktop.onStart(session);
        AppWindow early = desktop.createWindow(WindowSpec.normal("Early", new Rect(0, 0, 20, 20), null, "x"),
                new Recording());
        early.show();
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        List<Encodable> orders = ordersSent();
        assertThat(orders.get(0)).isEqualTo(new MonitoredDesktopOrder(true, true, false,
                java.util.OptionalLong.empty(), java.util.Optional.empty()));
        assertThat(((WindowStateOrder) orders.get(1)).windowId()).isEqualTo(early.id());
        assertThat(orders.get(2)).isEqualTo(MonitoredDesktopOrder.state(early.id(), List.of(early.id())));
        assertThat(orders.get(3)).isEqualTo(new MonitoredDesktopOrder(false, false, true,
                java.util.OptionalLong.empty(), java.util.Optional.empty()));
    }

    @Test
    void titleChangesSendOnlyTheTitle() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        ordersSent();
        launched.setTitle("*Editor");
        WindowStateOrder update = (WindowStateOrder) ordersSent().get(0);
        assertThat(update).isEqualTo(WindowStateOrder.builder(launched.id(), false).title("*Editor").build());
        launched.setTitle("*Editor");
        assertThat(ordersSent()).isEmpty();
    }

    @Test
    void theClientMovesAndResizesAndTheModelFollows() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        ordersSent();
        session.frames.clear();
        receive(new WindowMove(launched.id(), new WindowRect(200, 100, 320, 180)));
        assertThat(launched.bounds()).isEqualTo(new Rect(200, 100, 120, 80));
        assertThat(events).contains(launched.id() + " bounds " + new Rect(200, 100, 120, 80));
        WindowStateOrder confirm = (WindowStateOrder) ordersSent().get(0);
        assertThat(confirm.windowOffset()).isEqualTo(new WindowStateOrder.Point(200, 100));
        assertThat(confirm.windowSize()).isEqualTo(new WindowStateOrder.Extent(120, 80));
        assertThat(confirm.newWindow()).isFalse();
        // The old place is cleared and the window (kept pixels where they overlap, white elsewhere) is drawn anew.
        assertThat(session.frames).isNotEmpty();
        assertThat(session.pixel(40, 30)).isEqualTo(0xFF000000);
        assertThat(session.pixel(200, 100)).isEqualTo(RED);
        assertThat(session.pixel(319, 179)).isEqualTo(0xFFFFFFFF);
        // A nonsensical rectangle is ignored, not fatal.
        receive(new WindowMove(launched.id(), new WindowRect(10, 10, 5, 5)));
        assertThat(launched.bounds()).isEqualTo(new Rect(200, 100, 120, 80));
    }

    @Test
    void minimizeRestoreAndMaximizeRoundTrip() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        ordersSent();
        receive(new SysCommand(launched.id(), SysCommand.SC_MINIMIZE));
        assertThat(launched.state()).isEqualTo(WindowState.MINIMIZED);
        assertThat(ordersSent()).anySatisfy(o -> assertThat(o).isEqualTo(
                WindowStateOrder.builder(launched.id(), false).showState(WindowStateOrder.SHOW_MINIMIZED).build()));
        assertThat(session.pixel(40, 30)).isEqualTo(0xFF000000);

        receive(new SysCommand(launched.id(), SysCommand.SC_RESTORE));
        assertThat(launched.state()).isEqualTo(WindowState.NORMAL);
        assertThat(session.pixel(40, 30)).isEqualTo(RED);
        assertThat(ordersSent()).anySatisfy(o -> assertThat(o).isEqualTo(
                WindowStateOrder.builder(launched.id(), false).showState(WindowStateOrder.SHOW_NORMAL).build()));

        receive(new SysCommand(launched.id(), SysCommand.SC_MAXIMIZE));
        assertThat(launched.bounds()).isEqualTo(new Rect(0, 0, 640, 440)); // the client's work area
        WindowStateOrder max = (WindowStateOrder) ordersSent().stream()
                .filter(o -> o instanceof WindowStateOrder).findFirst().orElseThrow();
        assertThat(max.showState()).isEqualTo(WindowStateOrder.SHOW_MAXIMIZED);
        assertThat(max.windowSize()).isEqualTo(new WindowStateOrder.Extent(640, 440));
        receive(new SysCommand(launched.id(), SysCommand.SC_RESTORE));
        assertThat(launched.bounds()).isEqualTo(new Rect(40, 30, 100, 50));

        // Server side minimise goes to the client the same way.
        launched.setState(WindowState.MINIMIZED);
        assertThat(ordersSent()).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(WindowStateOrder.class,
                s -> assertThat(s.showState()).isEqualTo(WindowStateOrder.SHOW_MINIMIZED)));
    }

    @Test
    void closeAsksTheApplicationAndTheLastWindowEndsTheSession() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        ordersSent();
        receive(new SysCommand(launched.id(), SysCommand.SC_CLOSE));
        assertThat(launched.isDestroyed()).isTrue();
        assertThat(ordersSent()).startsWith(new DeleteWindowOrder(launched.id()));
        assertThat(session.closedWith).isEqualTo("all applications closed");
    }

    @Test
    void anApplicationMayRefuseToClose() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        AppWindow stubborn = desktop.createWindow(WindowSpec.normal("Unsaved", new Rect(0, 0, 50, 50), null, "x"),
                new WindowListener() {
                    @Override
                    public void onCloseRequested(AppWindow window) {
                        events.add("refused");
                    }
                });
        stubborn.show();
        receive(new SysCommand(stubborn.id(), SysCommand.SC_CLOSE));
        assertThat(events).containsExactly("refused");
        assertThat(stubborn.isDestroyed()).isFalse();
        assertThat(session.closedWith).isNull();
    }

    @Test
    void inputGoesToTheRightWindowInItsCoordinates() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        events.clear();
        desktop.onInput(new InputEvent.KeyScancode(0x1E, false, false, true));
        desktop.onInput(new InputEvent.PointerMove(50, 60));
        desktop.onInput(new InputEvent.PointerMove(5, 5)); // over no window
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, true, 60, 70));
        desktop.onInput(new InputEvent.PointerMove(600, 400)); // captured while the button is down
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, false, 600, 400));
        long id = launched.id();
        assertThat(events).containsExactly(
                id + " input " + new InputEvent.KeyScancode(0x1E, false, false, true),
                id + " input " + new InputEvent.PointerMove(10, 30),
                id + " input " + new InputEvent.PointerButton(InputEvent.Button.LEFT, true, 20, 40),
                id + " input " + new InputEvent.PointerMove(560, 370),
                id + " input " + new InputEvent.PointerButton(InputEvent.Button.LEFT, false, 560, 370));
    }

    @Test
    void draggingTheCaptionStartsALocalMoveWhenTheClientAllowsIt() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, ClientStatus.TS_RAIL_CLIENTSTATUS_ALLOWLOCALMOVESIZE);
        receive(new Exec(0, "||editor", "", ""));
        railSent();
        events.clear();
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, true, 45, 32));
        assertThat(railSent()).containsExactly(new LocalMoveSize(launched.id(), true, LocalMoveSize.RAIL_WMSZ_MOVE, 5, 2));
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, false, 45, 32));
        assertThat(events).isEmpty(); // the press and release belong to the move, not the application
        receive(new WindowMove(launched.id(), new WindowRect(300, 200, 400, 250)));
        assertThat(railSent()).containsExactly(new LocalMoveSize(launched.id(), false, LocalMoveSize.RAIL_WMSZ_MOVE,
                300, 200));
    }

    @Test
    void withoutLocalMoveSizeTheServerFollowsThePointer() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, true, 45, 32));
        desktop.onInput(new InputEvent.PointerMove(145, 82));
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, false, 145, 82));
        assertThat(launched.bounds()).isEqualTo(new Rect(140, 80, 100, 50));
        assertThat(session.pixel(140, 80)).isEqualTo(RED);
    }

    @Test
    void dialogsStayAboveTheirOwnerAndActivationFollowsTheClient() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        AppWindow dialog = desktop.createWindow(WindowSpec.dialog("Save?", new Rect(60, 40, 40, 20), launched),
                new Recording());
        dialog.paint(solid(40, 20, BLUE));
        dialog.show();
        ordersSent();
        assertThat(desktop.windows()).containsExactly(dialog, launched);
        assertThat(session.pixel(60, 40)).isEqualTo(BLUE);

        receive(new Activate(launched.id(), true));
        assertThat(desktop.activeWindow()).contains(launched);
        assertThat(desktop.windows()).containsExactly(dialog, launched);
        assertThat(ordersSent()).contains(MonitoredDesktopOrder.state(launched.id(), List.of(dialog.id(), launched.id())));

        WindowStateOrder created = (WindowStateOrder) new RemoteAppDesktopTest().dialogOrder();
        assertThat(created.ownerWindowId()).isNotZero();
        assertThat(created.taskbarButton()).isEqualTo(1);
        assertThat(created.style().style() & WindowStateOrder.WS_POPUP).isNotZero();

        launched.destroy(); // owned windows go with their owner
        assertThat(dialog.isDestroyed()).isTrue();
        assertThat(ordersSent()).containsSubsequence(new DeleteWindowOrder(dialog.id()),
                new DeleteWindowOrder(launched.id()));
    }

    Encodable dialogOrder() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        ordersSent();
        AppWindow dialog = desktop.createWindow(WindowSpec.dialog("Save?", new Rect(60, 40, 40, 20), launched),
                new Recording());
        dialog.show();
        return ordersSent().get(0);
    }

    @Test
    void serverToClientPdusFromTheClientAreRejected() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        assertThatThrownBy(() -> receive(new ExecResult(0, 0, 0, "x"))).isInstanceOf(SequenceException.class)
                .hasMessageContaining("ExecResult");
        assertThatThrownBy(() -> receive(new MinMaxInfo(1, 1, 1, 1, 1, 1, 1, 1, 1)))
                .isInstanceOf(SequenceException.class);
    }

    @Test
    void requestsForUnknownWindowsAreIgnored() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Activate(77, true));
        receive(new SysCommand(77, SysCommand.SC_CLOSE));
        receive(new WindowMove(77, new WindowRect(0, 0, 10, 10)));
        assertThat(desktop.windows()).isEmpty();
        assertThat(session.closedWith).isNull();
    }

    @Test
    void trayIconsAreAnnouncedUpdatedClickedAndRemoved() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        ordersSent();
        List<Integer> clicks = new ArrayList<>();
        TrayIcon tray = desktop.addTrayIcon("Oriel", icon(), (t, message) -> clicks.add(message));
        dev.oriel.rdp.rail.orders.NotifyIconOrder created =
                (dev.oriel.rdp.rail.orders.NotifyIconOrder) ordersSent().get(0);
        assertThat(created.newIcon()).isTrue();
        assertThat(created.notifyIconId()).isEqualTo(tray.id());
        assertThat(created.toolTip()).isEqualTo("Oriel");
        assertThat(created.version()).isEqualTo(4L);
        assertThat(created.icon()).isNotNull();

        tray.showBalloon("Build", "done", 1);
        dev.oriel.rdp.rail.orders.NotifyIconOrder balloon =
                (dev.oriel.rdp.rail.orders.NotifyIconOrder) ordersSent().get(0);
        assertThat(balloon.newIcon()).isFalse();
        assertThat(balloon.infoTip()).isEqualTo(new dev.oriel.rdp.rail.orders.NotifyIconOrder.InfoTip(
                TrayIcon.BALLOON_TIMEOUT_MILLIS, 1, "done", "Build"));

        receive(new dev.oriel.rdp.rail.pdu.NotifyEvent(0, tray.id(), dev.oriel.rdp.rail.pdu.NotifyEvent.WM_LBUTTONUP));
        receive(new dev.oriel.rdp.rail.pdu.NotifyEvent(0, 999, dev.oriel.rdp.rail.pdu.NotifyEvent.WM_LBUTTONUP));
        assertThat(clicks).containsExactly(dev.oriel.rdp.rail.pdu.NotifyEvent.WM_LBUTTONUP);

        tray.remove();
        assertThat(ordersSent()).containsExactly(new dev.oriel.rdp.rail.orders.DeleteNotifyIconOrder(0, tray.id()));
    }

    @Test
    void iconChangesSendBothIconsAndLargeIconsShrinkForClientsWithoutHighDpiIcons() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        ordersSent();
        int[] px = new int[64 * 64];
        Arrays.fill(px, 0xFF123456);
        launched.setIcon(new AppIcon(64, 64, px));
        List<Encodable> orders = ordersSent();
        assertThat(orders).hasSize(2);
        WindowIconOrder big = (WindowIconOrder) orders.get(0);
        WindowIconOrder small = (WindowIconOrder) orders.get(1);
        assertThat(big.big()).isTrue();
        assertThat(big.icon().width()).isEqualTo(32);
        assertThat(small.icon().width()).isEqualTo(16);
        assertThat(big.icon().cacheId()).isEqualTo(dev.oriel.rdp.rail.orders.IconInfo.NO_CACHE_ID);
    }

    @Test
    void cloakAndDisplayPowerGoOnlyToClientsThatAnnouncedThem() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        railSent();
        launched.setCloaked(true);
        assertThat(desktop.requestDisplayOn(true)).isFalse();
        assertThat(railSent()).isEmpty();

        RemoteAppDesktopTest capable = new RemoteAppDesktopTest();
        capable.connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED,
                ClientStatus.TS_RAIL_CLIENTSTATUS_BIDIRECTIONAL_CLOAK_SUPPORTED
                        | ClientStatus.TS_RAIL_CLIENTSTATUS_POWER_DISPLAY_REQUEST_SUPPORTED);
        capable.receive(new Exec(0, "||editor", "", ""));
        capable.railSent();
        capable.launched.setCloaked(true);
        capable.launched.setCloaked(true); // no change, nothing sent
        assertThat(capable.desktop.requestDisplayOn(true)).isTrue();
        assertThat(capable.railSent()).containsExactly(new dev.oriel.rdp.rail.pdu.Cloak(capable.launched.id(), true),
                new dev.oriel.rdp.rail.pdu.PowerDisplayRequest(1));

        capable.receive(new dev.oriel.rdp.rail.pdu.Cloak(capable.launched.id(), true));
        assertThat(capable.launched.isCloakedByClient()).isTrue();
    }

    @Test
    void theFocusPassesToTheOwnerWithNotificationsWhenTheActiveWindowGoes() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        AppWindow dialog = desktop.createWindow(WindowSpec.dialog("Save?", new Rect(60, 40, 40, 20), launched),
                new Recording());
        dialog.show();
        events.clear();
        dialog.destroy();
        assertThat(desktop.activeWindow()).contains(launched);
        assertThat(events).containsExactly(launched.id() + " active true");

        AppWindow other = desktop.createWindow(WindowSpec.normal("Other", new Rect(300, 300, 50, 50), null, "x"),
                new Recording());
        other.show();
        events.clear();
        other.setState(WindowState.MINIMIZED);
        assertThat(events).containsExactly(other.id() + " active false", launched.id() + " active true");
        events.clear();
        other.setState(WindowState.NORMAL);
        other.activate();
        events.clear();
        other.hide();
        assertThat(events).containsExactly(other.id() + " active false", launched.id() + " active true");
    }

    @Test
    void theClickThatClosesAPopupGoesNowhereElse() {
        connect(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED, 0);
        receive(new Exec(0, "||editor", "", ""));
        AppWindow menu = desktop.createWindow(WindowSpec.popup(new Rect(200, 200, 30, 30), launched),
                new Recording() {
                    @Override
                    public void onCloseRequested(AppWindow window) {
                        events.add("menu closed");
                        window.destroy();
                    }
                });
        menu.show();
        events.clear();
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, true, 60, 70));
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, false, 60, 70));
        assertThat(events).containsExactly("menu closed");
        assertThat(menu.isDestroyed()).isTrue();
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, true, 60, 70));
        assertThat(events).hasSize(2); // with no menu open, the next click reaches the window
    }
}
