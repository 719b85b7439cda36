package dev.oriel.samples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.rdp.rail.HitArea;
import dev.oriel.rdp.rail.LaunchRequest;
import dev.oriel.rdp.rail.PublishedApp;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.WindowKind;
import dev.oriel.rdp.rail.WindowState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo applications driven through a real RemoteAppDesktop (no session needed), in desktop coordinates. */
class DemoAppsTest {
    static final Clock FROZEN = Clock.fixed(Instant.parse("2026-11-22T10:08:30Z"), ZoneOffset.UTC);
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final RemoteAppDesktop desktop = new RemoteAppDesktop(false);
    final dev.oriel.rdp.clipboard.InMemoryClipboard clipboard = new dev.oriel.rdp.clipboard.InMemoryClipboard();
    final List<PublishedApp> apps = DemoApps.all(timer, FROZEN, d -> java.util.Optional.of(clipboard));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    AppWindow launch(String alias, String arguments) {
        PublishedApp app = apps.stream().filter(a -> a.alias().equals(alias)).findFirst().orElseThrow();
        int before = desktop.windows().size();
        desktop.start(app, new LaunchRequest("||" + alias, arguments, ""));
        assertThat(desktop.windows()).hasSize(before + 1);
        return desktop.windows().get(0);
    }

    void click(InputEvent.Button button, int x, int y) {
        desktop.onInput(new InputEvent.PointerButton(button, true, x, y));
        desktop.onInput(new InputEvent.PointerButton(button, false, x, y));
    }

    void key(int scancode) {
        desktop.onInput(new InputEvent.KeyScancode(scancode, false, false, true));
        desktop.onInput(new InputEvent.KeyScancode(scancode, false, false, false));
    }

    @Test
    void eachAppHasItsOwnTitleIconAndPlace() {
        AppWindow clock = launch("clock", "");
        AppWindow notepad = launch("notepad", "");
        AppWindow paint = launch("paint", "");
        assertThat(List.of(clock.title(), notepad.title(), paint.title()))
                .containsExactly("Clock", "Untitled - Notepad", "Paint");
        assertThat(clock.bounds()).isEqualTo(new Rect(60, 60, 320, 200));
        assertThat(notepad.bounds().x()).isEqualTo(100);
        assertThat(paint.bounds().x()).isEqualTo(140);
        assertThat(List.of(clock, notepad, paint)).allMatch(AppWindow::isVisible);
        assertThat(DemoIcons.CLOCK.argb()).isNotEqualTo(DemoIcons.NOTEPAD.argb());
        assertThat(DemoIcons.CLOCK.argb()[0] >>> 24).as("transparent corner").isZero();
    }

    @Test
    void notepadTypesMarksItselfModifiedAndAsksBeforeClosing() {
        AppWindow w = launch("notepad", "C:\\docs\\letter.txt");
        NotepadApp notepad = NotepadApp.of(w).orElseThrow();
        assertThat(w.title()).isEqualTo("letter.txt - Notepad");
        int[] before = w.snapshot();
        key(0x23); // h
        key(0x17); // i
        assertThat(notepad.text()).isEqualTo("hi");
        assertThat(w.title()).isEqualTo("*letter.txt - Notepad");
        assertThat(w.snapshot()).isNotEqualTo(before);

        notepad.onCloseRequested(w);
        AppWindow dialog = notepad.confirmDialog().orElseThrow();
        assertThat(dialog.kind()).isEqualTo(WindowKind.DIALOG);
        assertThat(dialog.owner()).contains(w);
        assertThat(w.isDestroyed()).isFalse();
        notepad.onCloseRequested(w); // a second request does not open a second dialog
        assertThat(desktop.windows()).hasSize(2);

        Rect d = dialog.bounds();
        AppFrame dialogFrame = AppFrame.behind(dialog).orElseThrow();
        assertThat(dialogFrame.hitTest(dialog, d.width() - AppFrame.BORDER - 2 * AppFrame.TITLE_HEIGHT + 5, 10))
                .as("a dialog has no maximise button, so that is caption").isEqualTo(HitArea.CAPTION);
        key(0x01); // Escape = Cancel
        assertThat(dialog.isDestroyed()).isTrue();
        assertThat(w.isDestroyed()).isFalse();

        notepad.onCloseRequested(w);
        AppWindow again = notepad.confirmDialog().orElseThrow();
        Rect b = again.bounds();
        // "Don't Save" is the second button, below the question.
        click(InputEvent.Button.LEFT, b.x() + AppFrame.BORDER + 10 + 94 + 20, b.y() + AppFrame.TITLE_HEIGHT + 64 + 10);
        assertThat(again.isDestroyed()).isTrue();
        assertThat(w.isDestroyed()).isTrue();
    }

    @Test
    void anUnmodifiedNotepadClosesAtOnce() {
        AppWindow w = launch("notepad", "");
        NotepadApp.of(w).orElseThrow().onCloseRequested(w);
        assertThat(w.isDestroyed()).isTrue();
    }

