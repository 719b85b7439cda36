package dev.oriel.rdp.rail.orders;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.error.EncodeException;
import dev.oriel.rdp.core.testutil.Mutator;
import dev.oriel.rdp.rail.orders.NotifyIconOrder.CachedIcon;
import dev.oriel.rdp.rail.orders.NotifyIconOrder.InfoTip;
import dev.oriel.rdp.rail.orders.WindowStateOrder.Extent;
import dev.oriel.rdp.rail.orders.WindowStateOrder.Margins;
import dev.oriel.rdp.rail.orders.WindowStateOrder.Point;
import dev.oriel.rdp.rail.orders.WindowStateOrder.Rectangle16;
import dev.oriel.rdp.rail.orders.WindowStateOrder.Style;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden bytes, decoding and rejection for every [MS-RDPERP] 2.2.1.3 window, notification-icon and desktop order.
 *
 * <p>Every expected byte string below is written out by hand, field by field, from the spec's layouts (all integers
 * little-endian): controlFlags 0x2E (TS_SECONDARY | TS_ALTSEC_WINDOW &lt;&lt; 2), orderSize (u16, the whole order
 * including the 3 prefix bytes), fieldsPresentFlags (u32), then windowId (window and notify orders), notifyIconId
 * (notify orders) and the present fields in the spec's fixed order, which is not the order of their flag bits. Text
 * is UTF-16LE written as code units (e.g. {@code 4800} = 'H'). The window field order was cross-checked against the
 * reader in FreeRDP 2.11.7 {@code libfreerdp/core/window.c} and the writer in FreeRDP 3 {@code update.c}.
 */
class WindowOrderGoldenTest {

