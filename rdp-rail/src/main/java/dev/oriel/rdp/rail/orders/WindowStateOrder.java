package dev.oriel.rdp.rail.orders;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import dev.oriel.rdp.rail.pdu.RailWire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPERP] 2.2.1.3.1.2.1 New or Existing Window: header, windowId, then each present field in the spec's order
 * (owner, style, show, title, client-area offset and size, resize margins X then Y, RP content, root parent, window
 * offset, window-client delta, window size, window rects, visible offset, visibility rects, overlay description,
 * taskbar button, enforce server z-order, app-bar state, app-bar edge). A null component is absent on the wire; an
 * existing-window update carries only what changed.
 *
 * <p>Rectangles in {@code windowRects} are relative to the window offset and those in {@code visibilityRects} to
 * the visible offset; right and bottom edges are exclusive.
 *
 * @param ownerWindowId 0 or {@code 0xFFFFFFFF} for none, else the owner (a dialog's parent)
 * @param showState     {@link #SHOW_HIDE}, {@link #SHOW_MINIMIZED}, {@link #SHOW_MAXIMIZED} or {@link #SHOW_NORMAL}
 * @param taskbarButton 0 = the window has a taskbar button ([MS-RDPERP] names the field for hiding it)
 */
public record WindowStateOrder(long windowId, boolean newWindow, Long ownerWindowId, Style style, Integer showState,
        String title, Point clientAreaOffset, Extent clientAreaSize, Margins resizeMarginX, Margins resizeMarginY,
        Integer rpContent, Long rootParentHandle, Point windowOffset, Point windowClientDelta, Extent windowSize,
        List<Rectangle16> windowRects, Point visibleOffset, List<Rectangle16> visibilityRects,
        String overlayDescription, Integer taskbarButton, Integer enforceServerZOrder, Integer appBarState,
        Integer appBarEdge) implements WindowOrder {

    public static final String NAME = "WindowStateOrder";
    public static final int SHOW_HIDE = 0;
    public static final int SHOW_MINIMIZED = 2;
    public static final int SHOW_MAXIMIZED = 3;
    public static final int SHOW_NORMAL = 5;

    public static final long WS_POPUP = 0x8000_0000L;
    public static final long WS_CHILD = 0x4000_0000L;
    public static final long WS_MINIMIZE = 0x2000_0000L;
    public static final long WS_VISIBLE = 0x1000_0000L;
    public static final long WS_CLIPSIBLINGS = 0x0400_0000L;
    public static final long WS_MAXIMIZE = 0x0100_0000L;
    public static final long WS_CAPTION = 0x00C0_0000L;
    public static final long WS_SYSMENU = 0x0008_0000L;
    public static final long WS_THICKFRAME = 0x0004_0000L;
    public static final long WS_GROUP = 0x0002_0000L;
    public static final long WS_MINIMIZEBOX = 0x0002_0000L;
    public static final long WS_MAXIMIZEBOX = 0x0001_0000L;
    public static final long WS_TABSTOP = 0x0001_0000L;
    public static final long WS_EX_DLGMODALFRAME = 0x0000_0001L;
    public static final long WS_EX_TOPMOST = 0x0000_0008L;
    public static final long WS_EX_TOOLWINDOW = 0x0000_0080L;
    public static final long WS_EX_APPWINDOW = 0x0004_0000L;
    public static final long WS_EX_LAYERED = 0x0008_0000L;

    /** style and extendedStyle (Windows WS_* and WS_EX_* bits), sent together under FIELD_STYLE. */
    public record Style(long style, long extendedStyle) {
        public Style {
            Wire.requireUnsigned(style, 0xFFFF_FFFFL, "style");
            Wire.requireUnsigned(extendedStyle, 0xFFFF_FFFFL, "extendedStyle");
        }
    }

    /** A signed 32-bit pair (offsets and deltas). */
    public record Point(int x, int y) {
    }

    /** An unsigned 32-bit pair (sizes). */
    public record Extent(long width, long height) {
        public Extent {
            Wire.requireUnsigned(width, 0xFFFF_FFFFL, "width");
            Wire.requireUnsigned(height, 0xFFFF_FFFFL, "height");
        }
    }

    /** Resize margins: left and right for X, top and bottom for Y (unsigned 32 each). */
    public record Margins(long first, long second) {
        public Margins {
            Wire.requireUnsigned(first, 0xFFFF_FFFFL, "margin");
            Wire.requireUnsigned(second, 0xFFFF_FFFFL, "margin");
        }
    }

    /** TS_RECTANGLE_16 ([MS-RDPBCGR] 2.2.11.1): left, top, right, bottom; right and bottom exclusive. */
    public record Rectangle16(int left, int top, int right, int bottom) {
        public Rectangle16 {
            Wire.requireUnsigned(left, 0xFFFF, "left");
            Wire.requireUnsigned(top, 0xFFFF, "top");
            Wire.requireUnsigned(right, 0xFFFF, "right");
            Wire.requireUnsigned(bottom, 0xFFFF, "bottom");
        }
    }

    public WindowStateOrder {
        Wire.requireUnsigned(windowId, 0xFFFF_FFFFL, "windowId");
        if (ownerWindowId != null) {
            Wire.requireUnsigned(ownerWindowId, 0xFFFF_FFFFL, "ownerWindowId");
        }
        if (rootParentHandle != null) {
            Wire.requireUnsigned(rootParentHandle, 0xFFFF_FFFFL, "rootParentHandle");
        }
        for (Integer b : new Integer[] {showState, rpContent, taskbarButton, enforceServerZOrder, appBarState,
                appBarEdge}) {
            if (b != null) {
                Wire.requireUnsigned(b, 0xFF, "byte field");
            }
        }
        if (title != null) {
            RailWire.requireFits(title, 0xFFFF, NAME, "title");
        }
        if (overlayDescription != null) {
            RailWire.requireFits(overlayDescription, 0xFFFF, NAME, "overlayDescription");
        }
        windowRects = windowRects == null ? null : List.copyOf(windowRects);
        visibilityRects = visibilityRects == null ? null : List.copyOf(visibilityRects);
    }

    public static Builder builder(long windowId, boolean newWindow) {
        return new Builder(windowId, newWindow);
    }

    static WindowStateOrder decodeBody(ByteBuf src, int flags) {
        Wire.ensureReadable(src, 4, NAME);
        Builder b = new Builder(src.readUnsignedIntLE(), (flags & STATE_NEW) != 0);
        if ((flags & FIELD_OWNER) != 0) {
            b.owner(u32(src, "ownerWindowId"));
        }
        if ((flags & FIELD_STYLE) != 0) {
            b.style(new Style(u32(src, "style"), u32(src, "extendedStyle")));
        }
        if ((flags & FIELD_SHOW) != 0) {
            b.showState(u8(src, "showState"));
        }
        if ((flags & FIELD_TITLE) != 0) {
            b.title(RailWire.readUnicodeString(src, 0xFFFF, NAME, "title"));
        }
        if ((flags & FIELD_CLIENT_AREA_OFFSET) != 0) {
            b.clientAreaOffset(point(src, "clientOffset"));
        }
        if ((flags & FIELD_CLIENT_AREA_SIZE) != 0) {
            b.clientAreaSize(new Extent(u32(src, "clientAreaWidth"), u32(src, "clientAreaHeight")));
        }
        if ((flags & FIELD_RESIZE_MARGIN_X) != 0) {
            b.resizeMarginX(new Margins(u32(src, "resizeMarginLeft"), u32(src, "resizeMarginRight")));
        }
        if ((flags & FIELD_RESIZE_MARGIN_Y) != 0) {
            b.resizeMarginY(new Margins(u32(src, "resizeMarginTop"), u32(src, "resizeMarginBottom")));
        }
        if ((flags & FIELD_RP_CONTENT) != 0) {
            b.rpContent(u8(src, "RPContent"));
        }
        if ((flags & FIELD_ROOT_PARENT) != 0) {
            b.rootParentHandle(u32(src, "rootParentHandle"));
        }
        if ((flags & FIELD_WND_OFFSET) != 0) {
            b.windowOffset(point(src, "windowOffset"));
        }
        if ((flags & FIELD_WND_CLIENT_DELTA) != 0) {
            b.windowClientDelta(point(src, "windowClientDelta"));
        }
        if ((flags & FIELD_WND_SIZE) != 0) {
            b.windowSize(new Extent(u32(src, "windowWidth"), u32(src, "windowHeight")));
        }
        if ((flags & FIELD_WND_RECTS) != 0) {
            b.windowRects(rects(src, "numWindowRects"));
        }
        if ((flags & FIELD_VIS_OFFSET) != 0) {
            b.visibleOffset(point(src, "visibleOffset"));
        }
        if ((flags & FIELD_VISIBILITY) != 0) {
            b.visibilityRects(rects(src, "numVisibilityRects"));
        }
        if ((flags & FIELD_OVERLAY_DESCRIPTION) != 0) {
            b.overlayDescription(RailWire.readUnicodeString(src, 0xFFFF, NAME, "overlayDescription"));
        }
        if ((flags & FIELD_TASKBAR_BUTTON) != 0) {
            b.taskbarButton(u8(src, "taskbarButton"));
        }
        if ((flags & FIELD_ENFORCE_SERVER_ZORDER) != 0) {
            b.enforceServerZOrder(u8(src, "enforceServerZOrder"));
        }
        if ((flags & FIELD_APPBAR_STATE) != 0) {
            b.appBarState(u8(src, "appBarState"));
        }
        if ((flags & FIELD_APPBAR_EDGE) != 0) {
            b.appBarEdge(u8(src, "appBarEdge"));
        }
        return b.build();
    }

    private static long u32(ByteBuf src, String field) {
        if (src.readableBytes() < 4) {
            throw DecodeException.invalidField(NAME, field, "truncated: " + src.readableBytes() + " bytes left");
        }
        return src.readUnsignedIntLE();
    }

    private static int u8(ByteBuf src, String field) {
        if (!src.isReadable()) {
            throw DecodeException.invalidField(NAME, field, "truncated: no bytes left");
        }
        return src.readUnsignedByte();
    }

    private static Point point(ByteBuf src, String field) {
        return new Point((int) u32(src, field + "X"), (int) u32(src, field + "Y"));
    }

    private static List<Rectangle16> rects(ByteBuf src, String field) {
        if (src.readableBytes() < 2) {
            throw DecodeException.invalidField(NAME, field, "truncated");
        }
        int n = src.readUnsignedShortLE();
        if (src.readableBytes() < 8L * n) {
            throw DecodeException.invalidField(NAME, field, n + " rectangles need " + 8L * n + " bytes, "
                    + src.readableBytes() + " left");
        }
        List<Rectangle16> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Rectangle16(src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedShortLE(),
                    src.readUnsignedShortLE()));
        }
        return out;
    }

    @Override
    public int fieldsPresentFlags() {
        return TYPE_WINDOW
                | (newWindow ? STATE_NEW : 0)
                | (ownerWindowId != null ? FIELD_OWNER : 0)
                | (style != null ? FIELD_STYLE : 0)
                | (showState != null ? FIELD_SHOW : 0)
                | (title != null ? FIELD_TITLE : 0)
                | (clientAreaOffset != null ? FIELD_CLIENT_AREA_OFFSET : 0)
                | (clientAreaSize != null ? FIELD_CLIENT_AREA_SIZE : 0)
                | (resizeMarginX != null ? FIELD_RESIZE_MARGIN_X : 0)
                | (resizeMarginY != null ? FIELD_RESIZE_MARGIN_Y : 0)
                | (rpContent != null ? FIELD_RP_CONTENT : 0)
                | (rootParentHandle != null ? FIELD_ROOT_PARENT : 0)
                | (windowOffset != null ? FIELD_WND_OFFSET : 0)
                | (windowClientDelta != null ? FIELD_WND_CLIENT_DELTA : 0)
                | (windowSize != null ? FIELD_WND_SIZE : 0)
                | (windowRects != null ? FIELD_WND_RECTS : 0)
                | (visibleOffset != null ? FIELD_VIS_OFFSET : 0)
                | (visibilityRects != null ? FIELD_VISIBILITY : 0)
                | (overlayDescription != null ? FIELD_OVERLAY_DESCRIPTION : 0)
                | (taskbarButton != null ? FIELD_TASKBAR_BUTTON : 0)
                | (enforceServerZOrder != null ? FIELD_ENFORCE_SERVER_ZORDER : 0)
                | (appBarState != null ? FIELD_APPBAR_STATE : 0)
                | (appBarEdge != null ? FIELD_APPBAR_EDGE : 0);
    }

    @Override
    public int bodySize() {
        int n = 4;
        n += ownerWindowId != null ? 4 : 0;
        n += style != null ? 8 : 0;
        n += showState != null ? 1 : 0;
        n += title != null ? 2 + Wire.utf16Size(title) : 0;
        n += clientAreaOffset != null ? 8 : 0;
        n += clientAreaSize != null ? 8 : 0;
        n += resizeMarginX != null ? 8 : 0;
        n += resizeMarginY != null ? 8 : 0;
        n += rpContent != null ? 1 : 0;
        n += rootParentHandle != null ? 4 : 0;
        n += windowOffset != null ? 8 : 0;
        n += windowClientDelta != null ? 8 : 0;
        n += windowSize != null ? 8 : 0;
        n += windowRects != null ? 2 + 8 * windowRects.size() : 0;
        n += visibleOffset != null ? 8 : 0;
        n += visibilityRects != null ? 2 + 8 * visibilityRects.size() : 0;
        n += overlayDescription != null ? 2 + Wire.utf16Size(overlayDescription) : 0;
        n += taskbarButton != null ? 1 : 0;
        n += enforceServerZOrder != null ? 1 : 0;
        n += appBarState != null ? 1 : 0;
        n += appBarEdge != null ? 1 : 0;
        return n;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) windowId);
        if (ownerWindowId != null) {
            dst.writeIntLE(ownerWindowId.intValue());
        }
        if (style != null) {
            dst.writeIntLE((int) style.style());
            dst.writeIntLE((int) style.extendedStyle());
        }
        if (showState != null) {
            dst.writeByte(showState);
        }
        if (title != null) {
            RailWire.writeUnicodeString(dst, title);
        }
        writePoint(dst, clientAreaOffset);
        if (clientAreaSize != null) {
            dst.writeIntLE((int) clientAreaSize.width());
            dst.writeIntLE((int) clientAreaSize.height());
        }
        writeMargins(dst, resizeMarginX);
        writeMargins(dst, resizeMarginY);
        if (rpContent != null) {
            dst.writeByte(rpContent);
        }
        if (rootParentHandle != null) {
            dst.writeIntLE(rootParentHandle.intValue());
        }
        writePoint(dst, windowOffset);
        writePoint(dst, windowClientDelta);
        if (windowSize != null) {
            dst.writeIntLE((int) windowSize.width());
            dst.writeIntLE((int) windowSize.height());
        }
        writeRects(dst, windowRects);
        writePoint(dst, visibleOffset);
        writeRects(dst, visibilityRects);
        if (overlayDescription != null) {
            RailWire.writeUnicodeString(dst, overlayDescription);
        }
        for (Integer b : new Integer[] {taskbarButton, enforceServerZOrder, appBarState, appBarEdge}) {
            if (b != null) {
                dst.writeByte(b);
            }
        }
    }

    private static void writePoint(ByteBuf dst, Point p) {
        if (p != null) {
            dst.writeIntLE(p.x());
            dst.writeIntLE(p.y());
        }
    }

    private static void writeMargins(ByteBuf dst, Margins m) {
        if (m != null) {
            dst.writeIntLE((int) m.first());
            dst.writeIntLE((int) m.second());
        }
    }

    private static void writeRects(ByteBuf dst, List<Rectangle16> rects) {
        if (rects != null) {
            if (rects.size() > 0xFFFF) {
                throw new dev.oriel.rdp.core.error.EncodeException(NAME, "more than 65535 rectangles");
            }
            dst.writeShortLE(rects.size());
            for (Rectangle16 r : rects) {
                dst.writeShortLE(r.left());
                dst.writeShortLE(r.top());
                dst.writeShortLE(r.right());
                dst.writeShortLE(r.bottom());
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Collects the fields of one order; unset fields stay absent. */
    public static final class Builder {
        private final long windowId;
        private final boolean newWindow;
        private Long owner;
        private Style style;
        private Integer showState;
        private String title;
        private Point clientAreaOffset;
        private Extent clientAreaSize;
        private Margins resizeMarginX;
        private Margins resizeMarginY;
        private Integer rpContent;
        private Long rootParentHandle;
        private Point windowOffset;
        private Point windowClientDelta;
        private Extent windowSize;
        private List<Rectangle16> windowRects;
        private Point visibleOffset;
        private List<Rectangle16> visibilityRects;
        private String overlayDescription;
        private Integer taskbarButton;
        private Integer enforceServerZOrder;
        private Integer appBarState;
        private Integer appBarEdge;

        private Builder(long windowId, boolean newWindow) {
            this.windowId = windowId;
            this.newWindow = newWindow;
        }

        public Builder owner(long v) { owner = v; return this; }
        public Builder style(Style v) { style = v; return this; }
        public Builder showState(int v) { showState = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder clientAreaOffset(Point v) { clientAreaOffset = v; return this; }
        public Builder clientAreaSize(Extent v) { clientAreaSize = v; return this; }
        public Builder resizeMarginX(Margins v) { resizeMarginX = v; return this; }
        public Builder resizeMarginY(Margins v) { resizeMarginY = v; return this; }
        public Builder rpContent(int v) { rpContent = v; return this; }
        public Builder rootParentHandle(long v) { rootParentHandle = v; return this; }
        public Builder windowOffset(Point v) { windowOffset = v; return this; }
        public Builder windowClientDelta(Point v) { windowClientDelta = v; return this; }
        public Builder windowSize(Extent v) { windowSize = v; return this; }
        public Builder windowRects(List<Rectangle16> v) { windowRects = v; return this; }
        public Builder visibleOffset(Point v) { visibleOffset = v; return this; }
        public Builder visibilityRects(List<Rectangle16> v) { visibilityRects = v; return this; }
        public Builder overlayDescription(String v) { overlayDescription = v; return this; }
        public Builder taskbarButton(int v) { taskbarButton = v; return this; }
        public Builder enforceServerZOrder(int v) { enforceServerZOrder = v; return this; }
        public Builder appBarState(int v) { appBarState = v; return this; }
        public Builder appBarEdge(int v) { appBarEdge = v; return this; }

        public WindowStateOrder build() {
            return new WindowStateOrder(windowId, newWindow, owner, style, showState, title, clientAreaOffset,
                    clientAreaSize, resizeMarginX, resizeMarginY, rpContent, rootParentHandle, windowOffset,
                    windowClientDelta, windowSize, windowRects, visibleOffset, visibilityRects, overlayDescription,
                    taskbarButton, enforceServerZOrder, appBarState, appBarEdge);
        }
    }
}
