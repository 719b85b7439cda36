package dev.oriel.rdp.rail.orders;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Mutator;
import dev.oriel.rdp.rail.orders.WindowStateOrder.Extent;
import dev.oriel.rdp.rail.orders.WindowStateOrder.Margins;
import dev.oriel.rdp.rail.orders.WindowStateOrder.Point;
import dev.oriel.rdp.rail.orders.WindowStateOrder.Rectangle16;
import dev.oriel.rdp.rail.orders.WindowStateOrder.Style;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every window, notification-icon and desktop order: encode → exact bytes, decode → exact fields, every truncation
 * rejected. The byte strings are written out field by field from [MS-RDPERP] 2.2.1.3 (little-endian): controlFlags
 * 0x2E, orderSize (the whole order), fieldsPresentFlags, then the fields in the spec's order. The field order was
 * checked against the reader of FreeRDP 2.11.7 ({@code libfreerdp/core/window.c}), which xfreerdp uses and which
 * accepted every order Oriel sent in the interop tests.
 */
class WindowOrdersGoldenTest {

    static String utf16(String s) {
        return hex(s.getBytes(StandardCharsets.UTF_16LE));
    }

    /** A 2×2 32 bpp icon: top row red, green; bottom row blue, transparent. */
    static final IconInfo ICON_2X2 = IconInfo.fromArgb(2, 2, new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0x00000000});
    /**
     * Its TS_ICON_INFO: cacheEntry ffff, cacheId ff, bpp 20, 2×2, cbBitsMask 8 (two rows of one 4-byte-padded mask
     * row), cbBitsColor 16; the zero mask; colour rows bottom-up as B,G,R,A.
     */
    static final String ICON_2X2_HEX = "ffff ff 20 0200 0200 0800 1000 0000000000000000"
            + " ff0000ff 00000000" // bottom row first: blue, transparent
            + " 0000ffff 00ff00ff"; // then the top row: red, green

    static Stream<Arguments> vectors() {
        WindowStateOrder everyField = WindowStateOrder.builder(0x11, true)
                .owner(0x10)
                .style(new Style(0x14CF0000L, 0x00040000L))
                .showState(WindowStateOrder.SHOW_NORMAL)
                .title("Ab")
                .clientAreaOffset(new Point(-8, 30))
                .clientAreaSize(new Extent(300, 200))
                .resizeMarginX(new Margins(4, 5))
                .resizeMarginY(new Margins(6, 7))
                .rpContent(1)
                .rootParentHandle(0x22)
                .windowOffset(new Point(100, 50))
                .windowClientDelta(new Point(1, 2))
                .windowSize(new Extent(320, 240))
                .windowRects(List.of(new Rectangle16(0, 0, 320, 240)))
                .visibleOffset(new Point(100, 50))
                .visibilityRects(List.of(new Rectangle16(0, 0, 160, 240), new Rectangle16(160, 0, 320, 120)))
                .overlayDescription("o")
                .taskbarButton(0)
                .enforceServerZOrder(1)
                .appBarState(2)
                .appBarEdge(3)
                .build();
        String everyFieldHex = "2e"
                + " 8700" // orderSize 135
                + " dfdfcf19" // TYPE_WINDOW|STATE_NEW|RESIZE_MARGIN_Y and every field bit but the icon ones
                + " 11000000" // windowId
                + " 10000000" // ownerWindowId
                + " 0000cf14 00000400" // style, extendedStyle
                + " 05" // showState
                + " 0400" + utf16("Ab") // title
                + " f8ffffff 1e000000" // clientOffsetX -8, clientOffsetY 30
                + " 2c010000 c8000000" // clientAreaWidth, clientAreaHeight
                + " 04000000 05000000" // resizeMarginLeft, resizeMarginRight
                + " 06000000 07000000" // resizeMarginTop, resizeMarginBottom
                + " 01" // RPContent
                + " 22000000" // rootParentHandle
                + " 64000000 32000000" // windowOffset
                + " 01000000 02000000" // windowClientDelta
                + " 40010000 f0000000" // windowWidth, windowHeight
                + " 0100 0000 0000 4001 f000" // one window rect
                + " 64000000 32000000" // visibleOffset
                + " 0200 0000 0000 a000 f000 a000 0000 4001 7800" // two visibility rects
                + " 0200" + utf16("o") // overlay description
                + " 00 01 02 03"; // taskbarButton, enforceServerZOrder, appBarState, appBarEdge
        return Stream.of(
                Arguments.of("new window, every field", everyField, everyFieldHex),
                Arguments.of("existing window, title only", WindowStateOrder.builder(0x11, false).title("Notepad").build(),
                        "2e 1b00 04000001 11000000 0e00" + utf16("Notepad")),
                Arguments.of("existing window, show state only",
                        WindowStateOrder.builder(7, false).showState(WindowStateOrder.SHOW_MINIMIZED).build(),
                        "2e 0c00 10000001 07000000 02"),
                Arguments.of("delete window", new DeleteWindowOrder(0x11), "2e 0b00 00000021 11000000"),
                Arguments.of("small icon", new WindowIconOrder(0x11, false, ICON_2X2),
                        "2e 2f00 00000041 11000000 " + ICON_2X2_HEX),
                Arguments.of("big icon", new WindowIconOrder(0x11, true, ICON_2X2),
                        "2e 2f00 00200041 11000000 " + ICON_2X2_HEX),
                Arguments.of("8 bpp icon with a colour table",
                        new WindowIconOrder(3, false, new IconInfo(2, 1, 8, 1, 1, hex("00000000 ffffff00"),
                                hex("00000000"), hex("01000000"))),
                        // cbColorTable comes before cbBitsMask; the table sits between the mask and the colour bits
                        "2e 2900 00000041 03000000 0200 01 08 0100 0100 0800 0400 0400 00000000 00000000ffffff00 01000000"),
                Arguments.of("cached icon", new CachedIconOrder(0x11, true, 5, 2), "2e 0e00 00200081 11000000 0500 02"),
                Arguments.of("new notify icon with every field",
                        new NotifyIconOrder(0, 1, true, 4L, "Hi", new NotifyIconOrder.InfoTip(10000, 1, "Done", "Job"),
                                0L, ICON_2X2, null),
                        "2e 5b00 0f000052 00000000 01000000"
                                + " 04000000" // version
                                + " 0400" + utf16("Hi") // tool tip
                                + " 10270000 01000000 0800" + utf16("Done") + " 0600" + utf16("Job") // info tip
                                + " 00000000 " // state
                                + ICON_2X2_HEX),
                Arguments.of("notify icon with a cached icon",
                        new NotifyIconOrder(0, 1, false, null, null, null, null, null,
                                new NotifyIconOrder.CachedIcon(3, 1)),
                        "2e 1200 00000082 00000000 01000000 0300 01"),
                Arguments.of("delete notify icon", new DeleteNotifyIconOrder(0, 1), "2e 0f00 00000022 00000000 01000000"),
                Arguments.of("monitored desktop: hooked, arc began",
                        new MonitoredDesktopOrder(true, true, false, OptionalLong.empty(), Optional.empty()),
                        "2e 0700 0a000004"),
                Arguments.of("monitored desktop: active window and z-order",
                        MonitoredDesktopOrder.state(2, List.of(2L, 1L)),
                        "2e 1400 30000004 02000000 02 02000000 01000000"),
                Arguments.of("monitored desktop: arc completed",
                        new MonitoredDesktopOrder(false, false, true, OptionalLong.empty(), Optional.empty()),
                        "2e 0700 04000004"),
                Arguments.of("non-monitored desktop", NonMonitoredDesktopOrder.INSTANCE, "2e 0700 01000004"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void golden(String name, WindowOrder order, String wire) {
        assertGolden(order, hex(wire), WindowOrder::decode);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyTruncationIsRejected(String name, WindowOrder order, String wire) {
        assertEveryTruncationRejected(hex(wire), WindowOrder::decode);
    }

    @Test
    void anIconIsBottomUpWithAZeroMaskPaddedToFourBytes() {
        IconInfo icon = IconInfo.fromArgb(3, 1, new int[] {0x80112233, 0xFF445566, 0x00778899});
        assertThat(icon.bitsMask()).hasSize(4).containsOnly(0);
        assertThat(hex(icon.bitsColor())).isEqualTo("33221180" + "665544ff" + "99887700");
        assertThat(icon.size()).isEqualTo(12 + 4 + 12);
    }

    @Test
    void malformedOrdersAreRejectedNamingTheField() {
        assertThat(assertRejected(hex("2e 0600 00000001"), WindowOrder::decode)).hasMessageContaining("orderSize");
        assertThat(assertRejected(hex("2e 0c00 00000021 11000000"), WindowOrder::decode)).hasMessageContaining(
                "WindowOrder"); // orderSize past the end of the data
        assertThat(assertRejected(hex("0e 0b00 00000021 11000000"), WindowOrder::decode)).hasMessageContaining(
                "controlFlags");
        assertThat(assertRejected(hex("2e 0b00 00000000 11000000"), WindowOrder::decode)).hasMessageContaining(
                "fieldsPresentFlags");
        // a title whose cbString runs past orderSize
        assertThat(assertRejected(hex("2e 1100 04000001 11000000 0800 41004200"), WindowOrder::decode)).isNotNull();
        // two window rects announced, one present
        assertThat(assertRejected(hex("2e 1500 00010001 11000000 0200 0000 0000 0a00 0a00"), WindowOrder::decode))
                .hasMessageContaining("numWindowRects");
        // three z-order ids announced, one present
        assertThat(assertRejected(hex("2e 0c00 10000004 03 01000000"), WindowOrder::decode))
                .hasMessageContaining("numWindowIds");
        // icon with bpp 2
        assertThat(assertRejected(hex("2e 1700 00000041 11000000 ffff ff 02 0100 0100 0000 0000"),
                WindowOrder::decode)).hasMessageContaining("bpp");
        // both ICON and CACHED_ICON on a notify icon
        assertThat(assertRejected(hex("2e 0f00 000000c2 00000000 01000000"), WindowOrder::decode))
                .hasMessageContaining("ICON");
        // bytes inside orderSize after the last field
        assertThat(assertRejected(hex("2e 0c00 00000021 11000000 00"), WindowOrder::decode))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void encoderArgumentsAreChecked() {
        List<Long> tooMany = new ArrayList<>(Collections.nCopies(256, 1L));
        assertThatThrownBy(() -> MonitoredDesktopOrder.state(1, tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotifyIconOrder(0, 1, true, null, null, null, null, ICON_2X2,
                new NotifyIconOrder.CachedIcon(1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IconInfo(0xFFFF, 0xFF, 3, 1, 1, new byte[0], new byte[4], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeleteWindowOrder(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rectangle16(0, 0, 70_000, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutatedOrdersFailOnlyWithDecodeErrorsAndWhatDecodesReencodesStably() {
        List<byte[]> vectors = vectors().map(a -> hex((String) a.get()[2])).toList();
        int rejected = 0;
        int accepted = 0;
        for (long seed = 0; seed < 3000; seed++) {
            Mutator m = new Mutator(seed);
            byte[] mutated = m.mutate(vectors.get(m.random().nextInt(vectors.size())));
            long s = seed;
            boolean threw = Mutator.expectOnlyRdpExceptions(seed, mutated, () -> {
                WindowOrder decoded = WindowOrder.decode(Unpooled.wrappedBuffer(mutated));
                WindowOrder again = WindowOrder.decode(Unpooled.wrappedBuffer(decoded.toByteArray()));
                assertThat(again).as("seed %d re-encodes stably", s).isEqualTo(decoded);
            });
            rejected += threw ? 1 : 0;
            accepted += threw ? 0 : 1;
        }
        assertThat(rejected).isGreaterThan(300);
        assertThat(accepted).isGreaterThan(300);
    }
}
