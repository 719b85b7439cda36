package dev.oriel.samples.apps;

import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.clipboard.InMemoryClipboard;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.WindowSpec;
import dev.oriel.samples.demo.UsKeyboard;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code notepad}: a text editor. Typing marks the document modified ("*" in the title); closing a modified document
 * asks first in an owned dialog, and the notepad stays open unless the user says so.
 */
public final class NotepadApp extends AppFrame {
    public static final String ALIAS = "notepad";
    static final int WIDTH = 480;
    static final int HEIGHT = 360;

    private final String name;
    private final StringBuilder text = new StringBuilder();
    private final UsKeyboard keyboard = new UsKeyboard();
    private final Font font = new Font(Font.MONOSPACED, Font.PLAIN, 16);
    private boolean modified;
    private ConfirmDialog dialog;
    private final Optional<InMemoryClipboard> clipboard;
    private final EditKeys editKeys = new EditKeys();
    /** Ctrl+A selected everything: the next edit replaces it. */
    private boolean allSelected;
    /** Text starts this far below the content's top; lines are {@link #lineHeight} apart (set when painting). */
    private static final int TEXT_TOP = 8;
    private static final int TEXT_LEFT = 8;
    private static final int CARET_WIDTH = 2;
    private int lineHeight = 20;
    private int charWidth = 10;

    NotepadApp(RemoteAppDesktop desktop, Rect at, String documentName, Optional<InMemoryClipboard> clipboard) {
        super(desktop, true, DemoIcons.NOTEPAD);
        this.name = documentName;
        this.clipboard = clipboard;
        open(WindowSpec.normal(title(), new Rect(at.x(), at.y(), WIDTH, HEIGHT), DemoIcons.NOTEPAD, ALIAS));
    }

    /** The notepad behind a window, if it is one. */
    public static Optional<NotepadApp> of(AppWindow window) {
        return AppFrame.behind(window).filter(NotepadApp.class::isInstance).map(NotepadApp.class::cast);
    }

    /**
     * The document name shown in the title: the last path segment of the client's argument string, reduced to
     * printable characters. It is only a label; nothing is opened or run.
     */
    static String documentName(String arguments) {
        String a = arguments == null ? "" : arguments.strip();
        int slash = Math.max(a.lastIndexOf('/'), a.lastIndexOf('\\'));
        String last = a.substring(slash + 1).replaceAll("[^\\p{Print}]", "");
        if (last.length() > 64) {
            last = last.substring(0, 64);
        }
        return last.isBlank() ? "Untitled" : last;
    }

    public synchronized String text() {
        return text.toString();
    }

    public synchronized boolean modified() {
        return modified;
    }

    /** The open "save changes?" dialog, if any. */
    public synchronized Optional<AppWindow> confirmDialog() {
        return dialog == null ? Optional.empty() : Optional.of(dialog.window());
    }

    private String title() {
        return (modified ? "*" : "") + name + " - Notepad";
    }

    /** Whether everything is selected (Ctrl+A). */
    public synchronized boolean allSelected() {
        return allSelected;
    }

    /**
     * Ctrl+A selects all, Ctrl+C copies the selection, Ctrl+X cuts it, Ctrl+V pastes over it or at the end, all
     * through the session's clipboard (so through the client's clipboard).
     */
    private void edit(EditKeys.Command command) {
        switch (command) {
            case SELECT_ALL -> {
                synchronized (this) {
                    allSelected = true;
                }
                repaint();
            }
            case COPY, CUT -> {
                String selected;
                synchronized (this) {
                    if (!allSelected) {
                        return;
                    }
                    selected = text.toString();
                }
                clipboard.ifPresent(c -> c.setText(selected));
                if (command == EditKeys.Command.CUT) {
                    replaceAll("");
                }
            }
            case PASTE -> clipboard.ifPresent(c -> c.pasteText().thenAccept(t -> t.ifPresent(this::insert)));
        }
    }

    /** Inserts pasted text, replacing the selection. */
    private void insert(String pasted) {
        synchronized (this) {
            if (allSelected) {
                text.setLength(0);
                allSelected = false;
            }
            text.append(pasted.replace("\r\n", "\n"));
            modified = true;
        }
        window.setTitle(title());
        repaint();
    }

    private void replaceAll(String with) {
        synchronized (this) {
            text.setLength(0);
            text.append(with);
            allSelected = false;
            modified = true;
        }
        window.setTitle(title());
        repaint();
    }

