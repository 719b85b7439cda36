package dev.oriel.rdp.rail;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.Frame;
import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.graphics.gfx.GfxChannel;
import dev.oriel.rdp.rail.orders.DeleteNotifyIconOrder;
import dev.oriel.rdp.rail.orders.DeleteWindowOrder;
import dev.oriel.rdp.rail.orders.MonitoredDesktopOrder;
import dev.oriel.rdp.rail.orders.NotifyIconOrder;
import dev.oriel.rdp.rail.orders.WindowIconOrder;
import dev.oriel.rdp.rail.orders.WindowOrder;
import dev.oriel.rdp.rail.orders.WindowStateOrder;
import dev.oriel.rdp.rail.pdu.ClientStatus;
import dev.oriel.rdp.rail.pdu.Cloak;
import dev.oriel.rdp.rail.pdu.LocalMoveSize;
import dev.oriel.rdp.rail.pdu.MinMaxInfo;
import dev.oriel.rdp.rail.pdu.PowerDisplayRequest;
import dev.oriel.rdp.rail.pdu.RailPdu;
import dev.oriel.rdp.rail.pdu.SysCommand;
import dev.oriel.rdp.rail.pdu.SysParam;
import dev.oriel.rdp.rail.pdu.WindowRect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window model of one RemoteApp session: windows, z-order, focus, tray icons, and their composition into the
 * session's desktop. Give one to {@code SessionDecision.accept} for a client that asked for RemoteApp
 * ({@code SessionInfo.remoteApp()}); it finds the session's {@link RailChannel} when the session starts.
 *
 * <p>Each window reaches the client twice: as window orders that create and update a native client window
 * ([MS-RDPERP] 2.2.1.3), and as pixels. The pixels take one of two ways:
 * <ul>
 *   <li>HiDef RemoteApp (mstsc, msrdc: clients that set INFO_HIDEF_RAIL_SUPPORTED, once the graphics pipeline is up):
 *       each window has an ARGB graphics surface of its own mapped to it ([MS-RDPEGFX] 2.2.2.23), and the client
 *       composes the windows, alpha included. There is no desktop surface then.
 *   <li>Otherwise the windows are composited at their desktop positions into the session's desktop, which is where
 *       FreeRDP cuts each window's content from (it draws no per-window surfaces, protocol map §6.4 b).
 * </ul>
 * Only damaged regions are sent, either way.
 *
 * <p>Thread-safe: applications call windows from any thread. Changes made in one event-loop turn are sent together:
 * deleted windows, then new windows, then the desktop's z-order and active window, then window updates (P-RAIL-9).
 * Listener callbacks run on the connection's event loop, never while the model's lock is held.
 */
public final class RemoteAppDesktop implements SessionListener {
    private static final Logger log = LoggerFactory.getLogger(RemoteAppDesktop.class);
    /** Window ids 0, 0xFFFFFFFE and 0xFFFFFFFF have special meanings (P-RAIL-10). */
    private static final long MAX_WINDOW_ID = 0xFFFF_FFFDL;
    /** Bounds the client may request; larger is a client error and is ignored. */
    private static final int MAX_WINDOW_EXTENT = 16_384;
    private static final int BACKGROUND = 0xFF00_0000;

    final Object lock = new Object();
    private final boolean endSessionWhenEmpty;

    // Guarded by lock.
    private Session session;
    private RailChannel rail;
    private boolean railReady;
    private int width;
    private int height;
    private int[] screen;
    private PixelBuffer screenBuffer;
    private Rect workArea;
    private final Map<Long, AppWindow> windows = new LinkedHashMap<>();
    /** Topmost first. */
    private final List<AppWindow> zOrder = new ArrayList<>();
    private AppWindow active;
    private final Map<Long, TrayIcon> trayIcons = new LinkedHashMap<>();
    private final List<TrayIconUpdate> trayUpdates = new ArrayList<>();
    private long nextWindowId = 1;
    private long nextTrayId = 1;
    private boolean everHadWindow;
    private final List<Rect> damage = new ArrayList<>();
    private final Set<AppWindow> dirty = new LinkedHashSet<>();
    private final List<Long> deleted = new ArrayList<>();
    private final List<RailPdu> railOut = new ArrayList<>();
    private boolean desktopStateDirty;
    /** The next flush is the first after the client's handshake: bracket it with HOOKED/ARC_BEGAN … ARC_COMPLETED. */
    private boolean hookedBurst;
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    /** The session's graphics pipeline, when the server offers it and the client may use HiDef. */
    private GfxChannel gfx;
    /** Windows are on surfaces of their own (HiDef) rather than composited into the desktop. */
    private boolean hiDef;
    /** Surfaces of destroyed windows, deleted after their Delete Window orders ([MS-RDPERP] before [MS-RDPEGFX]). */
    private final List<GfxChannel.WindowSurface> closingSurfaces = new ArrayList<>();

    // Event loop only: pointer routing.
    private AppWindow pointerGrab;
    private int buttonsDown;
    private boolean swallowRelease;
    private Drag drag;
    private AppWindow localMove;

    /** A desktop that ends the session when its last window closes, as a Windows RemoteApp session does. */
    public RemoteAppDesktop() {
        this(true);
    }

    /** @param endSessionWhenEmpty close the session once every window that was opened has been destroyed */
    public RemoteAppDesktop(boolean endSessionWhenEmpty) {
        this.endSessionWhenEmpty = endSessionWhenEmpty;
    }

    // ---- public API ----------------------------------------------------------------------------------------