    /** One order and its exact wire bytes. */
    record Vector(String name, WindowOrder order, String wire) {
        byte[] bytes() {
            return hex(wire);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // ---- icons -----------------------------------------------------------------------------------------------

    /** 2×2, top row (0xFF112233, 0x80445566), bottom row (0x00778899, 0xFFAABBCC), as 0xAARRGGBB. */
    static final IconInfo ARGB_2X2 = IconInfo.fromArgb(2, 2,
            new int[] {0xFF112233, 0x80445566, 0x00778899, 0xFFAABBCC});

    /** TS_ICON_INFO of {@link #ARGB_2X2}: 36 bytes. */
    static final String ARGB_2X2_HEX = ""
            + " ffff" // cacheEntry: none
            + " ff" // cacheId: none
            + " 20" // bpp 32
            + " 0200 0200" // width 2, height 2
            // no cbColorTable: bpp > 8
            + " 0800" // cbBitsMask 8: two rows of a 1 bpp mask, 2 bits padded to 4 bytes
            + " 1000" // cbBitsColor 16: two rows of 2 × 4 bytes
            + " 00000000 00000000" // bitsMask: all zero, alpha alone decides transparency
            + " 99887700 ccbbaaff" // bitsColor: bottom row first, as B G R A
            + " 332211ff 66554480"; // then the top row

    /** An 8 bpp 2×2 icon with a two-entry colour table, in a cache slot. */
    static final IconInfo PALETTE_2X2 = new IconInfo(7, 2, 8, 2, 2,
            hex("00000000 ffffff00"), hex("00000000 40000000"), hex("01000000 00010000"));

    /** TS_ICON_INFO of {@link #PALETTE_2X2}: 38 bytes. */
    static final String PALETTE_2X2_HEX = ""
            + " 0700" // cacheEntry 7
            + " 02" // cacheId 2
            + " 08" // bpp 8
            + " 0200 0200" // width 2, height 2
            + " 0800" // cbColorTable 8 (present because bpp <= 8, and before cbBitsMask)
            + " 0800" // cbBitsMask 8
            + " 0800" // cbBitsColor 8: rows of 2 index bytes padded to 4
            + " 00000000 40000000" // bitsMask: bottom row opaque, top row's second pixel transparent
            + " 00000000 ffffff00" // colorTable between mask and colour: black, white (RGBQUAD)
            + " 01000000 00010000"; // bitsColor: bottom row [1, 0], top row [0, 1]

    // ---- the vectors -----------------------------------------------------------------------------------------

    static WindowStateOrder everyField() {
        return WindowStateOrder.builder(0x8000_0123L, true)
                .owner(0x456)
                .style(new Style(0x94CC_0000L, 0x0004_0008L))
                .showState(WindowStateOrder.SHOW_MAXIMIZED)
                .title("\u00c9dit\ud83d\ude00")
                .clientAreaOffset(new Point(-4, -30))
                .clientAreaSize(new Extent(640, 480))
                .resizeMarginX(new Margins(8, 9))
                .resizeMarginY(new Margins(10, 11))
                .rpContent(1)
                .rootParentHandle(0x00AB_CDEFL)
                .windowOffset(new Point(-1920, 100))
                .windowClientDelta(new Point(4, 30))
                .windowSize(new Extent(648, 514))
                .windowRects(List.of(new Rectangle16(0, 0, 648, 514)))
                .visibleOffset(new Point(-1920, 100))
                .visibilityRects(List.of(new Rectangle16(0, 0, 648, 300), new Rectangle16(0, 300, 600, 514)))
                .overlayDescription("OK")
                .taskbarButton(0)
                .enforceServerZOrder(1)
                .appBarState(2)
                .appBarEdge(3)
                .build();
    }

    static final String EVERY_FIELD_HEX = "2e"
            + " 9100" // orderSize 145
            // TYPE_WINDOW 01000000 | STATE_NEW 10000000 | RESIZE_MARGIN_Y 08000000 | every other field bit: all of
            // the low 24 bits but 20 (undefined), ICON_BIG 2000, ICON_OVERLAY 100000 and ICON_OVERLAY_NULL 200000
            + " dfdfcf19"
            + " 23010080" // windowId 0x80000123
            + " 56040000" // ownerWindowId 0x456
            + " 0000cc94" // style: POPUP|VISIBLE|CLIPSIBLINGS|CAPTION|SYSMENU|THICKFRAME
            + " 08000400" // extendedStyle: APPWINDOW|TOPMOST
            + " 03" // showState: maximized
            + " 0c00 c900 6400 6900 7400 3dd8 00de" // title: cbString 12, "Édit" + U+1F600 as a surrogate pair
            + " fcffffff e2ffffff" // clientOffsetX -4, clientOffsetY -30
            + " 80020000 e0010000" // clientAreaWidth 640, clientAreaHeight 480
            + " 08000000 09000000" // resizeMarginLeft 8, resizeMarginRight 9
            + " 0a000000 0b000000" // resizeMarginTop 10, resizeMarginBottom 11
            + " 01" // RPContent
            + " efcdab00" // rootParentHandle
            + " 80f8ffff 64000000" // windowOffsetX -1920, windowOffsetY 100
            + " 04000000 1e000000" // windowClientDeltaX 4, windowClientDeltaY 30
            + " 88020000 02020000" // windowWidth 648, windowHeight 514
            + " 0100 0000 0000 8802 0202" // numWindowRects 1: (0, 0, 648, 514)
            + " 80f8ffff 64000000" // visibleOffsetX -1920, visibleOffsetY 100
            + " 0200 0000 0000 8802 2c01 0000 2c01 5802 0202" // numVisibilityRects 2: (0,0,648,300), (0,300,600,514)
            + " 0400 4f00 4b00" // overlayDescription "OK"
            + " 00" // taskbarButton
            + " 01" // enforceServerZOrder
            + " 02" // appBarState
            + " 03"; // appBarEdge

    /** What a Weston-like RDP RAIL backend sends for a new toplevel. */
    static WindowStateOrder westonNewWindow() {
        return WindowStateOrder.builder(2, true)
                .owner(0)
                .style(new Style(WindowStateOrder.WS_POPUP | WindowStateOrder.WS_VISIBLE, WindowStateOrder.WS_EX_LAYERED))
                .showState(WindowStateOrder.SHOW_NORMAL)
                .taskbarButton(0)
                .clientAreaOffset(new Point(200, 150))
                .clientAreaSize(new Extent(400, 300))
                .windowOffset(new Point(200, 150))
                .windowClientDelta(new Point(0, 0))
                .windowSize(new Extent(400, 300))
                .windowRects(List.of(new Rectangle16(0, 0, 400, 300)))
                .visibleOffset(new Point(200, 150))
                .visibilityRects(List.of(new Rectangle16(0, 0, 400, 300)))
                .build();
    }

    static final String WESTON_HEX = "2e"
            + " 5d00" // orderSize 93
            // TYPE_WINDOW|STATE_NEW 11000000, TASKBAR_BUTTON 800000, CLIENT_AREA_SIZE 10000,
            // WND_CLIENT_DELTA 8000, CLIENT_AREA_OFFSET 4000, VIS_OFFSET 1000, WND_OFFSET 800, WND_SIZE 400,
            // VISIBILITY 200, WND_RECTS 100, SHOW 10, STYLE 8, OWNER 2
            + " 1adf8111"
            + " 02000000" // windowId
            + " 00000000" // ownerWindowId: none
            + " 00000090 00000800" // style POPUP|VISIBLE, extendedStyle LAYERED
            + " 05" // showState: normal
            + " c8000000 96000000" // clientOffset (200, 150)
            + " 90010000 2c010000" // clientAreaSize 400 × 300
            + " c8000000 96000000" // windowOffset (200, 150)
            + " 00000000 00000000" // windowClientDelta (0, 0)
            + " 90010000 2c010000" // windowSize 400 × 300
            + " 0100 0000 0000 9001 2c01" // one window rect
            + " c8000000 96000000" // visibleOffset (200, 150)
            + " 0100 0000 0000 9001 2c01" // one visibility rect
            + " 00"; // taskbarButton (after the rects although its bit is the highest but one)

    static List<Vector> vectorList() {
        return List.of(
                new Vector("new window, every field", everyField(), EVERY_FIELD_HEX),
                new Vector("existing window, title only", WindowStateOrder.builder(0x123, false).title("Hi").build(),
                        "2e 1100" // orderSize 17
                                + " 04000001" // TYPE_WINDOW | TITLE
                                + " 23010000" // windowId
                                + " 0400 4800 6900"), // title "Hi"
                new Vector("existing window, empty title", WindowStateOrder.builder(0x123, false).title("").build(),
                        "2e 0d00 04000001 23010000 0000"),
                new Vector("existing window, no fields", WindowStateOrder.builder(0x123, false).build(),
                        "2e 0b00 00000001 23010000"),
                new Vector("Weston-style new window", westonNewWindow(), WESTON_HEX),
                new Vector("delete window", new DeleteWindowOrder(0x8000_0123L),
                        "2e 0b00" // orderSize 11
                                + " 00000021" // TYPE_WINDOW | STATE_DELETED
                                + " 23010080"), // windowId
                new Vector("window icon, 32 bpp, small", new WindowIconOrder(0x123, false, ARGB_2X2),
                        "2e 2f00" // orderSize 47
                                + " 00000041" // TYPE_WINDOW | ICON
                                + " 23010000" // windowId
                                + ARGB_2X2_HEX),
                new Vector("window icon, 32 bpp, big", new WindowIconOrder(0x123, true, ARGB_2X2),
                        "2e 2f00"
                                + " 00200041" // TYPE_WINDOW | ICON | ICON_BIG
                                + " 23010000" + ARGB_2X2_HEX),
                new Vector("window icon, 8 bpp with a colour table", new WindowIconOrder(0x123, false, PALETTE_2X2),
                        "2e 3100" // orderSize 49
                                + " 00000041 23010000" + PALETTE_2X2_HEX),
                new Vector("cached icon, small", new CachedIconOrder(0x123, false, 0x1234, 5),
                        "2e 0e00" // orderSize 14
                                + " 00000081" // TYPE_WINDOW | CACHED_ICON
                                + " 23010000" // windowId
                                + " 3412 05"), // cacheEntry 0x1234, cacheId 5
                new Vector("cached icon, big", new CachedIconOrder(0x123, true, 0xFFFE, 0),
                        "2e 0e00 00200081 23010000 feff 00"),
                new Vector("new notify icon: version, tip, info tip, state, icon",
                        new NotifyIconOrder(0x123, 0x10, true, 4L, "Mail",
                                new InfoTip(5000, InfoTip.NIIF_WARNING, "New", "Inbox"), 1L, ARGB_2X2, null),
                        "2e 6100" // orderSize 97
                                + " 0f000052" // TYPE_NOTIFY | STATE_NEW | ICON | VERSION 8 | STATE 4 | INFO_TIP 2 | TIP 1
                                + " 23010000" // windowId
                                + " 10000000" // notifyIconId
                                + " 04000000" // version
                                + " 0800 4d00 6100 6900 6c00" // toolTip "Mail"
                                + " 88130000" // infoTip.timeout 5000
                                + " 02000000" // infoTip.infoFlags NIIF_WARNING
                                + " 0600 4e00 6500 7700" // infoTip.text "New"
                                + " 0a00 4900 6e00 6200 6f00 7800" // infoTip.title "Inbox"
                                + " 01000000" // state
                                + ARGB_2X2_HEX), // icon
                new Vector("existing notify icon, cached icon",
                        new NotifyIconOrder(0x123, 0x10, false, null, null, null, null, null, new CachedIcon(0x0102, 3)),
                        "2e 1200" // orderSize 18
                                + " 00000082" // TYPE_NOTIFY | CACHED_ICON
                                + " 23010000 10000000" // windowId, notifyIconId
                                + " 0201 03"), // cacheEntry 0x102, cacheId 3
                new Vector("existing notify icon, 8 bpp icon and empty tip",
                        new NotifyIconOrder(0x123, 0x10, false, null, "", null, null, PALETTE_2X2, null),
                        "2e 3700" // orderSize 55
                                + " 01000042" // TYPE_NOTIFY | ICON | TIP
                                + " 23010000 10000000"
                                + " 0000" // toolTip ""
                                + PALETTE_2X2_HEX),
                new Vector("delete notify icon", new DeleteNotifyIconOrder(0x123, 0x10),
                        "2e 0f00" // orderSize 15
                                + " 00000022" // TYPE_NOTIFY | STATE_DELETED
                                + " 23010000 10000000"),
                new Vector("monitored desktop: hooked, arc began",
                        new MonitoredDesktopOrder(true, true, false, OptionalLong.empty(), Optional.empty()),
                        "2e 0700" // orderSize 7: no windowId, no fields
                                + " 0a000004"), // TYPE_DESKTOP | ARC_BEGAN 8 | HOOKED 2
                new Vector("monitored desktop: active window and z-order",
                        MonitoredDesktopOrder.state(0x123, List.of(0x123L, 0x8000_0001L, 7L)),
                        "2e 1800" // orderSize 24
                                + " 30000004" // TYPE_DESKTOP | ACTIVE_WND 20 | ZORDER 10
                                + " 23010000" // activeWindowId
                                + " 03" // numWindowIds
                                + " 23010000 01000080 07000000"), // windowIds, topmost first
                new Vector("monitored desktop: no active window, empty z-order",
                        MonitoredDesktopOrder.state(MonitoredDesktopOrder.NO_WINDOW, List.of()),
                        "2e 0c00 30000004 ffffffff 00"),
                new Vector("monitored desktop: arc completed",
                        new MonitoredDesktopOrder(false, false, true, OptionalLong.empty(), Optional.empty()),
                        "2e 0700 04000004"), // TYPE_DESKTOP | ARC_COMPLETED
                new Vector("non-monitored desktop", NonMonitoredDesktopOrder.INSTANCE,
                        "2e 0700 01000004")); // TYPE_DESKTOP | NONE
    }

    static Stream<Arguments> vectors() {
        return vectorList().stream().map(Arguments::of);
    }

    // ---- golden ----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesToAndDecodesFromTheHandWrittenBytes(Vector v) {
        byte[] wire = v.bytes();
        assertThat(wire[0] & 0xFF).as("controlFlags").isEqualTo(0x2E);
        assertThat((wire[1] & 0xFF) | (wire[2] & 0xFF) << 8).as("orderSize in the hand-written bytes")
                .isEqualTo(wire.length);
        WindowOrder decoded = assertGolden(v.order(), wire, WindowOrder::decode);
        assertThat(decoded).isInstanceOf(v.order().getClass());
        assertThat(decoded.fieldsPresentFlags()).isEqualTo(v.order().fieldsPresentFlags());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodeConsumesExactlyOrderSizeAndLeavesTheNextOrder(Vector v) {
        byte[] wire = v.bytes();
        byte[] next = hex("2e 0b00 00000021 99000000"); // a delete-window order following in the same update
        ByteBuf src = Unpooled.wrappedBuffer(concat(wire, next));
        try {
            assertThat(WindowOrder.decode(src)).isEqualTo(v.order());
            assertThat(src.readerIndex()).isEqualTo(wire.length);
            assertThat(WindowOrder.decode(src)).isEqualTo(new DeleteWindowOrder(0x99));
            assertThat(src.isReadable()).isFalse();
        } finally {
            src.release();
        }
    }

    @Test
    void theEveryFieldOrderHasEveryWindowFieldFlag() {
        int fieldBits = WindowOrder.FIELD_OWNER | WindowOrder.FIELD_STYLE | WindowOrder.FIELD_SHOW
                | WindowOrder.FIELD_TITLE | WindowOrder.FIELD_CLIENT_AREA_OFFSET | WindowOrder.FIELD_CLIENT_AREA_SIZE
                | WindowOrder.FIELD_RESIZE_MARGIN_X | WindowOrder.FIELD_RESIZE_MARGIN_Y | WindowOrder.FIELD_RP_CONTENT
                | WindowOrder.FIELD_ROOT_PARENT | WindowOrder.FIELD_WND_OFFSET | WindowOrder.FIELD_WND_CLIENT_DELTA
                | WindowOrder.FIELD_WND_SIZE | WindowOrder.FIELD_WND_RECTS | WindowOrder.FIELD_VIS_OFFSET
                | WindowOrder.FIELD_VISIBILITY | WindowOrder.FIELD_OVERLAY_DESCRIPTION
                | WindowOrder.FIELD_TASKBAR_BUTTON | WindowOrder.FIELD_ENFORCE_SERVER_ZORDER
                | WindowOrder.FIELD_APPBAR_STATE | WindowOrder.FIELD_APPBAR_EDGE;
        assertThat(Integer.bitCount(fieldBits)).isEqualTo(21);
        assertThat(everyField().fieldsPresentFlags())
                .isEqualTo(WindowOrder.TYPE_WINDOW | WindowOrder.STATE_NEW | fieldBits)
                .isEqualTo(0x19CF_DFDF);
        assertThat(WindowOrder.CONTROL_FLAGS).isEqualTo(0x2E);
    }

    @Test
    void argbIconsAreBottomUpBgraWithAZeroMaskPaddedToFourBytes() {
        assertThat(ARGB_2X2.bpp()).isEqualTo(32);
        assertThat(ARGB_2X2.cacheEntry()).isEqualTo(IconInfo.NO_CACHE_ENTRY);
        assertThat(ARGB_2X2.cacheId()).isEqualTo(IconInfo.NO_CACHE_ID);
        assertThat(ARGB_2X2.colorTable()).isEmpty();
        assertThat(hex(ARGB_2X2.bitsColor())).isEqualTo("99887700" + "ccbbaaff" + "332211ff" + "66554480");
        assertThat(ARGB_2X2.bitsMask()).hasSize(8).containsOnly(0);
        assertThat(ARGB_2X2.size()).isEqualTo(36);

        // mask rows are 1 bit per pixel, padded to 32 bits
        assertThat(IconInfo.fromArgb(1, 3, new int[3]).bitsMask()).hasSize(3 * 4);
        assertThat(IconInfo.fromArgb(32, 1, new int[32]).bitsMask()).hasSize(4);
        assertThat(IconInfo.fromArgb(33, 2, new int[66]).bitsMask()).hasSize(2 * 8);
        assertThat(IconInfo.fromArgb(33, 2, new int[66]).bitsColor()).hasSize(33 * 4 * 2);

        // 3 × 2: rows swapped, columns kept
        IconInfo icon = IconInfo.fromArgb(3, 2, new int[] {0x01020304, 0x05060708, 0x090A0B0C,
            0x0D0E0F10, 0x11121314, 0x15161718});
        assertThat(hex(icon.bitsColor())).isEqualTo("100f0e0d" + "14131211" + "18171615" + "04030201" + "08070605"
                + "0c0b0a09");
    }

    @Test
    void iconArraysAreCopiedInAndOut() {
        byte[] color = hex("01020304");
        IconInfo icon = new IconInfo(0xFFFF, 0xFF, 32, 1, 1, new byte[0], new byte[4], color);
        color[0] = 9;
        assertThat(icon.bitsColor()[0]).isEqualTo((byte) 1);
        icon.bitsColor()[0] = 9;
        assertThat(icon.bitsColor()[0]).isEqualTo((byte) 1);
        assertThat(icon).isEqualTo(new IconInfo(0xFFFF, 0xFF, 32, 1, 1, new byte[0], new byte[4], hex("01020304")))
                .hasSameHashCodeAs(new IconInfo(0xFFFF, 0xFF, 32, 1, 1, new byte[0], new byte[4], hex("01020304")))
                .isNotEqualTo(new IconInfo(0xFFFF, 0xFF, 32, 1, 1, new byte[0], new byte[4], hex("01020305")))
                .isNotEqualTo(new IconInfo(0xFFFF, 0xFF, 32, 1, 1, new byte[0], new byte[] {0, 0, 0, 1}, color));
    }

    @Test
    void trailingNulsInATitleAreDroppedAsFreeRdp2SendsThem() {
        // FreeRDP 2.x counts the terminator in cbString; the decoder drops it
        WindowOrder decoded = decodeAll(hex("2e 1300 04000001 23010000 0600 4800 6900 0000"));
        assertThat(decoded).isEqualTo(WindowStateOrder.builder(0x123, false).title("Hi").build());
    }

    @Test
    void unknownFlagBitsAndIgnoredCombinationsDecodeAsTheSpecSays() {
        // ICON_OVERLAY_NULL (0x00200000) carries no data: accepted, not kept
        assertThat(decodeAll(hex("2e 0b00 00002001 23010000"))).isEqualTo(WindowStateOrder.builder(0x123, false).build());
        // ICON wins over CACHED_ICON and STATE_DELETED on a window order, as in FreeRDP's reader
        assertThat(decodeAll(hex("2e 2f00 000000e1 23010000" + ARGB_2X2_HEX)))
                .isEqualTo(new WindowIconOrder(0x123, false, ARGB_2X2));
        // CACHED_ICON wins over STATE_DELETED
        assertThat(decodeAll(hex("2e 0e00 000000a1 23010000 3412 05")))
                .isEqualTo(new CachedIconOrder(0x123, false, 0x1234, 5));
        // TYPE_WINDOW wins over TYPE_NOTIFY
        assertThat(decodeAll(hex("2e 0b00 00000023 23010000"))).isEqualTo(new DeleteWindowOrder(0x123));
        // a notify delete carries nothing but its two ids, whatever else is flagged
        assertThat(decodeAll(hex("2e 0f00 0f000062 23010000 10000000"))).isEqualTo(new DeleteNotifyIconOrder(0x123, 0x10));
    }

    // ---- rejection -------------------------------------------------------------------------------------------

    @Test
    void anOrderSizeSmallerThanTheHeaderIsRejected() {
        for (String size : List.of("0000", "0100", "0600")) {
            DecodeException e = assertRejected(hex("2e " + size + " 00000021 23010000"), WindowOrder::decode);
            assertThat(e.pdu()).isEqualTo(WindowOrder.NAME);
            assertThat(e).hasMessageContaining("orderSize").hasMessageContaining("smaller than the header");
        }
    }

    @Test
    void anOrderSizeLargerThanTheBufferIsRejected() {
        DecodeException e = assertRejected(hex("2e 0c00 00000021 23010000"), WindowOrder::decode);
        assertThat(e.pdu()).isEqualTo(WindowOrder.NAME);
        assertThat(e).hasMessageContaining("orderSize").hasMessageContaining("12");
        assertThat(assertRejected(hex("2e ffff 00000021 23010000"), WindowOrder::decode))
                .hasMessageContaining("orderSize");
    }

    @Test
    void fewerBytesThanTheHeaderAreRejected() {
        DecodeException e = assertRejected(hex("2e 0700 0000"), WindowOrder::decode);
        assertThat(e.pdu()).isEqualTo(WindowOrder.NAME);
        assertThat(e.error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
    }

    @Test
    void otherControlFlagsAreRejected() {
        // 0x0A: TS_SECONDARY with orderType 2 (a different alternate secondary order); 0x2F: TS_STANDARD set; 0x0D
        for (String control : List.of("0a", "2f", "2c", "0d", "00", "ae")) {
            DecodeException e = assertRejected(hex(control + " 0b00 00000021 23010000"), WindowOrder::decode);
            assertThat(e.pdu()).isEqualTo(WindowOrder.NAME);
            assertThat(e).hasMessageContaining("controlFlags").hasMessageContaining("0x" + control.replaceFirst("^0", ""));
        }
    }

    @Test
    void anOrderWithoutATypeBitIsRejected() {
        for (String flags : List.of("00000000", "00000020", "0f000010", "000000c0", "ffffff08")) {
            DecodeException e = assertRejected(hex("2e 0b00 " + flags + " 23010000"), WindowOrder::decode);
            assertThat(e.pdu()).isEqualTo(WindowOrder.NAME);
            assertThat(e).hasMessageContaining("fieldsPresentFlags").hasMessageContaining("no order type");
        }
    }

    @Test
    void aTitlePastTheEndOfTheOrderIsRejected() {
        // cbString 6 with 4 bytes left
        DecodeException e = assertRejected(hex("2e 1100 04000001 23010000 0600 4800 6900"), WindowOrder::decode);
        assertThat(e.pdu()).isEqualTo(WindowStateOrder.NAME);
        assertThat(e.error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
        // the same with the next order's bytes in the buffer: orderSize bounds the string
        assertThat(assertRejected(hex("2e 1100 04000001 23010000 0600 4800 6900" + " 2e0b00"), WindowOrder::decode)
                .pdu()).isEqualTo(WindowStateOrder.NAME);
        // cbString itself cut off
        assertThat(assertRejected(hex("2e 0c00 04000001 23010000 06"), WindowOrder::decode).pdu())
                .isEqualTo(WindowStateOrder.NAME);
        // an odd cbString is not UTF-16
        assertThat(assertRejected(hex("2e 1000 04000001 23010000 0300 480069"), WindowOrder::decode))
                .hasMessageContaining(WindowStateOrder.NAME).hasMessageContaining("title")
                .hasMessageContaining("odd");
        // an overlay description past the end
        assertThat(assertRejected(hex("2e 0e00 00004001 23010000 0200 48"), WindowOrder::decode).pdu())
                .isEqualTo(WindowStateOrder.NAME);
    }

    @Test
    void rectangleCountsPastTheEndAreRejected() {
        // numWindowRects 2, one rectangle present
        assertThat(assertRejected(hex("2e 1500 00010001 23010000 0200 0000 0000 0a00 0a00"), WindowOrder::decode))
                .hasMessageContaining(WindowStateOrder.NAME).hasMessageContaining("numWindowRects")
                .hasMessageContaining("16 bytes");
        // numWindowRects 0xFFFF with nothing
        assertThat(assertRejected(hex("2e 0d00 00010001 23010000 ffff"), WindowOrder::decode))
                .hasMessageContaining("numWindowRects");
        // numWindowRects cut to one byte
        assertThat(assertRejected(hex("2e 0c00 00010001 23010000 01"), WindowOrder::decode))
                .hasMessageContaining("numWindowRects");
        // numVisibilityRects 1, half a rectangle
        assertThat(assertRejected(hex("2e 1100 00020001 23010000 0100 0000 0000"), WindowOrder::decode))
                .hasMessageContaining(WindowStateOrder.NAME).hasMessageContaining("numVisibilityRects");
    }

    @Test
    void fixedWindowFieldsPastTheEndAreRejectedNamingTheField() {
        assertThat(assertRejected(hex("2e 0d00 02000001 23010000 5604"), WindowOrder::decode))
                .hasMessageContaining(WindowStateOrder.NAME).hasMessageContaining("ownerWindowId");
        assertThat(assertRejected(hex("2e 0f00 08000001 23010000 0000cc94"), WindowOrder::decode))
                .hasMessageContaining("extendedStyle");
        assertThat(assertRejected(hex("2e 0b00 10000001 23010000"), WindowOrder::decode))
                .hasMessageContaining("showState");
        assertThat(assertRejected(hex("2e 1100 00400001 23010000 c8000000 9600"), WindowOrder::decode))
                .hasMessageContaining("clientOffsetY");
        assertThat(assertRejected(hex("2e 0b00 01000001 23010000"), WindowOrder::decode))
                .hasMessageContaining("appBarEdge");
        // a window order too short for its windowId
        assertThat(assertRejected(hex("2e 0a00 00000001 230100"), WindowOrder::decode).pdu())
                .isEqualTo(WindowStateOrder.NAME);
    }

    @Test
    void aZOrderCountPastTheEndIsRejected() {
        DecodeException e = assertRejected(hex("2e 0c00 10000004 03 23010000"), WindowOrder::decode);
        assertThat(e.pdu()).isEqualTo(MonitoredDesktopOrder.NAME);
        assertThat(e).hasMessageContaining("numWindowIds").hasMessageContaining("3 ids need 12 bytes, 4 left");
        assertThat(assertRejected(hex("2e 0800 10000004 ff"), WindowOrder::decode))
                .hasMessageContaining("numWindowIds");
        // the count itself missing
        assertThat(assertRejected(hex("2e 0700 10000004"), WindowOrder::decode).pdu())
                .isEqualTo(MonitoredDesktopOrder.NAME);
        // activeWindowId cut
        assertThat(assertRejected(hex("2e 0900 20000004 2301"), WindowOrder::decode).pdu())
                .isEqualTo(MonitoredDesktopOrder.NAME);
    }

    @Test
    void unsupportedIconBitDepthsAreRejected() {
        for (String bpp : List.of("00", "02", "03", "0f", "21", "ff")) {
            DecodeException e = assertRejected(
                    hex("2e 1700 00000041 23010000 ffff ff " + bpp + " 0100 0100 0000 0000"), WindowOrder::decode);
            assertThat(e.pdu()).isEqualTo(WindowIconOrder.NAME);
            assertThat(e).hasMessageContaining("bpp").hasMessageContaining(Integer.toString(Integer.parseInt(bpp, 16)));
        }
        assertThat(assertRejected(hex("2e 1b00 00000042 23010000 10000000 ffff ff 02 0100 0100 0000 0000"),
                WindowOrder::decode)).hasMessageContaining(NotifyIconOrder.NAME).hasMessageContaining("bpp");
    }

    @Test
    void iconLengthsPastTheEndAreRejectedNamingTheLength() {
        // 32 bpp 1×1: cbBitsColor 8 with 4 colour bytes present
        assertThat(assertRejected(hex("2e 1f00 00000041 23010000 ffff ff 20 0100 0100 0400 0800 00000000 11223344"),
                WindowOrder::decode)).hasMessageContaining(WindowIconOrder.NAME).hasMessageContaining("cbBitsColor");
        // cbBitsMask 0xFFFF with nothing
        assertThat(assertRejected(hex("2e 1700 00000041 23010000 ffff ff 20 0100 0100 ffff 0000"),
                WindowOrder::decode)).hasMessageContaining("cbBitsMask");
        // 8 bpp: cbColorTable 0x400 with 4 bytes after the mask
        assertThat(assertRejected(hex("2e 2100 00000041 23010000 ffff ff 08 0100 0100 0004 0400 0400 00000000 00000000"),
                WindowOrder::decode)).hasMessageContaining("cbColorTable");
        // 8 bpp: cbBitsMask and cbBitsColor cut off after cbColorTable
        assertThat(assertRejected(hex("2e 1700 00000041 23010000 ffff ff 08 0100 0100 0000 0000"),
                WindowOrder::decode).pdu()).isEqualTo(WindowIconOrder.NAME);
        // in a notify icon order
        assertThat(assertRejected(hex("2e 2100 00000042 23010000 10000000 ffff ff 20 0100 0100 0400 0800 00000000 1122"),
                WindowOrder::decode)).hasMessageContaining(NotifyIconOrder.NAME).hasMessageContaining("cbBitsColor");
    }

    @Test
    void aNotifyIconWithBothAnIconAndACachedIconIsRejected() {
        DecodeException e = assertRejected(hex("2e 0f00 000000c2 23010000 10000000"), WindowOrder::decode);
        assertThat(e.pdu()).isEqualTo(NotifyIconOrder.NAME);
        assertThat(e).hasMessageContaining("fieldsPresentFlags").hasMessageContaining("both ICON and CACHED_ICON");
        // also when both are followed by well-formed data for each
        assertThat(assertRejected(hex("2e 3600 000000c2 23010000 10000000" + ARGB_2X2_HEX + " 0201 03"),
                WindowOrder::decode)).hasMessageContaining("both ICON and CACHED_ICON");
    }

    @Test
    void notifyTipsLongerThanTheLimitAreRejected() {
        // cbString 514 > 512
        String order = "2e 1302 01000002 23010000 10000000 0202" + "4100".repeat(257);
        assertThat(hex(order)).hasSize(0x213);
        assertThat(assertRejected(hex(order), WindowOrder::decode)).hasMessageContaining(NotifyIconOrder.NAME)
                .hasMessageContaining("toolTip").hasMessageContaining("514 exceeds limit 512");
        // 512 is fine
        String ok = "2e 1102 01000002 23010000 10000000 0002" + "4100".repeat(256);
        assertThat(decodeAll(hex(ok))).isEqualTo(
                new NotifyIconOrder(0x123, 0x10, false, null, "A".repeat(256), null, null, null, null));
    }

    @Test
    void bytesInsideOrderSizeAfterTheLastFieldAreRejected() {
        DecodeException e = assertRejected(hex("2e 0c00 00000021 23010000 00"), WindowOrder::decode);
        assertThat(e.pdu()).isEqualTo(DeleteWindowOrder.NAME);
        assertThat(e.error()).isEqualTo(new DecodeError.TrailingBytes(1));
        assertThat(e).hasMessageContaining("trailing");
        assertThat(assertRejected(hex("2e 0800 01000004 00"), WindowOrder::decode).pdu())
                .isEqualTo(NonMonitoredDesktopOrder.NAME);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void anExtraByteInsideOrderSizeIsRejectedAsTrailing(Vector v) {
        byte[] wire = v.bytes();
        byte[] longer = Arrays.copyOf(wire, wire.length + 1);
        longer[wire.length] = 0x5A;
        longer[1] = (byte) longer.length;
        longer[2] = (byte) (longer.length >>> 8);
        DecodeException e = assertRejected(longer, WindowOrder::decode);
        assertThat(e.pdu()).isEqualTo(v.order().name());
        assertThat(e.error()).isEqualTo(new DecodeError.TrailingBytes(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyTruncationOfTheBufferIsRejected(Vector v) {
        assertEveryTruncationRejected(v.bytes(), WindowOrder::decode);
    }

    /** The order cut short with orderSize patched to match, so the cut lands inside the fields, not the buffer. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyTruncationWithinOrderSizeIsRejected(Vector v) {
        byte[] wire = v.bytes();
        for (int len = WindowOrder.HEADER_SIZE; len < wire.length; len++) {
            byte[] cut = Arrays.copyOf(wire, len);
            cut[1] = (byte) len;
            cut[2] = (byte) (len >>> 8);
            ByteBuf src = Unpooled.wrappedBuffer(cut);
            try {
                int l = len;
                assertThatThrownBy(() -> WindowOrder.decode(src))
                        .as("%s cut to %d of %d bytes", v.name(), l, wire.length)
                        .isInstanceOf(DecodeException.class)
                        .satisfies(t -> assertThat(((DecodeException) t).pdu()).isEqualTo(v.order().name()));
            } finally {
                src.release();
            }
        }
    }

    // ---- robustness ------------------------------------------------------------------------------------------

    private static final Set<String> ORDER_NAMES = Set.of(WindowOrder.NAME, WindowStateOrder.NAME,
            DeleteWindowOrder.NAME, WindowIconOrder.NAME, CachedIconOrder.NAME, NotifyIconOrder.NAME,
            DeleteNotifyIconOrder.NAME, MonitoredDesktopOrder.NAME, NonMonitoredDesktopOrder.NAME);

    @Test
    void mutatedOrdersEitherFailWithADecodeExceptionOrReencodeToAnEqualOrder() {
        List<Vector> vectors = vectorList();
        int rejected = 0;
        int accepted = 0;
        int changedAndAccepted = 0;
        for (long seed = 1; seed <= 2000; seed++) {
            Mutator m = new Mutator(seed * 0x9E37_79B9L);
            Vector base = vectors.get(m.random().nextInt(vectors.size()));
            byte[] mutated = m.mutate(base.bytes());
            if (m.random().nextBoolean() && mutated.length >= 3) {
                // usually keep orderSize in step with the data so the mutation reaches the fields
                mutated[1] = (byte) mutated.length;
                mutated[2] = (byte) (mutated.length >>> 8);
            }
            String input = "seed " + seed + " (" + base.name() + "), input " + hex(mutated);
            ByteBuf src = Unpooled.wrappedBuffer(mutated);
            WindowOrder decoded;
            int consumed;
            try {
                decoded = WindowOrder.decode(src);
                consumed = src.readerIndex();
            } catch (DecodeException e) {
                assertThat(e.getMessage()).as(input).isNotBlank();
                assertThat(ORDER_NAMES).as("the PDU named by %s", input).contains(e.pdu());
                rejected++;
                continue;
            } catch (Throwable t) {
                throw new AssertionError("decode threw " + t + " for " + input, t);
            } finally {
                src.release();
            }
            try {
                int orderSize = (mutated[1] & 0xFF) | (mutated[2] & 0xFF) << 8;
                assertThat(consumed).as("bytes consumed, " + input).isEqualTo(orderSize);
                byte[] reencoded = decoded.toByteArray();
                assertThat(reencoded.length).as(input).isEqualTo(decoded.size());
                WindowOrder again = decodeAll(reencoded);
                assertThat(again).as("re-decoded, " + input).isEqualTo(decoded);
                assertThat(hex(again.toByteArray())).as("re-encoded twice, " + input).isEqualTo(hex(reencoded));
            } catch (Throwable t) {
                throw new AssertionError("round trip failed for " + input + ": " + t, t);
            }
            accepted++;
            if (!Arrays.equals(mutated, base.bytes())) {
                changedAndAccepted++;
            }
        }
        assertThat(rejected).isGreaterThan(1000);
        assertThat(accepted).isGreaterThan(400);
        assertThat(changedAndAccepted).isGreaterThan(400);
    }

    // ---- encoder argument checks -----------------------------------------------------------------------------

    @Test
    void zOrderIsLimitedTo255Windows() {
        List<Long> ids = new ArrayList<>(Collections.nCopies(255, 0x123L));
        MonitoredDesktopOrder max = MonitoredDesktopOrder.state(0x123, ids);
        byte[] wire = max.toByteArray();
        assertThat(wire).hasSize(7 + 4 + 1 + 255 * 4);
        assertThat(wire[11]).isEqualTo((byte) 0xFF);
        assertThat(decodeAll(wire)).isEqualTo(max);

        ids.add(1L);
        assertThatThrownBy(() -> MonitoredDesktopOrder.state(0x123, ids))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
        assertThatThrownBy(() -> MonitoredDesktopOrder.state(0x123, List.of(-1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowIds");
        assertThatThrownBy(() -> MonitoredDesktopOrder.state(0x1_0000_0000L, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activeWindowId");
    }

    @Test
    void aNotifyIconCannotHaveBothAnIconAndACachedIcon() {
        assertThatThrownBy(() -> new NotifyIconOrder(0x123, 0x10, true, null, null, null, null, ARGB_2X2,
                new CachedIcon(1, 1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }

    @Test
    void notifyIconValuesMustFitTheirFields() {
        assertThatThrownBy(() -> new NotifyIconOrder(-1, 0x10, true, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowId");
        assertThatThrownBy(() -> new NotifyIconOrder(0x123, 0x1_0000_0000L, true, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notifyIconId");
        assertThatThrownBy(() -> new NotifyIconOrder(0x123, 0x10, true, 0x1_0000_0000L, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> new NotifyIconOrder(0x123, 0x10, true, null, null, null, -1L, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> new InfoTip(-1, 0, "a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new InfoTip(0, 0x1_0000_0000L, "a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flags");
        assertThatThrownBy(() -> new CachedIcon(0x1_0000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheEntry");
        assertThatThrownBy(() -> new CachedIcon(0, 256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheId");
        // the largest values still encode exactly
        NotifyIconOrder max = new NotifyIconOrder(0xFFFF_FFFFL, 0xFFFF_FFFFL, false, 0xFFFF_FFFFL, null,
                new InfoTip(0xFFFF_FFFFL, 0xFFFF_FFFFL, "", ""), 0xFFFF_FFFFL, null, new CachedIcon(0xFFFF, 0xFF));
        assertGolden(max, hex("2e 2600 0e000082 ffffffff ffffffff ffffffff ffffffff ffffffff 0000 0000 ffffffff ffff ff"),
                WindowOrder::decode);
    }

    @Test
    void notifyTipsAreLimitedTo512Bytes() {
        assertThat(new NotifyIconOrder(0, 1, true, null, "x".repeat(256), null, null, null, null).size())
                .isEqualTo(15 + 2 + 512);
        assertThatThrownBy(() -> new NotifyIconOrder(0, 1, true, null, "x".repeat(257), null, null, null, null))
                .isInstanceOf(EncodeException.class).hasMessageContaining("toolTip");
        assertThatThrownBy(() -> new NotifyIconOrder(0, 1, true, null, null,
                new InfoTip(0, 0, "x".repeat(257), ""), null, null, null))
                .isInstanceOf(EncodeException.class).hasMessageContaining("infoTip.text");
        assertThatThrownBy(() -> new NotifyIconOrder(0, 1, true, null, null,
                new InfoTip(0, 0, "", "x".repeat(257)), null, null, null))
                .isInstanceOf(EncodeException.class).hasMessageContaining("infoTip.title");
    }

    @Test
    void iconArgumentsAreChecked() {
        for (int bpp : new int[] {0, 2, 3, 7, 15, 33}) {
            assertThatThrownBy(() -> new IconInfo(0xFFFF, 0xFF, bpp, 1, 1, new byte[0], new byte[4], new byte[4]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bpp");
        }
        assertThatThrownBy(() -> new IconInfo(0xFFFF, 0xFF, 32, 1, 1, new byte[4], new byte[4], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour table");
        assertThatThrownBy(() -> new IconInfo(0x1_0000, 0xFF, 32, 1, 1, new byte[0], new byte[4], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheEntry");
        assertThatThrownBy(() -> new IconInfo(0xFFFF, 0x100, 32, 1, 1, new byte[0], new byte[4], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheId");
        assertThatThrownBy(() -> new IconInfo(0xFFFF, 0xFF, 32, 0x1_0000, 1, new byte[0], new byte[4], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
        assertThatThrownBy(() -> new IconInfo(0xFFFF, 0xFF, 32, 1, -1, new byte[0], new byte[4], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("height");
        assertThatThrownBy(() -> new IconInfo(0xFFFF, 0xFF, 32, 1, 1, new byte[0], new byte[4], new byte[0x1_0000]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> IconInfo.fromArgb(2, 2, new int[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 4 pixels");
        assertThatThrownBy(() -> new WindowIconOrder(0x123, false, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CachedIconOrder(0x123, false, 0x1_0000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheEntry");
        assertThatThrownBy(() -> new CachedIconOrder(0x123, false, 0, 0x100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheId");
    }

    @Test
    void windowStateArgumentsAreChecked() {
        assertThatThrownBy(() -> WindowStateOrder.builder(-1, true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowId");
        assertThatThrownBy(() -> WindowStateOrder.builder(1, true).owner(0x1_0000_0000L).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ownerWindowId");
        assertThatThrownBy(() -> WindowStateOrder.builder(1, true).rootParentHandle(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rootParentHandle");
        assertThatThrownBy(() -> WindowStateOrder.builder(1, true).showState(256).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowStateOrder.builder(1, true).appBarEdge(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Style(0x1_0000_0000L, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("style");
        assertThatThrownBy(() -> new Style(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extendedStyle");
        assertThatThrownBy(() -> new Extent(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Margins(0, 0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rectangle16(0, 0, 0x1_0000, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("right");
        assertThatThrownBy(() -> new Rectangle16(-1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("left");
        assertThatThrownBy(() -> new DeleteWindowOrder(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeleteNotifyIconOrder(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notifyIconId");
        // rectangle lists are copied in
        List<Rectangle16> rects = new ArrayList<>(List.of(new Rectangle16(0, 0, 1, 1)));
        WindowStateOrder order = WindowStateOrder.builder(1, false).windowRects(rects).build();
        rects.clear();
        assertThat(order.windowRects()).hasSize(1);
    }

    @Test
    void theOrderSizeMustFitSixteenBits() {
        // header 7 + windowId 4 + cbString 2 + 65522 bytes of title = 65535
        WindowStateOrder largest = WindowStateOrder.builder(1, false).title("t".repeat(32_761)).build();
        byte[] wire = largest.toByteArray();
        assertThat(wire).hasSize(0xFFFF);
        assertThat(hex(Arrays.copyOf(wire, 13))).isEqualTo("2e" + "ffff" + "04000001" + "01000000" + "f2ff");
        assertThat(decodeAll(wire)).isEqualTo(largest);

        WindowStateOrder tooLarge = WindowStateOrder.builder(1, false).title("t".repeat(32_762)).build();
        assertThatThrownBy(tooLarge::toByteArray).isInstanceOf(EncodeException.class)
                .hasMessageContaining("orderSize 65537 exceeds 65535");
        assertThatThrownBy(() -> WindowStateOrder.builder(1, false).title("t".repeat(32_768)).build())
                .isInstanceOf(EncodeException.class).hasMessageContaining("title");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Decodes one order that must fill {@code wire} exactly. */
    private static WindowOrder decodeAll(byte[] wire) {
        ByteBuf src = Unpooled.wrappedBuffer(wire);
        try {
            WindowOrder order = WindowOrder.decode(src);
            assertThat(src.readableBytes()).as("bytes left after %s", order).isZero();
            return order;
        } finally {
            src.release();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
