package dev.oriel.samples.apps;

import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.rail.AppIcon;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.rdp.rail.HitArea;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.WindowKind;
import dev.oriel.rdp.rail.WindowListener;
import dev.oriel.rdp.rail.WindowSpec;
import dev.oriel.rdp.rail.WindowState;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A demo application window that draws its own frame, the way a RemoteApp server's applications do: RAIL clients
 * show server windows without decorations, so the title bar, its buttons and the resize borders are pixels of the
 * window, and {@link #hitTest} tells the desktop where they are (so dragging the title bar moves the window).
 *
 * <p>Rendering is Java2D into an image the size of the window, pushed with {@link AppWindow#paint}. Synchronized on
 * the instance: timers repaint from their own thread while input arrives on the connection's event loop.
 */
public abstract class AppFrame implements WindowListener {
    public static final int TITLE_HEIGHT = 28;
    public static final int BORDER = 1;
    /** Distance from the edge where the pointer resizes instead of moving or clicking. */
    static final int RESIZE_EDGE = 4;
    static final Color FRAME = new Color(0x2B3A55);
    static final Color TITLE_TEXT = Color.WHITE;
    private static final Map<AppWindow, AppFrame> OPEN = new ConcurrentHashMap<>();

    protected final RemoteAppDesktop desktop;
    private final boolean decorated;
    protected AppWindow window;
    private BufferedImage image;
    private final Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private final AppIcon icon;

    protected AppFrame(RemoteAppDesktop desktop, boolean decorated, AppIcon icon) {
        this.desktop = desktop;
        this.decorated = decorated;
        this.icon = icon;
    }

    /** The application behind a window opened by one of the demo apps. */
    public static Optional<AppFrame> behind(AppWindow window) {
        return Optional.ofNullable(OPEN.get(window));
    }

    public AppWindow window() {
        return window;
    }

    /** Creates the window, paints it, then shows it (so the client never sees it empty). */
    protected final AppWindow open(WindowSpec spec) {
        window = desktop.createWindow(spec, this);
        OPEN.put(window, this);
        repaint();
        window.show();
        return window;
    }

    /** Renders the whole window and sends it. */
    public final synchronized void repaint() {
        if (window == null || window.isDestroyed()) {
            return;
        }
        render();
        window.paint(buffer());
    }

    /** Renders the whole window and sends only {@code contentArea} (in content coordinates). */
    protected final synchronized void repaintContent(Rect contentArea) {
        if (window == null || window.isDestroyed()) {
            return;
        }
        render();
        Rect c = contentBounds();
        window.paint(buffer(), List.of(new Rect(c.x() + contentArea.x(), c.y() + contentArea.y(), contentArea.width(),
                contentArea.height())));
    }

    private PixelBuffer buffer() {
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        return PixelBuffer.ofInts(px, image.getWidth(), image.getHeight(), PixelFormat.XRGB32);
    }

    private void render() {
        Rect b = window.bounds();
        if (image == null || image.getWidth() != b.width() || image.getHeight() != b.height()) {
            image = new BufferedImage(b.width(), b.height(), BufferedImage.TYPE_INT_RGB);
        }
        Graphics2D g = image.createGraphics();
        try {
            if (decorated) {
                paintFrame(g, b.width(), b.height());
            }
            Rect c = contentBounds();
            Graphics2D content = (Graphics2D) g.create(c.x(), c.y(), c.width(), c.height());
            try {
                paintContent(content, c.width(), c.height());
            } finally {
                content.dispose();
            }
        } finally {
            g.dispose();
        }
    }

    /** Where the application's own content is, inside the window. */
    protected final Rect contentBounds() {
        Rect b = window.bounds();
        if (!decorated) {
            return new Rect(0, 0, b.width(), b.height());
        }
        return new Rect(BORDER, TITLE_HEIGHT, Math.max(0, b.width() - 2 * BORDER),
                Math.max(0, b.height() - TITLE_HEIGHT - BORDER));
    }

    private void paintFrame(Graphics2D g, int w, int h) {
        g.setColor(FRAME);
        g.fillRect(0, 0, w, TITLE_HEIGHT);
        g.drawRect(0, 0, w - 1, h - 1);
        if (icon != null) {
            BufferedImage i = new BufferedImage(icon.width(), icon.height(), BufferedImage.TYPE_INT_ARGB);
            i.setRGB(0, 0, icon.width(), icon.height(), icon.argb(), 0, icon.width());
            g.drawImage(i, 6, 6, 16, 16, null);
        }
        g.setColor(TITLE_TEXT);
        g.setFont(titleFont);
        g.drawString(window.title(), icon != null ? 28 : 8, 19);
        for (Button button : buttons()) {
            int x = button.left(w);
            g.setColor(button == Button.CLOSE ? new Color(0xC0392B) : FRAME.brighter());
            g.fillRect(x + 2, 2, TITLE_HEIGHT - 4, TITLE_HEIGHT - 4);
            g.setColor(TITLE_TEXT);
            g.setStroke(new BasicStroke(2));
            int m = 9;
            switch (button) {
                case MINIMIZE -> g.drawLine(x + m, TITLE_HEIGHT - m, x + TITLE_HEIGHT - m, TITLE_HEIGHT - m);
                case MAXIMIZE -> g.drawRect(x + m, m, TITLE_HEIGHT - 2 * m, TITLE_HEIGHT - 2 * m);
                case CLOSE -> {
                    g.drawLine(x + m, m, x + TITLE_HEIGHT - m, TITLE_HEIGHT - m);
                    g.drawLine(x + m, TITLE_HEIGHT - m, x + TITLE_HEIGHT - m, m);
                }
            }
            g.setStroke(new BasicStroke(1));
        }
    }

    /** Paints the application's content; {@code g} is translated and clipped to the content area. */
    protected abstract void paintContent(Graphics2D g, int width, int height);

    /** Input in content coordinates (pointer events) or keys. */
    protected void onContentInput(InputEvent event) {
    }

    /** The title-bar buttons, right to left. */
    enum Button {
        CLOSE, MAXIMIZE, MINIMIZE;

        int left(int windowWidth) {
            return windowWidth - BORDER - (ordinal() + 1) * TITLE_HEIGHT;
        }

        static Optional<Button> at(List<Button> shown, int windowWidth, int x, int y) {
            if (y < 0 || y >= TITLE_HEIGHT) {
                return Optional.empty();
            }
            for (Button b : shown) {
                if (x >= b.left(windowWidth) && x < b.left(windowWidth) + TITLE_HEIGHT) {
                    return Optional.of(b);
                }
            }
            return Optional.empty();
        }
    }

    /** The title-bar buttons: a dialog can only be closed, not minimised or maximised. */
    private List<Button> buttons() {
        return window.kind() == WindowKind.DIALOG ? List.of(Button.CLOSE) : List.of(Button.values());
    }

    @Override
    public HitArea hitTest(AppWindow w, int x, int y) {
        if (!decorated) {
            return HitArea.CLIENT;
        }
        Rect b = w.bounds();
        boolean left = x < RESIZE_EDGE;
        boolean right = x >= b.width() - RESIZE_EDGE;
        boolean top = y < RESIZE_EDGE;
        boolean bottom = y >= b.height() - RESIZE_EDGE;
        if (top && left) {
            return HitArea.TOP_LEFT;
        }
        if (top && right) {
            return HitArea.TOP_RIGHT;
        }
        if (bottom && left) {
            return HitArea.BOTTOM_LEFT;
        }
        if (bottom && right) {
            return HitArea.BOTTOM_RIGHT;
        }
        if (left) {
            return HitArea.LEFT;
        }
        if (right) {
            return HitArea.RIGHT;
        }
        if (top) {
            return HitArea.TOP;
        }
        if (bottom) {
            return HitArea.BOTTOM;
        }
        if (y < TITLE_HEIGHT && Button.at(buttons(), b.width(), x, y).isEmpty()) {
            return HitArea.CAPTION;
        }
        return HitArea.CLIENT;
    }

    @Override
    public void onInput(AppWindow w, InputEvent event) {
        if (decorated && event instanceof InputEvent.PointerButton p && p.y() < TITLE_HEIGHT) {
            if (p.button() == InputEvent.Button.LEFT && !p.pressed()) {
                Button.at(buttons(), w.bounds().width(), p.x(), p.y()).ifPresent(b -> {
                    switch (b) {
                        case MINIMIZE -> w.setState(WindowState.MINIMIZED);
                        case MAXIMIZE -> w.setState(w.state() == WindowState.MAXIMIZED ? WindowState.NORMAL
                                : WindowState.MAXIMIZED);
                        case CLOSE -> onCloseRequested(w);
                    }
                });
            }
            return;
        }
        Rect c = contentBounds();
        if (event instanceof InputEvent.PointerMove m) {
            onContentInput(new InputEvent.PointerMove(m.x() - c.x(), m.y() - c.y()));
        } else if (event instanceof InputEvent.PointerButton p) {
            onContentInput(new InputEvent.PointerButton(p.button(), p.pressed(), p.x() - c.x(), p.y() - c.y()));
        } else {
            onContentInput(event);
        }
    }

    @Override
    public void onBoundsChanged(AppWindow w, Rect oldBounds, Rect newBounds) {
        if (oldBounds.width() != newBounds.width() || oldBounds.height() != newBounds.height()) {
            repaint();
        }
    }

    @Override
    public void onDestroyed(AppWindow w) {
        OPEN.remove(w);
    }
}
