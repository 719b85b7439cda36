package dev.oriel.rdp.rail;

import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.Rect;

/**
 * What happens to one window: input and the client's requests. Every method has a default. Callbacks run on the
 * connection's event loop, one at a time; they must not block, and may call back into the window and desktop.
 */
public interface WindowListener {

    /**
     * Keyboard input while the window is active, and pointer input over it (or captured by it while a button is
     * held). Pointer coordinates are relative to the window's top-left corner.
     */
    default void onInput(AppWindow window, InputEvent event) {
    }

    /**
     * The window became the active (focused) window, or stopped being it: because the client or the application
     * activated another window, or because the focus passed on when the active window was hidden, minimised or
     * destroyed (to its owner, else the topmost window).
     */
    default void onActivated(AppWindow window, boolean active) {
    }

    /**
     * The user asked to close the window (the client's close button, Alt+F4). The default destroys it; an application
     * may refuse, e.g. show an unsaved-changes dialog instead.
     */
    default void onCloseRequested(AppWindow window) {
        window.destroy();
    }

    /** The user asked to minimise, maximise or restore the window. The default does it. */
    default void onStateRequested(AppWindow window, WindowState requested) {
        window.setState(requested);
    }

    /**
     * The window's bounds changed: the client moved or resized it, or it was maximised or restored. The model already
     * has the new bounds; on a size change, paint the whole window again. Not called for {@link AppWindow#setBounds},
     * which the application itself asked for.
     */
    default void onBoundsChanged(AppWindow window, Rect oldBounds, Rect newBounds) {
    }

    /** The client asked for the window's system menu at a desktop position ([MS-RDPERP] 2.2.2.6.3). */
    default void onSystemMenu(AppWindow window, int x, int y) {
    }

    /** What the point ({@code x}, {@code y}), relative to the window, is for moving and resizing. */
    default HitArea hitTest(AppWindow window, int x, int y) {
        return HitArea.CLIENT;
    }

    /** The window was destroyed (by the application or because the session ended). */
    default void onDestroyed(AppWindow window) {
    }
}