    @Test
    void paintDrawsWithTheLeftButtonAndHasAPopupMenu() {
        AppWindow w = launch("paint", "");
        PaintApp paint = PaintApp.of(w).orElseThrow();
        Rect b = w.bounds();
        int x = b.x() + 100;
        int y = b.y() + 100;
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, true, x, y));
        desktop.onInput(new InputEvent.PointerMove(x + 50, y));
        desktop.onInput(new InputEvent.PointerButton(InputEvent.Button.LEFT, false, x + 50, y));
        int[] px = w.snapshot();
        assertThat(px[100 * b.width() + 125]).isEqualTo(0xFF000000);

        click(InputEvent.Button.RIGHT, x, y);
        AppWindow menu = paint.popupMenu().orElseThrow();
        assertThat(menu.kind()).isEqualTo(WindowKind.POPUP);
        assertThat(menu.bounds().x()).isEqualTo(x);
        click(InputEvent.Button.LEFT, menu.bounds().x() + 20, menu.bounds().y() + 32 + 10); // "Red"
        assertThat(menu.isDestroyed()).isTrue();
        assertThat(paint.penColor()).isEqualTo(0xFFE74C3C);

        click(InputEvent.Button.RIGHT, x, y);
        AppWindow second = paint.popupMenu().orElseThrow();
        click(InputEvent.Button.LEFT, b.x() + 300, b.y() + 300); // elsewhere: dismissed
        assertThat(second.isDestroyed()).isTrue();
        assertThat(paint.popupMenu()).isEmpty();
    }

    @Test
    void framesAnswerHitTestsAndTheirButtonsWork() {
        AppWindow w = launch("clock", "");
        AppFrame frame = AppFrame.behind(w).orElseThrow();
        Rect b = w.bounds();
        assertThat(frame.hitTest(w, 100, 10)).isEqualTo(HitArea.CAPTION);
        assertThat(frame.hitTest(w, 100, 100)).isEqualTo(HitArea.CLIENT);
        assertThat(frame.hitTest(w, 0, 100)).isEqualTo(HitArea.LEFT);
        assertThat(frame.hitTest(w, b.width() - 1, b.height() - 1)).isEqualTo(HitArea.BOTTOM_RIGHT);
        assertThat(frame.hitTest(w, b.width() - 10, 10)).as("the close button").isEqualTo(HitArea.CLIENT);
        click(InputEvent.Button.LEFT, b.x() + b.width() - AppFrame.BORDER - 3 * AppFrame.TITLE_HEIGHT + 10, b.y() + 10);
        assertThat(w.state()).isEqualTo(WindowState.MINIMIZED);
    }

    @Test
    void theClockIsDeterministicWithAFixedClock() {
        AppWindow w = launch("clock", "");
        int[] first = w.snapshot();
        AppFrame.behind(w).orElseThrow().repaint();
        assertThat(w.snapshot()).isEqualTo(first);
        long distinct = java.util.Arrays.stream(first).distinct().count();
        assertThat(distinct).as("the time is drawn").isGreaterThan(3);
    }

    void ctrl(int scancode) {
        desktop.onInput(new InputEvent.KeyScancode(0x1D, false, false, true));
        key(scancode);
        desktop.onInput(new InputEvent.KeyScancode(0x1D, false, false, false));
    }

    @Test
    void notepadSelectsCopiesCutsAndPastesThroughTheClipboard() throws Exception {
        AppWindow w = launch("notepad", "");
        NotepadApp notepad = NotepadApp.of(w).orElseThrow();
        key(0x23); // h
        key(0x17); // i
        ctrl(0x2E); // Ctrl+C without a selection copies nothing
        assertThat(clipboard.local(dev.oriel.rdp.clipboard.ClipboardMime.TEXT)).isEmpty();
        ctrl(0x1E); // Ctrl+A
        assertThat(notepad.allSelected()).isTrue();
        ctrl(0x2D); // Ctrl+X
        assertThat(clipboard.local(dev.oriel.rdp.clipboard.ClipboardMime.TEXT)).hasValueSatisfying(
                b -> assertThat(new String(b, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hi"));
        assertThat(notepad.text()).isEmpty();
        ctrl(0x2F); // Ctrl+V
        ctrl(0x2F);
        assertThat(notepad.text()).isEqualTo("hihi"); // the local clipboard answers at once
        // Ctrl with another letter types nothing.
        ctrl(0x23);
        assertThat(notepad.text()).isEqualTo("hihi");
    }

    @Test
    void paintCopiesItsCanvasAsAnImageAndPastesOne() throws Exception {
        AppWindow w = launch("paint", "");
        PaintApp paint = PaintApp.of(w).orElseThrow();
        ctrl(0x2E);
        byte[] png = clipboard.local(dev.oriel.rdp.clipboard.ClipboardMime.PNG).orElseThrow();
        java.awt.image.BufferedImage copied = dev.oriel.rdp.clipboard.convert.DibImages.fromPng(png);
        assertThat(copied.getRGB(10, 10)).isEqualTo(0xFFFFFFFF);

        java.awt.image.BufferedImage red = new java.awt.image.BufferedImage(4, 4,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                red.setRGB(x, y, 0xFF0000);
            }
        }
        clipboard.set(java.util.Map.of(dev.oriel.rdp.clipboard.ClipboardMime.PNG,
                dev.oriel.rdp.clipboard.convert.DibImages.toPng(red)));
        ctrl(0x2F);
        assertThat(paint.canvasPixels()[0]).isEqualTo(0xFFFF0000);
        assertThat(paint.canvasPixels()[5]).isEqualTo(0xFFFFFFFF);
    }
}
