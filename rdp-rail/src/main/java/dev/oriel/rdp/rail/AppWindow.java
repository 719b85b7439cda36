package dev.oriel.rdp.rail;

import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.Rect;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One server window, shown on the client as its own native window. Created with
 * {@link RemoteAppDesktop#createWindow}; hidden until {@link #show()} (paint first, so the client never shows an
 * empty window, P-RAIL-9).
 *
 * <p>Thread-safe: every method may be called from any thread. Changes reach the client as window orders and
 * composited pixels, batched per event-loop turn.
 */
public final class AppWindow {
    final RemoteAppDesktop desktop;
    final long id;
    final WindowKind kind;
    final AppWindow owner;
    final String appId;
    final WindowListener listener;

    // Guarded by desktop.lock.
    String title;
    AppIcon icon;
    Rect bounds;
    Rect restoreBounds;
    WindowState state = WindowState.NORMAL;
    /** What SC_RESTORE returns a minimised window to. */
    WindowState stateBeforeMinimize;
    boolean visible;
    boolean destroyed;
    boolean cloaked;
    /** The client reported the window cloaked (e.g. on another of its virtual desktops). */
    boolean cloakedByClient;
    /** The NEW window order went out: later changes are sent as updates. */
    boolean announced;
    int[] pixels;
    /** Its own graphics surface, in HiDef RemoteApp; null otherwise. */
    dev.oriel.rdp.core.graphics.gfx.GfxChannel.WindowSurface surface;
    // Fields changed since the last order for this window.
    boolean titleChanged;
    boolean iconChanged;
    boolean boundsChanged;
    boolean showChanged;

    AppWindow(RemoteAppDesktop desktop, long id, WindowSpec spec, WindowListener listener) {
        this.desktop = desktop;
        this.id = id;
        this.kind = spec.kind();
        this.owner = spec.owner().orElse(null);
        this.appId = spec.appId();
        this.listener = listener;
        this.title = clampTitle(spec.title());
        this.icon = spec.icon().orElse(null);
        this.bounds = spec.bounds();
        this.pixels = new int[spec.bounds().width() * spec.bounds().height()];
    }

    static String clampTitle(String title) {
        return title.length() <= WindowSpec.MAX_TITLE_LENGTH ? title : title.substring(0, WindowSpec.MAX_TITLE_LENGTH);
    }

    /** The RAIL window id the client knows this window by (its X window's WM_CLASS is {@code RAIL:%08X} in FreeRDP). */
    public long id() {
        return id;
    }

    public WindowKind kind() {
        return kind;
    }

    public Optional<AppWindow> owner() {
        return Optional.ofNullable(owner);
    }

    public String appId() {
        return appId;
    }

    public RemoteAppDesktop desktop() {
        return desktop;
    }

    public String title() {
        synchronized (desktop.lock) {
            return title;
        }
    }

    /** Position and size on the desktop. */
    public Rect bounds() {
        synchronized (desktop.lock) {
            return bounds;
        }
    }

    public WindowState state() {
        synchronized (desktop.lock) {
            return state;
        }
    }

    public boolean isVisible() {
        synchronized (desktop.lock) {
            return visible;
        }
    }

    public boolean isDestroyed() {
        synchronized (desktop.lock) {
            return destroyed;
        }
    }

    /** Whether the client reported the window cloaked, e.g. because it is on another of its virtual desktops. */
    public boolean isCloakedByClient() {
        synchronized (desktop.lock) {
            return cloakedByClient;
        }
    }

    /** Whether this is the active (focused) window. */
    public boolean isActive() {
        return desktop.activeWindow().orElse(null) == this;
    }

    public void setTitle(String title) {
        desktop.setTitle(this, title);
    }

    public void setIcon(AppIcon icon) {
        desktop.setIcon(this, icon);
    }

    /** Moves or resizes the window; on a size change the window's pixels are kept where they overlap. */
    public void setBounds(Rect bounds) {
        desktop.setBounds(this, bounds, false);
    }

    public void show() {
        desktop.setVisible(this, true);
    }

    public void hide() {
        desktop.setVisible(this, false);
    }

    /** Minimises, maximises (to the client's work area) or restores the window. */
    public void setState(WindowState state) {
        desktop.setState(this, state);
    }

    /**
     * Copies the damaged rectangles of {@code content} (window-sized, relative to the window's top-left) into the
     * window and sends them. The buffer may be reused when this returns.
     *
     * @return completes when the damage has been written to the connection (merged with later damage when the client
     *         is slower than the application: pace rendering on it), at once when nothing needs sending (hidden or
     *         minimised window, session not started)
     */
    public CompletionStage<Void> paint(PixelBuffer content, List<Rect> damage) {
        return desktop.paint(this, content, damage);
    }

    /** Paints the whole window; see {@link #paint(PixelBuffer, List)}. */
    public CompletionStage<Void> paint(PixelBuffer content) {
        return desktop.paint(this, content, List.of(new Rect(0, 0, content.width(), content.height())));
    }

    /**
     * A copy of the window's pixels ({@code 0xFFRRGGBB}, row-major, {@code bounds().width()} per row): what the
     * client is sent for this window.
     */
    public int[] snapshot() {
        synchronized (desktop.lock) {
            return pixels.clone();
        }
    }

    /**
     * Cloaks the window (the client keeps it but does not show it, e.g. on another virtual desktop) or uncloaks it
     * ([MS-RDPERP] 2.2.2.12.1). Sent only to clients that announced bidirectional cloaking; others are unaffected.
     */
    public void setCloaked(boolean cloaked) {
        desktop.setCloaked(this, cloaked);
    }

    /** Brings the window to the front and gives it the focus. */
    public void activate() {
        desktop.activate(this, true);
    }

    /**
     * Starts a move or resize as if the user dragged {@code area} with the pointer at desktop position ({@code x},
     * {@code y}): the client does it locally when it allows local move/size, else the desktop follows the pointer.
     */
    public void startMoveResize(HitArea area, int x, int y) {
        desktop.startMoveResize(this, area, x, y);
    }

    /** Removes the window, and its owned windows, from the client. */
    public void destroy() {
        desktop.destroy(this);
    }

    @Override
    public String toString() {
        return "AppWindow[" + id + " " + kind + "]";
    }
}
