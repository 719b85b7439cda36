package dev.oriel.samples.demo;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.Frame;
import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.PointerImage;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.api.SessionListener;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's demo desktop, drawn with Java2D: a ticking clock, a panel that echoes typed text, and a marker
 * that follows the mouse (clicks leave dots). Only the rectangles that change are sent.
 *
 * <p>All state lives on one renderer thread (shared by all sessions); input callbacks from the connection's event
 * loop only enqueue work there, so they never block.
 */
public final class DemoDesktop implements SessionListener {
    private static final Logger log = LoggerFactory.getLogger(DemoDesktop.class);

    public static final int WIDTH = 1024;
    public static final int HEIGHT = 768;

    static final Rect HEADER = new Rect(0, 0, WIDTH, 56);
    static final Rect CLOCK_PANEL = new Rect(24, 80, 320, 320);
    static final Rect TEXT_PANEL = new Rect(368, 80, 632, 320);
    static final Rect MOUSE_PANEL = new Rect(24, 424, 976, 320);
    static final int FOLLOWER_RADIUS = 10;
    static final int MAX_TEXT = 2000;
    static final int MAX_DOTS = 200;
    /** Where the animation plays (inside the mouse panel, below its label); F2 toggles it. */
    static final Rect ANIMATION = new Rect(MOUSE_PANEL.x() + 16, MOUSE_PANEL.y() + 48, MOUSE_PANEL.width() - 32,
            MOUSE_PANEL.height() - 64);
    static final long ANIMATION_PERIOD_MS = 16;
    /** A photo-like strip in the header (a noisy sunset): content the graphics pipeline sends as RemoteFX. */
    public static final Rect PHOTO = new Rect(WIDTH - 248, 4, 232, 48);
    private static final BufferedImage PHOTO_IMAGE = photo();
    private static final int F2 = 0x3C;

    private static final Color PANEL = new Color(0x1E, 0x27, 0x38);
    private static final Color PANEL_BORDER = new Color(0x4F, 0x8C, 0xC9);
    private static final Color TEXT = new Color(0xE8, 0xEC, 0xF1);
    private static final Color ACCENT = new Color(0xF2, 0xA1, 0x3B);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SessionInfo info;
    private final ScheduledExecutorService renderer;
    private final Clock clock;
    private final boolean tick;
    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    private final Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    private final Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private final Font textFont = new Font(Font.MONOSPACED, Font.PLAIN, 18);
    private final Font digitalFont = new Font(Font.MONOSPACED, Font.BOLD, 28);

    // Renderer-thread state.
    private Session session;
    private ScheduledFuture<?> ticker;
    private final UsKeyboard keyboard = new UsKeyboard();
    private final StringBuilder typed = new StringBuilder();
    private int mouseX = -100;
    private int mouseY = -100;
    private final Deque<int[]> dots = new ArrayDeque<>();
    private PointerImage currentPointer;
    private boolean suppressed;
    private LocalTime shownTime;
    private ScheduledFuture<?> animator;
    /** Animation frames drawn so far; the picture is a function of this, so a stopped animation stays still. */
    private long animationFrames;

    /**
     * @param tick whether the clock advances every second; tests pass false with a fixed {@code clock} to get
     *             deterministic pixels
     */
    public DemoDesktop(SessionInfo info, ScheduledExecutorService renderer, Clock clock, boolean tick) {
        this.info = info;
        this.renderer = renderer;
        this.clock = clock;
        this.tick = tick;
    }

    @Override
    public void onStart(Session s) {
        renderer.execute(() -> {
            session = s;
            shownTime = now();
            paint(List.of(Rect.of(s.desktopSize()).intersect(new Rect(0, 0, WIDTH, HEIGHT))));
            submit(List.of(new Rect(0, 0, WIDTH, HEIGHT)));
            setPointer(ARROW);
            if (tick) {
                ticker = renderer.scheduleAtFixedRate(this::tick, 1000 - clock.millis() % 1000, 1000, TimeUnit.MILLISECONDS);
            }
            log.info("Demo desktop started session={} user={} client={}", s.id(), info.userName(), info.clientName());
        });
    }

