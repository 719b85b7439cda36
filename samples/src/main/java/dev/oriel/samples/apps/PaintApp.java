package dev.oriel.samples.apps;

import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.WindowSpec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import dev.oriel.rdp.clipboard.ClipboardMime;
import dev.oriel.rdp.clipboard.InMemoryClipboard;
import dev.oriel.rdp.clipboard.convert.DibImages;
import java.util.Optional;

/** {@code paint}: draw with the left button; the right button opens a popup menu (pen colour, clear). */
public final class PaintApp extends AppFrame {
    public static final String ALIAS = "paint";
    static final int WIDTH = 520;
    static final int HEIGHT = 400;

    private BufferedImage canvas = blank(WIDTH, HEIGHT);
    private Color pen = Color.BLACK;
    private int lastX = -1;
    private int lastY = -1;
    private PopupMenu menu;
    private final Optional<InMemoryClipboard> clipboard;
    private final EditKeys editKeys = new EditKeys();

    PaintApp(RemoteAppDesktop desktop, Rect at, Optional<InMemoryClipboard> clipboard) {
        super(desktop, true, DemoIcons.PAINT);
        this.clipboard = clipboard;
        open(WindowSpec.normal("Paint", new Rect(at.x(), at.y(), WIDTH, HEIGHT), DemoIcons.PAINT, ALIAS));
    }

    public static Optional<PaintApp> of(AppWindow window) {
        return AppFrame.behind(window).filter(PaintApp.class::isInstance).map(PaintApp.class::cast);
    }

    public synchronized int penColor() {
        return pen.getRGB();
    }

    public synchronized Optional<AppWindow> popupMenu() {
        return menu == null ? Optional.empty() : Optional.of(menu.window());
    }

    private static BufferedImage blank(int w, int h) {
        BufferedImage img = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return img;
    }

    @Override
    protected void paintContent(Graphics2D g, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(canvas, 0, 0, null);
    }

    /** The canvas as {@code 0xAARRGGBB} pixels, for tests. */
    public synchronized int[] canvasPixels() {
        return canvas.getRGB(0, 0, canvas.getWidth(), canvas.getHeight(), null, 0, canvas.getWidth());
    }

    /** Ctrl+C copies the canvas as an image; Ctrl+V pastes an image at the top-left corner. */
    private void edit(EditKeys.Command command) {
        if (command == EditKeys.Command.COPY) {
            byte[] png;
            synchronized (this) {
                png = DibImages.toPng(canvas);
            }
            clipboard.ifPresent(c -> c.set(java.util.Map.of(ClipboardMime.PNG, png)));
        } else if (command == EditKeys.Command.PASTE) {
            clipboard.ifPresent(c -> c.paste(ClipboardMime.PNG).thenAccept(p -> p.ifPresent(this::pasteImage)));
        }
    }

    private void pasteImage(byte[] png) {
        BufferedImage img = DibImages.fromPng(png);
        synchronized (this) {
            Graphics2D g = canvas.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
        }
        repaint();
    }

    @Override
    protected void onContentInput(InputEvent event) {
        Optional<EditKeys.Command> command;
        synchronized (this) {
            command = editKeys.accept(event);
        }
        if (command.isPresent()) {
            edit(command.get());
            return;
        }
        if (event instanceof InputEvent.PointerButton b) {
            if (b.button() == InputEvent.Button.LEFT) {
                synchronized (this) {
                    lastX = b.pressed() ? b.x() : -1;
                    lastY = b.pressed() ? b.y() : -1;
                }
                if (b.pressed()) {
                    stroke(b.x(), b.y());
                }
            } else if (b.button() == InputEvent.Button.RIGHT && !b.pressed()) {
                openMenu(b.x(), b.y());
            }
        } else if (event instanceof InputEvent.PointerMove m) {
            boolean drawing;
            synchronized (this) {
                drawing = lastX >= 0;
            }
            if (drawing) {
                stroke(m.x(), m.y());
            }
        }
    }

    private void stroke(int x, int y) {
        synchronized (this) {
            Graphics2D g = canvas.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(pen);
            g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine(lastX < 0 ? x : lastX, lastY < 0 ? y : lastY, x, y);
            g.dispose();
            lastX = x;
            lastY = y;
        }
        repaint();
    }

    /** Opens the menu at a content position (the menu is its own popup window on the client). */
    private void openMenu(int x, int y) {
        synchronized (this) {
            if (menu != null) {
                return;
            }
            Rect b = window.bounds();
            Rect c = contentBounds();
            menu = new PopupMenu(desktop, this, b.x() + c.x() + x, b.y() + c.y() + y);
        }
    }

    void menuChose(PopupMenu.Item item) {
        PopupMenu m;
        synchronized (this) {
            m = menu;
            menu = null;
            switch (item) {
                case BLACK -> pen = Color.BLACK;
                case RED -> pen = new Color(0xE74C3C);
                case CLEAR -> canvas = blank(canvas.getWidth(), canvas.getHeight());
                case NONE -> {
                }
            }
        }
        if (m != null) {
            m.window().destroy();
        }
        if (item == PopupMenu.Item.CLEAR) {
            repaint();
        }
    }

    @Override
    public void onBoundsChanged(AppWindow w, Rect oldBounds, Rect newBounds) {
        synchronized (this) {
            Rect c = contentBounds();
            if (c.width() > canvas.getWidth() || c.height() > canvas.getHeight()) {
                BufferedImage bigger = blank(Math.max(c.width(), canvas.getWidth()),
                        Math.max(c.height(), canvas.getHeight()));
                Graphics2D g = bigger.createGraphics();
                g.drawImage(canvas, 0, 0, null);
                g.dispose();
                canvas = bigger;
            }
        }
        super.onBoundsChanged(w, oldBounds, newBounds);
    }
}
