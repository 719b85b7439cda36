package dev.oriel.samples.apps;

import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.WindowSpec;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;

/** The notepad's "save changes?" dialog: owned by the notepad, no taskbar button, three buttons. */
final class ConfirmDialog extends AppFrame {
    static final int WIDTH = 300;
    static final int HEIGHT = 140;
    /** Escape, scancode set 1. */
    private static final int SC_ESCAPE = 0x01;
    private static final int SC_ENTER = 0x1C;
    private static final int SC_N = 0x31;

    enum Answer {
        SAVE("Save"), DONT_SAVE("Don't Save"), CANCEL("Cancel");

        final String label;

        Answer(String label) {
            this.label = label;
        }

        /** Button rectangles in content coordinates. */
        Rect button() {
            return new Rect(10 + ordinal() * 94, 64, 88, 28);
        }
    }

    private final NotepadApp owner;
    private final String question;
    private final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    ConfirmDialog(RemoteAppDesktop desktop, NotepadApp owner, Rect at, String question) {
        super(desktop, true, null);
        this.owner = owner;
        this.question = question;
        open(WindowSpec.dialog("Notepad", at, owner.window()));
    }

    @Override
    protected void paintContent(Graphics2D g, int width, int height) {
        g.setColor(new Color(0xF4F6F7));
        g.fillRect(0, 0, width, height);
        g.setFont(font);
        g.setColor(Color.BLACK);
        g.drawString(question, 12, 30);
        for (Answer a : Answer.values()) {
            Rect r = a.button();
            g.setColor(new Color(0xD6EAF8));
            g.fillRect(r.x(), r.y(), r.width(), r.height());
            g.setColor(new Color(0x2E86C1));
            g.drawRect(r.x(), r.y(), r.width() - 1, r.height() - 1);
            g.setColor(Color.BLACK);
            g.drawString(a.label, r.x() + 8, r.y() + 19);
        }
    }

    @Override
    protected void onContentInput(InputEvent event) {
        if (event instanceof InputEvent.PointerButton p && p.button() == InputEvent.Button.LEFT && !p.pressed()) {
            for (Answer a : Answer.values()) {
                Rect r = a.button();
                if (p.x() >= r.x() && p.x() < r.right() && p.y() >= r.y() && p.y() < r.bottom()) {
                    owner.answered(a);
                    return;
                }
            }
        } else if (event instanceof InputEvent.KeyScancode k && k.pressed() && !k.extended()) {
            switch (k.scancode()) {
                case SC_ENTER -> owner.answered(Answer.SAVE);
                case SC_ESCAPE -> owner.answered(Answer.CANCEL);
                case SC_N -> owner.answered(Answer.DONT_SAVE);
                default -> {
                }
            }
        }
    }

    /** Closing the dialog itself is Cancel. */
    @Override
    public void onCloseRequested(AppWindow w) {
        owner.answered(Answer.CANCEL);
    }
}