    @Override
    public void onInput(InputEvent event) {
        renderer.execute(() -> handleInput(event));
    }

    @Override
    public void onOutputSuppressed(boolean suppressedNow) {
        renderer.execute(() -> suppressed = suppressedNow);
    }

    @Override
    public void onClose(CloseReason reason) {
        renderer.execute(() -> {
            if (ticker != null) {
                ticker.cancel(false);
            }
            stopAnimation();
            session = null;
            log.info("Demo desktop closed reason={} detail={}", reason.kind(), reason.detail());
        });
    }

    /** A copy of the current pixels (0x00RRGGBB), taken on the renderer thread. */
    public CompletableFuture<int[]> snapshot() {
        return CompletableFuture.supplyAsync(pixels::clone, renderer);
    }

    /**
     * Starts or stops the animation (a full-panel picture redrawn every {@value #ANIMATION_PERIOD_MS} ms, the
     * fast-changing content of the graphics tests and benches); completes with the frames drawn so far.
     */
    public CompletableFuture<Long> setAnimating(boolean on) {
        return CompletableFuture.supplyAsync(() -> {
            if (on && animator == null && session != null) {
                animator = renderer.scheduleAtFixedRate(this::animate, 0, ANIMATION_PERIOD_MS, TimeUnit.MILLISECONDS);
            } else if (!on) {
                stopAnimation();
            }
            return animationFrames;
        }, renderer);
    }

    /** The text typed so far, read on the renderer thread. */
    public CompletableFuture<String> typedText() {
        return CompletableFuture.supplyAsync(typed::toString, renderer);
    }

    // ---- renderer thread --------------------------------------------------------------------------------

    private LocalTime now() {
        return LocalTime.now(clock).withNano(0);
    }

    private void tick() {
        LocalTime t = now();
        if (session == null || t.equals(shownTime)) {
            return;
        }
        shownTime = t;
        if (!suppressed) {
            repaint(List.of(CLOCK_PANEL));
        } else {
            paint(List.of(CLOCK_PANEL));
            submit(List.of(CLOCK_PANEL));
        }
    }

    private void handleInput(InputEvent event) {
        if (session == null) {
            return;
        }
        if (event instanceof InputEvent.KeyScancode k && k.scancode() == F2 && k.pressed() && !k.extended()) {
            setAnimating(animator == null);
        }
        OptionalInt ch = keyboard.accept(event);
        if (ch.isPresent()) {
            onChar((char) ch.getAsInt());
        }
        if (event instanceof InputEvent.PointerMove m) {
            moveFollower(m.x(), m.y());
        } else if (event instanceof InputEvent.PointerButton b) {
            moveFollower(b.x(), b.y());
            if (b.pressed() && MOUSE_PANEL.contains(b.x(), b.y())) {
                addDot(b.x(), b.y(), b.button());
            }
        }
    }

    private void stopAnimation() {
        if (animator != null) {
            animator.cancel(false);
            animator = null;
        }
    }

    private void animate() {
        if (session == null || suppressed) {
            return;
        }
        animationFrames++;
        repaint(List.of(ANIMATION));
    }

    private void onChar(char c) {
        if (c == UsKeyboard.BACKSPACE) {
            if (typed.length() > 0) {
                typed.setLength(typed.length() - 1);
            }
        } else if (c >= ' ' || c == '\n') {
            if (typed.length() >= MAX_TEXT) {
                typed.delete(0, typed.length() - MAX_TEXT + 1);
            }
            typed.append(c);
        } else {
            return;
        }
        repaint(List.of(TEXT_PANEL));
    }

