package dev.oriel.rdp.rail;

import dev.oriel.rdp.core.api.Rect;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new window looks like.
 *
 * @param title  the title the client shows (window title, taskbar); at most {@link #MAX_TITLE_LENGTH} characters are sent
 * @param bounds position and size on the desktop, in desktop pixels, including any frame the application draws
 * @param kind   normal, dialog or popup
 * @param owner  the owning window: dialogs and popups stay above it
 * @param icon   the window's icon (dialogs and popups usually have none)
 * @param appId  an application id for the client's taskbar grouping ([MS-RDPERP] 2.2.2.8.1), e.g. the alias
 */
public record WindowSpec(String title, Rect bounds, WindowKind kind, Optional<AppWindow> owner,
        Optional<AppIcon> icon, String appId) {
    public static final int MAX_TITLE_LENGTH = 255;

    public WindowSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(appId, "appId");
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("a window needs a non-empty size: " + bounds);
        }
    }

    /** A normal top-level window. */
    public static WindowSpec normal(String title, Rect bounds, AppIcon icon, String appId) {
        return new WindowSpec(title, bounds, WindowKind.NORMAL, Optional.empty(), Optional.ofNullable(icon), appId);
    }

    /** A dialog owned by {@code owner}. */
    public static WindowSpec dialog(String title, Rect bounds, AppWindow owner) {
        return new WindowSpec(title, bounds, WindowKind.DIALOG, Optional.of(owner), Optional.empty(), owner.appId());
    }

    /** A popup (menu, tooltip) owned by {@code owner}. */
    public static WindowSpec popup(Rect bounds, AppWindow owner) {
        return new WindowSpec("", bounds, WindowKind.POPUP, Optional.of(owner), Optional.empty(), owner.appId());
    }
}
