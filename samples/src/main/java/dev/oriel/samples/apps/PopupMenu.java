package dev.oriel.samples.apps;

import dev.oriel.rdp.core.api.InputEvent;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.rail.AppWindow;
import dev.oriel.rdp.rail.RemoteAppDesktop;
import dev.oriel.rdp.rail.WindowSpec;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;

/** Paint's context menu: a popup window (no frame, no taskbar button) that closes when the user clicks elsewhere. */
final class PopupMenu extends AppFrame {
    static final int WIDTH = 140;
    static final int ITEM_HEIGHT = 32;

    enum Item {
        BLACK("Black"), RED("Red"), CLEAR("Clear"), NONE("");

        final String label;

        Item(String label) {
            this.label = label;
        }
    }

    private static final Item[] SHOWN = {Item.BLACK, Item.RED, Item.CLEAR};
    private final PaintApp owner;
    private final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    PopupMenu(RemoteAppDesktop desktop, PaintApp owner, int x, int y) {
        super(desktop, false, null);
        this.owner = owner;
        open(WindowSpec.popup(new Rect(x, y, WIDTH, ITEM_HEIGHT * SHOWN.length), owner.window()));
    }

    @Override
    protected void paintContent(Graphics2D g, int width, int height) {
        g.setColor(new Color(0xFBFCFC));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x85929E));
        g.drawRect(0, 0, width - 1, height - 1);
        g.setFont(font);
        for (int i = 0; i < SHOWN.length; i++) {
            g.setColor(Color.BLACK);
            g.drawString(SHOWN[i].label, 12, i * ITEM_HEIGHT + 21);
        }
    }

    @Override
    protected void onContentInput(InputEvent event) {
        if (event instanceof InputEvent.PointerButton p && p.button() == InputEvent.Button.LEFT && !p.pressed()) {
            int i = p.y() / ITEM_HEIGHT;
            owner.menuChose(i >= 0 && i < SHOWN.length && p.x() >= 0 && p.x() < WIDTH ? SHOWN[i] : Item.NONE);
        }
    }

    /** A click elsewhere dismisses the menu. */
    @Override
    public void onCloseRequested(AppWindow w) {
        owner.menuChose(Item.NONE);
    }
}