    /** Creates a hidden window; paint it, then {@link AppWindow#show()} it. */
    public AppWindow createWindow(WindowSpec spec, WindowListener listener) {
        java.util.Objects.requireNonNull(spec, "spec");
        java.util.Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            spec.owner().ifPresent(o -> {
                if (o.desktop != this || o.destroyed) {
                    throw new IllegalArgumentException("owner is not a live window of this desktop: " + o);
                }
            });
            if (nextWindowId > MAX_WINDOW_ID) {
                throw new IllegalStateException("window ids exhausted");
            }
            AppWindow w = new AppWindow(this, nextWindowId++, spec, listener);
            Arrays.fill(w.pixels, 0xFFFF_FFFF);
            windows.put(w.id, w);
            zOrder.add(0, w);
            everHadWindow = true;
            return w;
        }
    }

    /**
     * Starts a published application from the server side, as if the client had asked for it (an application opening
     * another one, a launcher on the desktop). Runs the launcher on the calling thread.
     */
    public void start(PublishedApp app, LaunchRequest request) {
        launch(app, request);
    }

    /** The live windows, topmost first. */
    public List<AppWindow> windows() {
        synchronized (lock) {
            return List.copyOf(zOrder);
        }
    }

    public Optional<AppWindow> window(long id) {
        synchronized (lock) {
            return Optional.ofNullable(windows.get(id));
        }
    }

    public Optional<AppWindow> activeWindow() {
        synchronized (lock) {
            return Optional.ofNullable(active);
        }
    }

    /** The session, once started. */
    public Optional<Session> session() {
        synchronized (lock) {
            return Optional.ofNullable(session);
        }
    }

    /** The client's work area (its desktop minus its taskbar), where windows maximise. */
    public Rect workArea() {
        synchronized (lock) {
            return workArea;
        }
    }

    /** Adds an icon to the client's notification area ([MS-RDPERP] 2.2.1.3.2). */
    public TrayIcon addTrayIcon(String toolTip, AppIcon icon, TrayIconListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            TrayIcon t = new TrayIcon(this, nextTrayId++, toolTip == null ? "" : toolTip, icon, listener);
            trayIcons.put(t.id, t);
            trayUpdates.add(new TrayIconUpdate(t, true, t.toolTip, icon, null));
            commit();
            return t;
        }
    }

    /**
     * Asks the client to keep its display on (a video is playing, a presentation runs) or lets it sleep again
     * ([MS-RDPERP] 2.2.2.13.1 Power Display Request). Sent only to clients that announced support for it; returns
     * whether it was sent.
     */
    public boolean requestDisplayOn(boolean on) {
        synchronized (lock) {
            if (rail == null || !railReady
                    || !rail.clientSupports(ClientStatus.TS_RAIL_CLIENTSTATUS_POWER_DISPLAY_REQUEST_SUPPORTED)) {
                return false;
            }
            railOut.add(new PowerDisplayRequest(on ? 1 : 0));
            commit();
            return true;
        }
    }

    // ---- SessionListener -------------------------------------------------------------------------------------

    @Override
    public void onStart(Session session) {
        synchronized (lock) {
            this.session = session;
            width = session.desktopSize().width();
            height = session.desktopSize().height();
            screen = new int[width * height];
            Arrays.fill(screen, BACKGROUND);
            screenBuffer = PixelBuffer.ofInts(screen, width, height, PixelFormat.XRGB32);
            workArea = new Rect(0, 0, width, height);
            rail = session.channel(RailChannel.class).orElse(null);
            if (rail == null) {
                log.warn("RemoteAppDesktop in a session without the rail channel connection={} remoteApp={}",
                        session.id(), session.info().remoteApp());
            } else {
                rail.attach(this);
                if (rail.hiDef()) {
                    gfx = session.channel(GfxChannel.class).orElse(null);
                    if (gfx != null) {
                        gfx.addStateListener(this::graphicsStateChanged);
                    }
                }
            }
            recomposite(new Rect(0, 0, width, height));
            commit();
        }
    }

    @Override
    public void onInput(InputEvent event) {
        if (log.isTraceEnabled() && !(event instanceof InputEvent.PointerMove)) {
            log.trace("RemoteApp input event={} grab={} buttons={}", event, pointerGrab, buttonsDown);
        }
        if (event instanceof InputEvent.PointerMove m) {
            onPointerMove(m.x(), m.y());
        } else if (event instanceof InputEvent.PointerButton b) {
            onPointerButton(b);
        } else if (event instanceof InputEvent.PointerWheel wh) {
            AppWindow target = pointerGrab != null ? pointerGrab : windowAt(wh.x(), wh.y());
            if (target != null) {
                Rect r = target.bounds();
                deliver(target, new InputEvent.PointerWheel(wh.axis(), wh.delta(), wh.x() - r.x(), wh.y() - r.y()));
            }
        } else if (event instanceof InputEvent.KeyScancode || event instanceof InputEvent.KeyUnicode
                || event instanceof InputEvent.SyncLocks) {
            AppWindow target = activeWindow().orElse(null);
            if (target != null) {
                deliver(target, event);
            }
        }
    }

    @Override
    public void onClose(CloseReason reason) {
        List<AppWindow> gone;
        synchronized (lock) {
            gone = List.copyOf(zOrder);
            for (AppWindow w : gone) {
                w.destroyed = true;
            }
            windows.clear();
            zOrder.clear();
            active = null;
            rail = null;
            railReady = false;
        }
        for (AppWindow w : gone) {
            call(w, "onDestroyed", () -> w.listener.onDestroyed(w));
        }
    }

    // ---- window operations (any thread) ------------------------------------------------------------------------

    void setTitle(AppWindow w, String title) {
        java.util.Objects.requireNonNull(title, "title");
        synchronized (lock) {
            String t = AppWindow.clampTitle(title);
            if (w.destroyed || t.equals(w.title)) {
                return;
            }
            w.title = t;
            w.titleChanged = true;
            markDirty(w);
            commit();
        }
    }

    void setIcon(AppWindow w, AppIcon icon) {
        synchronized (lock) {
            if (w.destroyed) {
                return;
            }
            w.icon = icon;
            w.iconChanged = true;
            markDirty(w);
            commit();
        }
    }

    void setVisible(AppWindow w, boolean visible) {
        AppWindow deactivated = null;
        AppWindow handedTo = null;
        synchronized (lock) {
            if (w.destroyed || w.visible == visible) {
                return;
            }
            w.visible = visible;
            w.showChanged = true;
            if (visible) {
                raise(w);
                if (w.kind != WindowKind.POPUP && active != w) {
                    deactivated = active;
                    active = w;
                }
            } else if (active == w) {
                deactivated = w;
                handedTo = nextActive(w);
                active = handedTo;
            }
            desktopStateDirty = true;
            markDirty(w);
            recomposite(w.bounds);
            commit();
        }
        notifyActivation(deactivated, visible && w.kind != WindowKind.POPUP ? w : handedTo);
    }

    /** Tells the window that lost the focus, then the one that got it (outside the lock). */
    private void notifyActivation(AppWindow lost, AppWindow gained) {
        if (lost != null && !lost.isDestroyed()) {
            call(lost, "onActivated", () -> lost.listener.onActivated(lost, false));
        }
        if (gained != null) {
            call(gained, "onActivated", () -> gained.listener.onActivated(gained, true));
        }
    }

    void setBounds(AppWindow w, Rect bounds, boolean notify) {
        Rect old;
        synchronized (lock) {
            old = w.bounds;
            if (w.destroyed || !applyBounds(w, bounds)) {
                return;
            }
            commit();
        }
        if (notify) {
            call(w, "onBoundsChanged", () -> w.listener.onBoundsChanged(w, old, bounds));
        }
    }

    /** Changes bounds under the lock; true when they changed. */
    private boolean applyBounds(AppWindow w, Rect bounds) {
        if (bounds.isEmpty() || bounds.width() > MAX_WINDOW_EXTENT || bounds.height() > MAX_WINDOW_EXTENT) {
            throw new IllegalArgumentException("window bounds out of range: " + bounds);
        }
        Rect old = w.bounds;
        if (old.equals(bounds)) {
            return false;
        }
        if (old.width() != bounds.width() || old.height() != bounds.height()) {
            int[] resized = new int[bounds.width() * bounds.height()];
            Arrays.fill(resized, 0xFFFF_FFFF);
            int cw = Math.min(old.width(), bounds.width());
            for (int y = 0, ch = Math.min(old.height(), bounds.height()); y < ch; y++) {
                System.arraycopy(w.pixels, y * old.width(), resized, y * bounds.width(), cw);
            }
            w.pixels = resized;
        }
        w.bounds = bounds;
        w.boundsChanged = true;
        markDirty(w);
        if (w.visible) {
            recomposite(old);
            recomposite(bounds);
        }
        return true;
    }

    void setState(AppWindow w, WindowState state) {
        java.util.Objects.requireNonNull(state, "state");
        Rect old;
        Rect now;
        AppWindow lost = null;
        AppWindow handedTo = null;
        synchronized (lock) {
            if (w.destroyed || w.state == state) {
                return;
            }
            old = w.bounds;
            if (state == WindowState.MAXIMIZED) {
                w.restoreBounds = w.bounds;
                applyBounds(w, workArea != null ? workArea : w.bounds);
            } else if (state == WindowState.NORMAL && w.state == WindowState.MAXIMIZED && w.restoreBounds != null) {
                applyBounds(w, w.restoreBounds);
            }
            if (state == WindowState.MINIMIZED) {
                w.stateBeforeMinimize = w.state;
                if (active == w) {
                    lost = w;
                    handedTo = nextActive(w);
                    active = handedTo;
                }
            }
            w.state = state;
            w.showChanged = true;
            desktopStateDirty = true;
            markDirty(w);
            if (w.visible) {
                recomposite(w.bounds);
            }
            commit();
            now = w.bounds;
        }
        if (!old.equals(now)) {
            call(w, "onBoundsChanged", () -> w.listener.onBoundsChanged(w, old, now));
        }
        notifyActivation(lost, handedTo);
    }

    CompletionStage<Void> paint(AppWindow w, PixelBuffer content, List<Rect> damageRects) {
        synchronized (lock) {
            if (w.destroyed) {
                return CompletableFuture.completedFuture(null);
            }
            Rect b = w.bounds;
            Rect limit = new Rect(0, 0, Math.min(b.width(), content.width()), Math.min(b.height(), content.height()));
            List<Rect> painted = new ArrayList<>();
            for (Rect d : damageRects) {
                Rect r = d.intersect(limit);
                if (r.isEmpty()) {
                    continue;
                }
                for (int y = r.y(); y < r.bottom(); y++) {
                    content.copyRow(r.x(), y, r.width(), w.pixels, y * b.width() + r.x());
                }
                painted.add(r);
                if (w.visible && w.state != WindowState.MINIMIZED) {
                    recomposite(new Rect(b.x() + r.x(), b.y() + r.y(), r.width(), r.height()));
                }
            }
            CompletionStage<Void> written = commit();
            if (hiDef && w.surface != null && !painted.isEmpty()) {
                // Its own surface, whether shown or not: the client keeps hidden and minimised windows' pixels.
                return w.surface.submit(windowPixels(w), painted);
            }
            return written;
        }
    }

    void activate(AppWindow w, boolean notify) {
        AppWindow previous;
        synchronized (lock) {
            if (w.destroyed || !w.visible) {
                return;
            }
            previous = active;
            raise(w);
            if (w.kind != WindowKind.POPUP) {
                active = w;
            }
            desktopStateDirty = true;
            recomposite(w.bounds);
            commit();
        }
        if (notify && previous != w && w.kind != WindowKind.POPUP) {
            if (previous != null) {
                call(previous, "onActivated", () -> previous.listener.onActivated(previous, false));
            }
            call(w, "onActivated", () -> w.listener.onActivated(w, true));
        }
    }

    void destroy(AppWindow w) {
        List<AppWindow> gone = new ArrayList<>();
        boolean empty;
        AppWindow handedTo = null;
        synchronized (lock) {
            if (w.destroyed) {
                return;
            }
            collectOwned(w, gone);
            for (AppWindow g : gone) {
                g.destroyed = true;
                windows.remove(g.id);
                zOrder.remove(g);
                dirty.remove(g);
                if (g.announced) {
                    deleted.add(g.id);
                }
                if (g.surface != null) {
                    closingSurfaces.add(g.surface);
                    g.surface = null;
                }
                if (g.visible) {
                    recomposite(g.bounds);
                }
            }
            if (active != null && active.destroyed) {
                handedTo = nextActive(w);
                active = handedTo;
                desktopStateDirty = true;
            }
            commit();
            empty = windows.isEmpty() && everHadWindow;
        }
        for (AppWindow g : gone) {
            call(g, "onDestroyed", () -> g.listener.onDestroyed(g));
        }
        notifyActivation(null, handedTo);
        Session s = session().orElse(null);
        if (empty && endSessionWhenEmpty && s != null) {
            log.info("Last RemoteApp window closed, ending session connection={}", s.id());
            s.close("all applications closed");
        }
    }

    /** {@code w} and the windows it owns, owned ones first. */
    private void collectOwned(AppWindow w, List<AppWindow> out) {
        for (AppWindow o : List.copyOf(zOrder)) {
            if (o.owner == w && !out.contains(o)) {
                collectOwned(o, out);
            }
        }
        out.add(w);
    }

    void startMoveResize(AppWindow w, HitArea area, int x, int y) {
        if (area == HitArea.CLIENT) {
            return;
        }
        synchronized (lock) {
            if (w.destroyed || !w.visible || w.state != WindowState.NORMAL) {
                return;
            }
            if (rail != null && rail.localMoveSizeAllowed()) {
                // [MS-RDPERP] 3.3.5.2.5: the client moves or sizes locally; for a move the position is relative to
                // the window, for a resize it is the desktop position (as xfreerdp reads it).
                Rect b = w.bounds;
                boolean move = area == HitArea.CAPTION;
                railOut.add(new LocalMoveSize(w.id, true, area.moveSizeType, move ? x - b.x() : x,
                        move ? y - b.y() : y));
                localMove = w;
            } else {
                drag = new Drag(w, area, x, y, w.bounds);
            }
            commit();
        }
    }

    void setCloaked(AppWindow w, boolean cloaked) {
        synchronized (lock) {
            if (w.destroyed || w.cloaked == cloaked) {
                return;
            }
            w.cloaked = cloaked;
            // [MS-RDPERP] 2.2.2.12.1: only a client that announced BIDIRECTIONAL_CLOAK_SUPPORTED takes it (FreeRDP
            // rejects it otherwise); the window is announced first so the client knows the id.
            if (w.announced && rail != null
                    && rail.clientSupports(ClientStatus.TS_RAIL_CLIENTSTATUS_BIDIRECTIONAL_CLOAK_SUPPORTED)) {
                railOut.add(new Cloak(w.id, cloaked));
                commit();
            }
        }
    }

    void updateTrayIcon(TrayIcon t, String toolTip, AppIcon icon, NotifyIconOrder.InfoTip balloon) {
        synchronized (lock) {
            if (t.removed) {
                return;
            }
            if (toolTip != null) {
                t.toolTip = toolTip;
            }
            if (icon != null) {
                t.icon = icon;
            }
            trayUpdates.add(new TrayIconUpdate(t, false, toolTip, icon, balloon));
            commit();
        }
    }

    void removeTrayIcon(TrayIcon t) {
        synchronized (lock) {
            if (t.removed) {
                return;
            }
            t.removed = true;
            trayIcons.remove(t.id);
            trayUpdates.add(new TrayIconUpdate(t, false, null, null, null));
            commit();
        }
    }

    // ---- from the rail channel (event loop) ------------------------------------------------------------------

    /** The client answered the handshake: announce the desktop and every visible window ([MS-RDPERP] 3.3.5.1.5). */
    void railReady() {
        synchronized (lock) {
            railReady = true;
            // As a Windows server does: no server-side screen saver runs in a RemoteApp session, so the client's own
            // screen saver settings apply ([MS-RDPERP] 2.2.2.4.2).
            railOut.add(new SysParam(SysParam.SPI_SET_SCREEN_SAVE_ACTIVE, new SysParam.Value.Flag(false)));
            railOut.add(new SysParam(SysParam.SPI_SET_SCREEN_SAVE_SECURE, new SysParam.Value.Flag(false)));
            desktopStateDirty = true;
            for (AppWindow w : zOrder) {
                if (w.visible) {
                    dirty.add(w);
                }
            }
            for (TrayIcon t : trayIcons.values()) {
                trayUpdates.add(new TrayIconUpdate(t, true, t.toolTip, t.icon, null));
            }
            hookedBurst = true;
            commit();
        }
    }

    void railClosed() {
        synchronized (lock) {
            railReady = false;
        }
    }

    void launch(PublishedApp app, LaunchRequest request) {
        try {
            app.launcher().launch(this, request);
        } catch (RuntimeException e) {
            log.warn("Application launch failed app={} error={}", app.alias(), e.toString(), e);
        }
    }

    String appIdOf(long windowId) {
        return window(windowId).map(AppWindow::appId).orElse("");
    }

    void clientActivate(long windowId, boolean enabled) {
        AppWindow w = window(windowId).orElse(null);
        if (w == null) {
            log.debug("RAIL activate of an unknown window id={}", windowId);
            return;
        }
        if (enabled) {
            activate(w, true);
            return;
        }
        boolean was;
        synchronized (lock) {
            was = active == w;
            if (was) {
                active = null;
            }
        }
        if (was) {
            call(w, "onActivated", () -> w.listener.onActivated(w, false));
        }
    }

    void clientSysCommand(long windowId, int command) {
        AppWindow w = window(windowId).orElse(null);
        if (w == null) {
            log.debug("RAIL system command for an unknown window id={} command=0x{}", windowId,
                    Integer.toHexString(command));
            return;
        }
        switch (command) {
            case SysCommand.SC_CLOSE -> call(w, "onCloseRequested", () -> w.listener.onCloseRequested(w));
            case SysCommand.SC_MINIMIZE -> requestState(w, WindowState.MINIMIZED);
            case SysCommand.SC_MAXIMIZE -> requestState(w, WindowState.MAXIMIZED);
            case SysCommand.SC_RESTORE -> {
                WindowState target;
                synchronized (lock) {
                    target = w.state == WindowState.MINIMIZED && w.stateBeforeMinimize != null
                            ? w.stateBeforeMinimize : WindowState.NORMAL;
                }
                requestState(w, target);
            }
            case SysCommand.SC_MOVE -> startMoveResize(w, HitArea.CAPTION, w.bounds().x(), w.bounds().y());
            case SysCommand.SC_SIZE -> startMoveResize(w, HitArea.BOTTOM_RIGHT, w.bounds().right(),
                    w.bounds().bottom());
            case SysCommand.SC_KEYMENU -> call(w, "onSystemMenu",
                    () -> w.listener.onSystemMenu(w, w.bounds().x(), w.bounds().y()));
            default -> log.debug("RAIL system command ignored id={} command=0x{}", windowId,
                    Integer.toHexString(command));
        }
    }

    private void requestState(AppWindow w, WindowState s) {
        call(w, "onStateRequested", () -> w.listener.onStateRequested(w, s));
    }

    void clientSysMenu(long windowId, int x, int y) {
        window(windowId).ifPresent(w -> call(w, "onSystemMenu", () -> w.listener.onSystemMenu(w, x, y)));
    }

    void clientNotifyEvent(long windowId, long iconId, long message) {
        TrayIcon t;
        synchronized (lock) {
            t = trayIcons.get(iconId);
        }
        if (t == null) {
            log.debug("RAIL notify event for an unknown icon window={} icon={}", windowId, iconId);
            return;
        }
        try {
            t.listener.onEvent(t, (int) message);
        } catch (RuntimeException e) {
            log.warn("Tray icon listener failed icon={} error={}", iconId, e.toString(), e);
        }
    }

    /**
     * The client moved or resized a window ([MS-RDPERP] 2.2.2.7.4 Window Move, 2.2.2.7.5 Snap Arrange). The model
     * follows the client and confirms the position in a window order, which ends a local move on the client.
     */
    void clientWindowMove(long windowId, WindowRect r, boolean snap) {
        AppWindow w = window(windowId).orElse(null);
        if (w == null) {
            log.debug("RAIL window move of an unknown window id={}", windowId);
            return;
        }
        int wd = r.right() - r.left();
        int ht = r.bottom() - r.top();
        if (wd <= 0 || ht <= 0 || wd > MAX_WINDOW_EXTENT || ht > MAX_WINDOW_EXTENT) {
            log.warn("RAIL window move ignored: bad rectangle id={} rect={}", windowId, r);
            return;
        }
        Rect bounds = new Rect(r.left(), r.top(), wd, ht);
        Rect old;
        synchronized (lock) {
            if (w.destroyed) {
                return;
            }
            old = w.bounds;
            if (snap && w.state == WindowState.MAXIMIZED) {
                w.state = WindowState.NORMAL;
                w.showChanged = true;
            }
            if (!applyBounds(w, bounds)) {
                // Confirm even an unchanged position so the client's view of the window is in sync.
                w.boundsChanged = true;
                markDirty(w);
            }
            if (localMove == w) {
                localMove = null;
                railOut.add(new LocalMoveSize(w.id, false, HitArea.CAPTION.moveSizeType, bounds.x(), bounds.y()));
            }
            commit();
        }
        if (!old.equals(bounds)) {
            call(w, "onBoundsChanged", () -> w.listener.onBoundsChanged(w, old, bounds));
        }
    }

    /** The client cloaked or uncloaked a window (it moved to another virtual desktop, [MS-RDPERP] 2.2.2.12.1). */
    void clientCloak(long windowId, boolean cloaked) {
        synchronized (lock) {
            AppWindow w = windows.get(windowId);
            if (w != null) {
                w.cloakedByClient = cloaked;
            }
        }
        log.debug("RAIL client cloak id={} cloaked={}", windowId, cloaked);
    }

    /**
     * The client's work area. xfreerdp reports its whole X screen, which may be larger than the session's desktop;
     * only the part inside the desktop has pixels, so that is where windows maximise.
     */
    void clientWorkArea(int left, int top, int right, int bottom) {
        synchronized (lock) {
            Rect area = new Rect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
            Rect inside = width > 0 ? area.intersect(new Rect(0, 0, width, height)) : area;
            if (!inside.isEmpty()) {
                workArea = inside;
            }
        }
    }

    // ---- input routing (event loop) ----------------------------------------------------------------------------

    private void onPointerMove(int x, int y) {
        Drag d = drag;
        if (d != null) {
            d.follow(x, y);
            return;
        }
        AppWindow target = pointerGrab != null ? pointerGrab : windowAt(x, y);
        if (target != null) {
            Rect r = target.bounds();
            deliver(target, new InputEvent.PointerMove(x - r.x(), y - r.y()));
        }
    }

    private void onPointerButton(InputEvent.PointerButton b) {
        if (b.pressed()) {
            AppWindow target = buttonsDown == 0 ? windowAt(b.x(), b.y()) : pointerGrab;
            buttonsDown++;
            if (buttonsDown == 1) {
                pointerGrab = target;
                if (dismissPopups(target)) {
                    // As on Windows, the click that closes a menu does nothing else.
                    swallowRelease = true;
                    return;
                }
            }
            if (target == null) {
                return;
            }
            if (target.kind != WindowKind.POPUP && !target.isActive()) {
                activate(target, true);
            }
            Rect r = target.bounds();
            int lx = b.x() - r.x();
            int ly = b.y() - r.y();
            if (buttonsDown == 1 && b.button() == InputEvent.Button.LEFT) {
                HitArea area = hitTest(target, lx, ly);
                if (area != HitArea.CLIENT) {
                    swallowRelease = true;
                    startMoveResize(target, area, b.x(), b.y());
                    return;
                }
            }
            deliver(target, new InputEvent.PointerButton(b.button(), true, lx, ly));
            return;
        }
        buttonsDown = Math.max(0, buttonsDown - 1);
        AppWindow target = pointerGrab != null ? pointerGrab : windowAt(b.x(), b.y());
        if (buttonsDown == 0) {
            pointerGrab = null;
            drag = null;
        }
        if (swallowRelease) {
            swallowRelease = buttonsDown > 0;
            return;
        }
        if (target != null && !target.isDestroyed()) {
            Rect r = target.bounds();
            deliver(target, new InputEvent.PointerButton(b.button(), false, b.x() - r.x(), b.y() - r.y()));
        }
    }

    /** A press outside an open popup closes it, as menus do; true when there was one. */
    private boolean dismissPopups(AppWindow target) {
        boolean dismissed = false;
        for (AppWindow w : windows()) {
            if (w.kind == WindowKind.POPUP && w != target && w.isVisible() && !owns(w, target)) {
                call(w, "onCloseRequested", () -> w.listener.onCloseRequested(w));
                dismissed = true;
            }
        }
        return dismissed;
    }

    /** Whether {@code target} is owned, directly or not, by {@code popup}. */
    private static boolean owns(AppWindow popup, AppWindow target) {
        for (AppWindow t = target; t != null; t = t.owner) {
            if (t.owner == popup) {
                return true;
            }
        }
        return false;
    }

    private HitArea hitTest(AppWindow w, int x, int y) {
        try {
            HitArea a = w.listener.hitTest(w, x, y);
            return a == null ? HitArea.CLIENT : a;
        } catch (RuntimeException e) {
            log.warn("Window listener failed window={} callback=hitTest error={}", w.id, e.toString(), e);
            return HitArea.CLIENT;
        }
    }

    private AppWindow windowAt(int x, int y) {
        synchronized (lock) {
            for (AppWindow w : zOrder) {
                if (w.visible && w.state != WindowState.MINIMIZED && contains(w.bounds, x, y)) {
                    return w;
                }
            }
            return null;
        }
    }

    private static boolean contains(Rect r, int x, int y) {
        return x >= r.x() && y >= r.y() && x < r.right() && y < r.bottom();
    }

    private void deliver(AppWindow w, InputEvent e) {
        call(w, "onInput", () -> w.listener.onInput(w, e));
    }

    private static void call(AppWindow w, String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // An application bug must not take the session down.
            log.warn("Window listener failed window={} callback={} error={}", w.id, what, e.toString(), e);
        }
    }

    /** A server-side move or resize that follows the pointer, for clients that do not move windows locally. */
    private final class Drag {
        final AppWindow window;
        final HitArea area;
        final int startX;
        final int startY;
        final Rect start;

        Drag(AppWindow window, HitArea area, int startX, int startY, Rect start) {
            this.window = window;
            this.area = area;
            this.startX = startX;
            this.startY = startY;
            this.start = start;
        }

        void follow(int x, int y) {
            int dx = x - startX;
            int dy = y - startY;
            int l = start.x();
            int t = start.y();
            int r = start.right();
            int b = start.bottom();
            switch (area) {
                case CAPTION -> {
                    l += dx;
                    r += dx;
                    t += dy;
                    b += dy;
                }
                case LEFT -> l += dx;
                case RIGHT -> r += dx;
                case TOP -> t += dy;
                case BOTTOM -> b += dy;
                case TOP_LEFT -> {
                    l += dx;
                    t += dy;
                }
                case TOP_RIGHT -> {
                    r += dx;
                    t += dy;
                }
                case BOTTOM_LEFT -> {
                    l += dx;
                    b += dy;
                }
                case BOTTOM_RIGHT -> {
                    r += dx;
                    b += dy;
                }
                default -> {
                    return;
                }
            }
            if (r - l < 32 || b - t < 16) {
                return;
            }
            setBounds(window, new Rect(l, t, r - l, b - t), true);
        }
    }

    // ---- model internals (lock held) --------------------------------------------------------------------------

    private void raise(AppWindow w) {
        zOrder.remove(w);
        zOrder.add(0, w);
        // Owned windows stay above their owner.
        for (AppWindow o : List.copyOf(zOrder)) {
            if (o.owner == w && o.visible) {
                raise(o);
            }
        }
    }

    private AppWindow nextActive(AppWindow leaving) {
        if (leaving.owner != null && !leaving.owner.destroyed && leaving.owner.visible
                && leaving.owner.state != WindowState.MINIMIZED) {
            return leaving.owner;
        }
        for (AppWindow w : zOrder) {
            if (w != leaving && !w.destroyed && w.visible && w.kind != WindowKind.POPUP
                    && w.state != WindowState.MINIMIZED) {
                return w;
            }
        }
        return null;
    }

    private void markDirty(AppWindow w) {
        dirty.add(w);
    }

    /**
     * Repaints a desktop area from the windows, bottom to top, and records it as damage. Nothing in HiDef: the client
     * composes the windows' own surfaces and no desktop is shown; leaving HiDef repaints the whole desktop.
     */
    private void recomposite(Rect area) {
        if (screen == null || hiDef) {
            return;
        }
        Rect a = area.intersect(new Rect(0, 0, width, height));
        if (a.isEmpty()) {
            return;
        }
        for (int y = a.y(); y < a.bottom(); y++) {
            Arrays.fill(screen, y * width + a.x(), y * width + a.right(), BACKGROUND);
        }
        for (int i = zOrder.size() - 1; i >= 0; i--) {
            AppWindow w = zOrder.get(i);
            if (!w.visible || w.state == WindowState.MINIMIZED) {
                continue;
            }
            Rect b = w.bounds;
            Rect r = a.intersect(b);
            if (r.isEmpty()) {
                continue;
            }
            for (int y = r.y(); y < r.bottom(); y++) {
                System.arraycopy(w.pixels, (y - b.y()) * b.width() + (r.x() - b.x()), screen, y * width + r.x(),
                        r.width());
            }
        }
        damage.add(a);
    }

    /**
     * Sends composited damage now and schedules the window orders for the end of this event-loop turn.
     *
     * @return completes when the damage is written to the connection
     */
    private CompletionStage<Void> commit() {
        CompletionStage<Void> written = CompletableFuture.completedFuture(null);
        if (session != null && !damage.isEmpty()) {
            List<Rect> d = List.copyOf(damage);
            damage.clear();
            written = session.submitFrame(new Frame(screenBuffer, d));
        }
        boolean pending = !dirty.isEmpty() || !deleted.isEmpty() || !railOut.isEmpty() || !trayUpdates.isEmpty()
                || desktopStateDirty || !closingSurfaces.isEmpty();
        if (pending && railReady && rail != null && flushScheduled.compareAndSet(false, true)) {
            rail.executor().execute(this::flush);
        }
        return written;
    }

    /** Builds and sends what changed since the last flush (event loop). */
    private void flush() {
        flushScheduled.set(false);
        synchronized (lock) {
            if (!railReady || rail == null) {
                return;
            }
            List<WindowOrder> orders = new ArrayList<>();
            List<RailPdu> afterOrders = new ArrayList<>();
            if (hookedBurst) {
                orders.add(new MonitoredDesktopOrder(true, true, false, OptionalLong.empty(), Optional.empty()));
            }
            for (long id : deleted) {
                orders.add(new DeleteWindowOrder(id));
            }
            deleted.clear();
            List<AppWindow> updates = new ArrayList<>();
            for (AppWindow w : dirty) {
                if (!w.announced) {
                    if (w.visible) {
                        orders.add(newWindowOrder(w));
                        addIcons(orders, w);
                        afterOrders.add(minMaxInfo(w));
                        w.announced = true;
                        clearChanges(w);
                    }
                } else {
                    updates.add(w);
                }
            }
            dirty.clear();
            if (desktopStateDirty) {
                desktopStateDirty = false;
                List<Long> ids = new ArrayList<>();
                for (AppWindow w : zOrder) {
                    if (w.announced && w.visible && ids.size() < MonitoredDesktopOrder.MAX_ZORDER) {
                        ids.add(w.id);
                    }
                }
                orders.add(MonitoredDesktopOrder.state(active != null && active.announced ? active.id
                        : MonitoredDesktopOrder.NO_WINDOW, ids));
            }
            if (hookedBurst) {
                hookedBurst = false;
                orders.add(new MonitoredDesktopOrder(false, false, true, OptionalLong.empty(), Optional.empty()));
            }
            for (AppWindow w : updates) {
                WindowStateOrder update = updateOrder(w);
                if (update != null) {
                    orders.add(update);
                }
                if (w.iconChanged) {
                    addIcons(orders, w);
                }
                if (w.showChanged && w.visible && w.state == WindowState.NORMAL) {
                    afterOrders.add(minMaxInfo(w));
                }
                clearChanges(w);
            }
            for (TrayIconUpdate t : trayUpdates) {
                orders.add(t.toOrder(this));
            }
            trayUpdates.clear();
            if (!orders.isEmpty()) {
                rail.sendOrders(orders);
            }
            for (RailPdu p : afterOrders) {
                rail.send(p);
            }
            for (RailPdu p : railOut) {
                rail.send(p);
            }
            railOut.clear();
            syncSurfaces();
        }
    }

    /** The graphics pipeline came up or went away (event loop): move the windows onto surfaces or back. */
    private void graphicsStateChanged() {
        synchronized (lock) {
            if (railReady && rail != null) {
                syncSurfaces();
            }
        }
    }

    /**
     * HiDef (event loop, lock held, after the window orders went out so the client knows the windows): switches
     * between surfaces and composition when the pipeline's state changed, deletes destroyed windows' surfaces, and
     * gives every announced window a surface of its size, sent whole when new.
     */
    private void syncSurfaces() {
        boolean want = gfx != null && gfx.ready();
        if (want != hiDef) {
            hiDef = want;
            log.info("RemoteApp windows {} connection={}", want ? "on surfaces of their own (HiDef)"
                    : "composited into the desktop", session.id());
            if (want) {
                gfx.hideOutput();
            } else {
                for (AppWindow w : zOrder) {
                    w.surface = null; // closed with the channel
                }
                recomposite(new Rect(0, 0, width, height));
                commit();
            }
        }
        for (GfxChannel.WindowSurface s : closingSurfaces) {
            s.close();
        }
        closingSurfaces.clear();
        if (!hiDef) {
            return;
        }
        for (AppWindow w : zOrder) {
            Rect b = w.bounds;
            if (!w.announced) {
                continue;
            }
            if (w.surface == null || w.surface.isClosed()) {
                w.surface = gfx.createWindowSurface(w.id, b.width(), b.height()).orElse(null);
            } else if (w.surface.width() != b.width() || w.surface.height() != b.height()) {
                w.surface.resize(b.width(), b.height());
            } else {
                continue;
            }
            if (w.surface != null) {
                w.surface.submit(windowPixels(w), List.of(new Rect(0, 0, b.width(), b.height())));
            }
        }
    }

    /** The window's pixels with their alpha, for its own surface. */
    private static PixelBuffer windowPixels(AppWindow w) {
        return PixelBuffer.ofInts(w.pixels, w.bounds.width(), w.bounds.height(), PixelFormat.ARGB32);
    }

    private static void clearChanges(AppWindow w) {
        w.titleChanged = false;
        w.iconChanged = false;
        w.boundsChanged = false;
        w.showChanged = false;
    }

    private int showState(AppWindow w) {
        if (!w.visible) {
            return WindowStateOrder.SHOW_HIDE;
        }
        return switch (w.state) {
            case MINIMIZED -> WindowStateOrder.SHOW_MINIMIZED;
            case MAXIMIZED -> WindowStateOrder.SHOW_MAXIMIZED;
            case NORMAL -> WindowStateOrder.SHOW_NORMAL;
        };
    }

    /**
     * Styles by kind: a normal window is an overlapped window with an app-window taskbar button; a dialog is a popup
     * with a caption (xfreerdp makes WS_POPUP windows transient dialogs); a popup menu is a tool window, which
     * xfreerdp maps to an unmanaged override-redirect window.
     */
    private static WindowStateOrder.Style style(AppWindow w) {
        long base = WindowStateOrder.WS_VISIBLE | WindowStateOrder.WS_CLIPSIBLINGS;
        return switch (w.kind) {
            case NORMAL -> new WindowStateOrder.Style(base | WindowStateOrder.WS_CAPTION | WindowStateOrder.WS_SYSMENU
                    | WindowStateOrder.WS_THICKFRAME | WindowStateOrder.WS_MINIMIZEBOX
                    | WindowStateOrder.WS_MAXIMIZEBOX, WindowStateOrder.WS_EX_APPWINDOW);
            case DIALOG -> new WindowStateOrder.Style(base | WindowStateOrder.WS_POPUP | WindowStateOrder.WS_CAPTION
                    | WindowStateOrder.WS_SYSMENU, WindowStateOrder.WS_EX_DLGMODALFRAME);
            case POPUP -> new WindowStateOrder.Style(base | WindowStateOrder.WS_POPUP,
                    WindowStateOrder.WS_EX_TOOLWINDOW | WindowStateOrder.WS_EX_TOPMOST);
        };
    }

    private WindowStateOrder newWindowOrder(AppWindow w) {
        WindowStateOrder.Builder b = WindowStateOrder.builder(w.id, true)
                .owner(w.owner != null ? w.owner.id : 0)
                .style(style(w))
                .showState(showState(w))
                .title(w.title)
                // [MS-RDPERP] 2.2.1.3.1.2.1 TaskbarButton: 0 shows a button; owned windows and popups have none.
                .taskbarButton(w.kind == WindowKind.NORMAL ? 0 : 1);
        geometry(b, w.bounds);
        return b.build();
    }

    /**
     * Geometry fields for bounds {@code r}: the whole window is client area (the application draws its own frame),
     * and one window rectangle and one visibility rectangle cover it, relative to the window and visible offsets.
     */
    private static void geometry(WindowStateOrder.Builder b, Rect r) {
        WindowStateOrder.Point offset = new WindowStateOrder.Point(r.x(), r.y());
        List<WindowStateOrder.Rectangle16> whole = List.of(new WindowStateOrder.Rectangle16(0, 0,
                Math.min(r.width(), 0xFFFF), Math.min(r.height(), 0xFFFF)));
        b.clientAreaOffset(offset)
                .clientAreaSize(new WindowStateOrder.Extent(r.width(), r.height()))
                .windowOffset(offset)
                .windowClientDelta(new WindowStateOrder.Point(0, 0))
                .windowSize(new WindowStateOrder.Extent(r.width(), r.height()))
                .windowRects(whole)
                .visibleOffset(offset)
                .visibilityRects(whole);
    }

    private WindowStateOrder updateOrder(AppWindow w) {
        if (!w.titleChanged && !w.boundsChanged && !w.showChanged) {
            return null;
        }
        WindowStateOrder.Builder b = WindowStateOrder.builder(w.id, false);
        if (w.titleChanged) {
            b.title(w.title);
        }
        if (w.showChanged) {
            b.showState(showState(w));
        }
        if (w.boundsChanged) {
            geometry(b, w.bounds);
        }
        return b.build();
    }

    private void addIcons(List<WindowOrder> orders, AppWindow w) {
        if (w.icon == null) {
            return;
        }
        orders.add(new WindowIconOrder(w.id, true, w.icon.toIconInfo(highDpiIcons() ? AppIcon.MAX_SIZE : 32)));
        orders.add(new WindowIconOrder(w.id, false, w.icon.toIconInfo(16)));
    }

    private boolean highDpiIcons() {
        return rail != null && rail.highDpiIcons();
    }

    /** [MS-RDPERP] 2.2.2.7.2 Min Max Info: maximise to the work area; track sizes from 32×16 to the desktop. */
    private MinMaxInfo minMaxInfo(AppWindow w) {
        Rect wa = workArea != null ? workArea : new Rect(0, 0, width, height);
        return new MinMaxInfo(w.id, clamp16(wa.width()), clamp16(wa.height()), clamp16(wa.x()), clamp16(wa.y()), 32, 16,
                clamp16(Math.max(width, wa.width())), clamp16(Math.max(height, wa.height())));
    }

    private static int clamp16(int v) {
        return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }

    /** One pending tray-icon change: new, update (non-null fields changed) or removal (icon removed). */
    private record TrayIconUpdate(TrayIcon icon, boolean isNew, String toolTip, AppIcon image,
            NotifyIconOrder.InfoTip balloon) {

        WindowOrder toOrder(RemoteAppDesktop d) {
            if (icon.removed) {
                return new DeleteNotifyIconOrder(0, icon.id);
            }
            // NOTIFYICON_VERSION_4: FreeRDP only takes info tips and state with a version (protocol map §5.4).
            Long version = isNew || balloon != null ? 4L : null;
            return new NotifyIconOrder(0, icon.id, isNew, version, toolTip, balloon, null,
                    image == null ? null : image.toIconInfo(d.highDpiIcons() ? AppIcon.MAX_SIZE : 32), null);
        }
    }
}