    @Override
    protected void onContentInput(InputEvent event) {
        Optional<EditKeys.Command> command;
        synchronized (this) {
            command = editKeys.accept(event);
            if (command.isEmpty() && editKeys.ctrlDown() && event instanceof InputEvent.KeyScancode) {
                return; // other Ctrl shortcuts do nothing here
            }
        }
        if (command.isPresent()) {
            edit(command.get());
            return;
        }
        OptionalInt typed;
        int firstLine;
        int lastLine;
        int top;
        int height;
        int left;
        int width;
        boolean titleChanges;
        synchronized (this) {
            typed = keyboard.accept(event);
            if (typed.isEmpty()) {
                return;
            }
            boolean replacing = allSelected;
            if (replacing) {
                // Typing over the selection replaces it.
                text.setLength(0);
                allSelected = false;
            }
            int linesBefore = lineCount();
            int columnBefore = column();
            char c = (char) typed.getAsInt();
            if (c == UsKeyboard.BACKSPACE) {
                if (text.length() > 0) {
                    text.setLength(text.length() - 1);
                }
            } else if (c == '\n' || c == '\t' || c >= ' ') {
                text.append(c);
            } else {
                return;
            }
            titleChanges = !modified || replacing; // both repaint the whole window
            modified = true;
            // Only the lines that changed are sent: the one typed into, and the next or previous one when a line
            // was added or joined (the caret moves there).
            int linesAfter = lineCount();
            firstLine = Math.min(linesBefore, linesAfter) - 1;
            lastLine = Math.max(linesBefore, linesAfter) - 1;
            top = TEXT_TOP + firstLine * lineHeight - 2;
            height = (lastLine - firstLine + 1) * lineHeight + 4;
            if (linesBefore == linesAfter) {
                // Same line: only the character cell(s) between the old and the new caret, caret included.
                int from = Math.min(columnBefore, column());
                int to = Math.max(columnBefore, column());
                left = TEXT_LEFT + from * charWidth - 1;
                width = (to - from) * charWidth + CARET_WIDTH + 2;
            } else {
                left = 0;
                width = Integer.MAX_VALUE;
            }
        }
        if (titleChanges) {
            window.setTitle(title());
            repaint();
            return;
        }
        Rect content = contentBounds();
        Rect changed = new Rect(Math.max(0, left), Math.max(0, top),
                (int) Math.min(width, (long) content.width() + 1), height)
                .intersect(new Rect(0, 0, content.width(), content.height()));
        if (!changed.isEmpty()) { // typing past the right edge changes nothing visible
            repaintContent(changed);
        }
    }

    /** Characters on the last line, where the caret is (tabs are drawn as one space). */
    private int column() {
        return text.length() - (text.lastIndexOf("\n") + 1);
    }

    private int lineCount() {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    protected void paintContent(Graphics2D g, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1B2631));
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        lineHeight = fm.getHeight();
        charWidth = fm.charWidth('m');
        int x = TEXT_LEFT;
        int y = TEXT_TOP + fm.getAscent();
        String[] lines = text.toString().split("\n", -1);
        if (allSelected) {
            g.setColor(new Color(0xAED6F1));
            for (int i = 0; i < lines.length; i++) {
                g.fillRect(x, TEXT_TOP + i * fm.getHeight(), fm.stringWidth(lines[i]) + 2, fm.getHeight());
            }
            g.setColor(new Color(0x1B2631));
        }
        for (String line : lines) {
            g.drawString(line.replace('\t', ' '), x, y);
            y += fm.getHeight();
        }
        // The caret after the last character.
        int caretX = x + fm.stringWidth(lines[lines.length - 1]);
        int caretY = y - fm.getHeight();
        g.fillRect(caretX, caretY - fm.getAscent(), CARET_WIDTH, fm.getAscent() + fm.getDescent());
    }

    @Override
    public void onCloseRequested(AppWindow w) {
        ConfirmDialog open;
        synchronized (this) {
            if (!modified) {
                open = null;
            } else if (dialog != null) {
                dialog.window().activate();
                return;
            } else {
                Rect b = w.bounds();
                Rect at = new Rect(b.x() + (b.width() - ConfirmDialog.WIDTH) / 2,
                        b.y() + (b.height() - ConfirmDialog.HEIGHT) / 2, ConfirmDialog.WIDTH, ConfirmDialog.HEIGHT);
                dialog = new ConfirmDialog(desktop, this, at, "Save changes to " + name + "?");
                return;
            }
        }
        w.destroy();
    }

    /** The user answered the dialog. */
    void answered(ConfirmDialog.Answer answer) {
        ConfirmDialog d;
        synchronized (this) {
            d = dialog;
            dialog = null;
            if (answer == ConfirmDialog.Answer.SAVE) {
                modified = false; // a demo: saving keeps nothing
            }
        }
        if (d != null) {
            d.window().destroy();
        }
        if (answer != ConfirmDialog.Answer.CANCEL) {
            window.destroy();
        }
    }
}
