package dev.oriel.samples.apps;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.WindowSpec;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@code clock}: the time, redrawn every second; only the digits' area is sent. */
public final class ClockApp extends AppFrame {
    public static final String ALIAS = "clock";
    static final int WIDTH = 320;
    static final int HEIGHT = 200;
    /** Where the time and date are drawn, in content coordinates: the per-second damage. */
    static final Rect TEXT_AREA = new Rect(20, 40, 280, 100);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu");

    private final Clock clock;
    private final Font timeFont = new Font(Font.MONOSPACED, Font.BOLD, 48);
    private final Font dateFont = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private final ScheduledFuture<?> ticker;

    ClockApp(RemoteAppDesktop desktop, Rect at, Clock clock, ScheduledExecutorService timer) {
        super(desktop, true, DemoIcons.CLOCK);
        this.clock = clock;
        open(WindowSpec.normal("Clock", new Rect(at.x(), at.y(), WIDTH, HEIGHT), DemoIcons.CLOCK, ALIAS));
        this.ticker = timer.scheduleAtFixedRate(() -> repaintContent(TEXT_AREA), 1, 1, TimeUnit.SECONDS);
    }

    @Override
    protected void paintContent(Graphics2D g, int width, int height) {
        g.setColor(new Color(0x17202A));
        g.fillRect(0, 0, width, height);
        LocalDateTime now = LocalDateTime.now(clock);
        g.setColor(new Color(0xF5B041));
        g.setFont(timeFont);
        g.drawString(TIME.format(now), TEXT_AREA.x(), TEXT_AREA.y() + 50);
        g.setColor(new Color(0xD5D8DC));
        g.setFont(dateFont);
        g.drawString(DATE.format(now), TEXT_AREA.x() + 4, TEXT_AREA.y() + 85);
    }

    @Override
    public void onDestroyed(AppWindow w) {
        ticker.cancel(false);
        super.onDestroyed(w);
    }
}