    private void moveFollower(int x, int y) {
        Rect old = followerRect(mouseX, mouseY);
        mouseX = x;
        mouseY = y;
        List<Rect> damage = new ArrayList<>();
        damage.add(old);
        damage.add(followerRect(x, y));
        damage.add(MOUSE_LABEL);
        repaint(damage);
        setPointer(TEXT_PANEL.contains(x, y) ? IBEAM : ARROW);
    }

    private static final Rect MOUSE_LABEL = new Rect(MOUSE_PANEL.x() + 16, MOUSE_PANEL.y() + 12, 420, 24);

    private static Rect followerRect(int x, int y) {
        int r = FOLLOWER_RADIUS + 3;
        return new Rect(x - r, y - r, 2 * r + 1, 2 * r + 1).intersect(new Rect(0, 0, WIDTH, HEIGHT));
    }

    private void addDot(int x, int y, InputEvent.Button button) {
        int rgb = switch (button) {
            case LEFT -> 0x4FC3F7;
            case RIGHT -> 0xEF5350;
            case MIDDLE -> 0x66BB6A;
            default -> 0xFFEE58;
        };
        dots.addLast(new int[] {x, y, rgb});
        List<Rect> damage = new ArrayList<>();
        damage.add(new Rect(x - 6, y - 6, 13, 13));
        if (dots.size() > MAX_DOTS) {
            int[] gone = dots.removeFirst();
            damage.add(new Rect(gone[0] - 6, gone[1] - 6, 13, 13));
        }
        repaint(damage);
    }

    private void setPointer(PointerImage p) {
        if (session != null && p != currentPointer) {
            currentPointer = p;
            session.setPointer(p);
        }
    }

    private void repaint(List<Rect> damage) {
        List<Rect> clipped = new ArrayList<>();
        for (Rect r : damage) {
            Rect c = r.intersect(new Rect(0, 0, WIDTH, HEIGHT));
            if (!c.isEmpty()) {
                clipped.add(c);
            }
        }
        if (clipped.isEmpty()) {
            return;
        }
        paint(clipped);
        submit(clipped);
    }

    private void submit(List<Rect> damage) {
        if (session != null) {
            session.submitFrame(new Frame(PixelBuffer.ofInts(pixels, WIDTH, HEIGHT, PixelFormat.XRGB32), damage));
        }
    }

    // ---- drawing ----------------------------------------------------------------------------------------

