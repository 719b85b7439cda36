package dev.oriel.samples.apps;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.rail.PublishedApp;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import java.time.Clock;
import dev.oriel.rdp.clipboard.InMemoryClipboard;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The published demo applications: {@code clock}, {@code notepad}, {@code paint}. Open one with
 * {@code xfreerdp /app:||notepad}; each new window is placed a step below and right of the previous one.
 */
public final class DemoApps {
    private DemoApps() {
    }

    /**
     * @param timer drives the clock's once-a-second repaint
     * @param clock the time the clock shows (tests use a fixed one)
     */
    public static List<PublishedApp> all(ScheduledExecutorService timer, Clock clock) {
        return all(timer, clock, desktop -> Optional.empty());
    }

    /**
     * @param clipboards the session clipboard a desktop's applications copy to and paste from (notepad's Ctrl+C/V,
     *                   paint's image copy and paste), if the server has one
     */
    public static List<PublishedApp> all(ScheduledExecutorService timer, Clock clock,
            Function<RemoteAppDesktop, Optional<InMemoryClipboard>> clipboards) {
        return List.of(
                new PublishedApp(ClockApp.ALIAS, "Clock", (desktop, request) ->
                        new ClockApp(desktop, place(desktop, ClockApp.WIDTH, ClockApp.HEIGHT), clock, timer)),
                new PublishedApp(NotepadApp.ALIAS, "Notepad", (desktop, request) ->
                        new NotepadApp(desktop, place(desktop, NotepadApp.WIDTH, NotepadApp.HEIGHT),
                                NotepadApp.documentName(request.arguments()), clipboards.apply(desktop))),
                new PublishedApp(PaintApp.ALIAS, "Paint", (desktop, request) ->
                        new PaintApp(desktop, place(desktop, PaintApp.WIDTH, PaintApp.HEIGHT), clipboards.apply(desktop))));
    }

    /** A cascading position for a new window of {@code w}×{@code h} that keeps it on the desktop. */
    static Rect place(RemoteAppDesktop desktop, int w, int h) {
        DesktopSize size = desktop.session().map(s -> s.desktopSize()).orElse(new DesktopSize(1024, 768));
        int n = desktop.windows().size();
        int x = 60 + 40 * n;
        int y = 60 + 30 * n;
        if (x + w > size.width() || y + h > size.height()) {
            x = 60;
            y = 60;
        }
        return new Rect(x, y, w, h);
    }
}
