package dev.oriel.samples.apps;

import dev.oriel.rdp.rail.AppIcon;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The demo applications' icons, drawn in code: 32×32 ARGB with transparent corners. */
public final class DemoIcons {
    public static final AppIcon CLOCK = draw(g -> {
        g.setColor(new Color(0xF5B041));
        g.fillOval(1, 1, 30, 30);
        g.setColor(new Color(0x1B2631));
        g.setStroke(new BasicStroke(2.5f));
        g.drawLine(16, 16, 16, 6);
        g.drawLine(16, 16, 23, 19);
    });
    public static final AppIcon NOTEPAD = draw(g -> {
        g.setColor(new Color(0xFDFEFE));
        g.fillRect(6, 2, 20, 28);
        g.setColor(new Color(0x2E86C1));
        for (int y = 8; y < 28; y += 5) {
            g.fillRect(9, y, 14, 2);
        }
    });
    public static final AppIcon PAINT = draw(g -> {
        g.setColor(new Color(0x8E5A2B));
        g.fillOval(2, 4, 28, 24);
        g.setColor(new Color(0xE74C3C));
        g.fillOval(8, 8, 6, 6);
        g.setColor(new Color(0x27AE60));
        g.fillOval(17, 8, 6, 6);
        g.setColor(new Color(0x2980B9));
        g.fillOval(12, 17, 6, 6);
    });

    private DemoIcons() {
    }

    private static AppIcon draw(java.util.function.Consumer<Graphics2D> painter) {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return new AppIcon(32, 32, img.getRGB(0, 0, 32, 32, null, 0, 32));
    }
}