    private void paint(List<Rect> clips) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (Rect clip : clips) {
                g.setClip(clip.x(), clip.y(), clip.width(), clip.height());
                paintScene(g);
            }
        } finally {
            g.dispose();
        }
    }

    private void paintScene(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x10, 0x2A, 0x43), 0, HEIGHT, new Color(0x0B, 0x4F, 0x5C)));
        g.fillRect(0, 0, WIDTH, HEIGHT);

        g.setColor(new Color(0x0A, 0x14, 0x22));
        g.fillRect(HEADER.x(), HEADER.y(), HEADER.width(), HEADER.height());
        g.setColor(ACCENT);
        g.fillRect(0, HEADER.bottom() - 3, WIDTH, 3);
        g.drawImage(PHOTO_IMAGE, PHOTO.x(), PHOTO.y(), null);
        g.setFont(titleFont);
        g.setColor(TEXT);
        g.drawString("Oriel demo desktop", 24, 36);
        g.setFont(labelFont);
        g.drawString("user " + info.userName() + " on " + info.clientName() + " · " + info.remoteAddress().getAddress()
                .getHostAddress(), 300, 34);

        paintClock(g);
        paintText(g);
        paintMouse(g);
        paintFollower(g);
    }

    private void panel(Graphics2D g, Rect r, String title) {
        g.setColor(PANEL);
        g.fillRoundRect(r.x(), r.y(), r.width(), r.height(), 16, 16);
        g.setColor(PANEL_BORDER);
        g.setStroke(new BasicStroke(2f));
        g.drawRoundRect(r.x() + 1, r.y() + 1, r.width() - 3, r.height() - 3, 16, 16);
        g.setFont(labelFont);
        g.setColor(PANEL_BORDER);
        g.drawString(title, r.x() + 16, r.y() + 28);
    }

    private void paintClock(Graphics2D g) {
        Rect r = CLOCK_PANEL;
        panel(g, r, "Clock");
        LocalTime t = shownTime == null ? now() : shownTime;
        double cx = r.x() + r.width() / 2.0;
        double cy = r.y() + 160;
        double radius = 105;
        g.setColor(new Color(0x2B, 0x36, 0x4D));
        g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < 12; i++) {
            double a = Math.PI * 2 * i / 12;
            g.draw(new Line2D.Double(cx + Math.sin(a) * (radius - 12), cy - Math.cos(a) * (radius - 12),
                    cx + Math.sin(a) * (radius - 2), cy - Math.cos(a) * (radius - 2)));
        }
        hand(g, cx, cy, (t.getHour() % 12 + t.getMinute() / 60.0) / 12, radius * 0.5, 6f, TEXT);
        hand(g, cx, cy, (t.getMinute() + t.getSecond() / 60.0) / 60, radius * 0.75, 4f, TEXT);
        hand(g, cx, cy, t.getSecond() / 60.0, radius * 0.85, 2f, ACCENT);
        g.setFont(digitalFont);
        g.setColor(TEXT);
        String digital = HMS.format(t);
        int w = g.getFontMetrics().stringWidth(digital);
        g.drawString(digital, (int) (cx - w / 2.0), r.bottom() - 22);
    }

    private static void hand(Graphics2D g, double cx, double cy, double fraction, double length, float width, Color c) {
        double a = Math.PI * 2 * fraction;
        g.setColor(c);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(cx, cy, cx + Math.sin(a) * length, cy - Math.cos(a) * length));
    }

    private void paintText(Graphics2D g) {
        Rect r = TEXT_PANEL;
        panel(g, r, "Type something — it is echoed here");
        g.setFont(textFont);
        g.setColor(TEXT);
        int lineHeight = g.getFontMetrics().getHeight();
        int maxWidth = r.width() - 32;
        List<String> lines = wrap(typed.toString(), g, maxWidth);
        int maxLines = (r.height() - 56) / lineHeight;
        int first = Math.max(0, lines.size() - maxLines);
        int y = r.y() + 56;
        String last = "";
        for (int i = first; i < lines.size(); i++) {
            g.drawString(lines.get(i), r.x() + 16, y);
            last = lines.get(i);
            y += lineHeight;
        }
        int caretX = r.x() + 16 + g.getFontMetrics().stringWidth(last);
        int caretY = y - lineHeight;
        g.setColor(ACCENT);
        g.fillRect(caretX + 1, caretY - g.getFontMetrics().getAscent() + 2, 2, g.getFontMetrics().getAscent());
    }

    private static List<String> wrap(String text, Graphics2D g, int maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < para.length(); i++) {
                line.append(para.charAt(i));
                if (g.getFontMetrics().stringWidth(line.toString()) > maxWidth) {
                    line.setLength(line.length() - 1);
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(para.charAt(i));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private void paintMouse(Graphics2D g) {
        Rect r = MOUSE_PANEL;
        panel(g, r, "");
        g.setFont(labelFont);
        g.setColor(PANEL_BORDER);
        String label = mouseX < 0 ? "Mouse: move the pointer, click to leave dots"
                : "Mouse: x=" + mouseX + " y=" + mouseY + " — click to leave dots";
        g.drawString(label, MOUSE_LABEL.x(), MOUSE_LABEL.y() + 16);
        if (animationFrames > 0) {
            paintAnimation(g);
        }
        for (int[] d : dots) {
            g.setColor(new Color(d[2]));
            g.fill(new Ellipse2D.Double(d[0] - 5, d[1] - 5, 10, 10));
        }
    }

    /** Diagonal colour bands sliding sideways, and a ball bouncing across them: every pixel changes each frame. */
    private void paintAnimation(Graphics2D g) {
        Rect a = ANIMATION;
        long f = animationFrames;
        java.awt.Shape clip = g.getClip();
        g.clipRect(a.x(), a.y(), a.width(), a.height());
        int band = 24;
        for (int i = -a.height() / band - 1; i <= a.width() / band + 1; i++) {
            float hue = (float) Math.floorMod(i * 15 + f * 3, 360) / 360f;
            g.setColor(Color.getHSBColor(hue, 0.65f, 0.9f));
            int x = a.x() + i * band + (int) (f * 2 % band);
            g.fill(new Polygon(new int[] {x, x + band, x + band + a.height(), x + a.height()},
                    new int[] {a.y(), a.y(), a.bottom(), a.bottom()}, 4));
        }
        int span = a.width() - 60;
        long p = f * 5 % (2L * span);
        int bx = a.x() + (int) (p < span ? p : 2L * span - p);
        int by = a.y() + a.height() / 2 - 30 + (int) (Math.sin(f / 10.0) * (a.height() / 2 - 40));
        g.setColor(new Color(0x10, 0x18, 0x24));
        g.fill(new Ellipse2D.Double(bx, by, 60, 60));
        g.setClip(clip);
    }

    private void paintFollower(Graphics2D g) {
        if (mouseX < 0) {
            return;
        }
        g.setColor(ACCENT);
        g.setStroke(new BasicStroke(3f));
        g.draw(new Ellipse2D.Double(mouseX - FOLLOWER_RADIUS, mouseY - FOLLOWER_RADIUS, 2 * FOLLOWER_RADIUS,
                2 * FOLLOWER_RADIUS));
    }

    /** A sunset gradient with film-grain noise in each channel, the same on every run (seeded). */
    private static BufferedImage photo() {
        BufferedImage img = new BufferedImage(PHOTO.width(), PHOTO.height(), BufferedImage.TYPE_INT_RGB);
        java.util.Random grain = new java.util.Random(42);
        for (int y = 0; y < PHOTO.height(); y++) {
            for (int x = 0; x < PHOTO.width(); x++) {
                double t = (double) y / PHOTO.height();
                double sun = Math.max(0, 1 - Math.hypot(x - PHOTO.width() * 0.7, y - PHOTO.height() * 0.8) / 40);
                int r = (int) (250 - 90 * t + 5 * sun) + grain.nextInt(17) - 8;
                int gr = (int) (120 + 60 * t + 100 * sun) + grain.nextInt(17) - 8;
                int b = (int) (90 + 110 * t) + grain.nextInt(17) - 8;
                img.setRGB(x, y, clamp(r) << 16 | clamp(gr) << 8 | clamp(b));
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    // ---- pointers ---------------------------------------------------------------------------------------

    static final PointerImage ARROW = arrow();
    static final PointerImage IBEAM = ibeam();

    private static PointerImage arrow() {
        BufferedImage img = new BufferedImage(20, 28, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Polygon p = new Polygon(new int[] {1, 1, 6, 10, 13, 9, 16}, new int[] {1, 22, 17, 26, 25, 16, 16}, 7);
        g.setColor(Color.BLACK);
        g.fill(p);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(p);
        g.dispose();
        return new PointerImage(20, 28, 1, 1, img.getRGB(0, 0, 20, 28, null, 0, 20));
    }

    private static PointerImage ibeam() {
        BufferedImage img = new BufferedImage(12, 24, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(1, 0, 10, 3);
        g.fillRect(1, 21, 10, 3);
        g.fillRect(4, 0, 4, 24);
        g.setColor(Color.BLACK);
        g.fillRect(2, 1, 8, 1);
        g.fillRect(2, 22, 8, 1);
        g.fillRect(5, 1, 2, 22);
        g.dispose();
        return new PointerImage(12, 24, 6, 12, img.getRGB(0, 0, 12, 24, null, 0, 12));
    }
}
