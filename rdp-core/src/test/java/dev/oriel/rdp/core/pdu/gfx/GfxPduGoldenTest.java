package dev.oriel.rdp.core.pdu.gfx;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.Mutator;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graphics pipeline PDUs: IronRDP's message bodies (fixtures/conformance, MANIFEST.tsv) behind an RDPGFX_HEADER,
 * and IronRDP's own header vectors where it has them, decode to exact fields and encode to exact bytes.
 */
class GfxPduGoldenTest {

    static byte[] body(String name) {
        return Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__graphics_messages.rs__" + name);
    }

    /** An RDPGFX_HEADER (cmdId, flags 0, pduLength with the header) in front of a body. */
    static byte[] withHeader(int cmdId, byte[] body) {
        ByteBuf b = Unpooled.buffer();
        b.writeShortLE(cmdId).writeShortLE(0).writeIntLE(8 + body.length).writeBytes(body);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    static Stream<Arguments> vectors() {
        List<GfxCapabilitySet> advertised = new ArrayList<>(List.of(
                GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_8, GfxCapabilitySet.FLAG_THINCLIENT),
                GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_8_1, GfxCapabilitySet.FLAG_THINCLIENT),
                GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_10, GfxCapabilitySet.FLAG_AVC_DISABLED),
                new GfxCapabilitySet(GfxCapabilitySet.VERSION_10_1, Bytes.of(new byte[16]))));
        for (long v : new long[] {GfxCapabilitySet.VERSION_10_2, GfxCapabilitySet.VERSION_10_3,
                GfxCapabilitySet.VERSION_10_4, GfxCapabilitySet.VERSION_10_5, GfxCapabilitySet.VERSION_10_6}) {
            advertised.add(GfxCapabilitySet.withFlags(v, GfxCapabilitySet.FLAG_AVC_DISABLED));
        }
        return Stream.of(
                Arguments.of("CAPABILITIES_ADVERTISE_BUFFER", new CapsAdvertise(advertised)),
                Arguments.of("CAPABILITIES_CONFIRM_BUFFER", new CapsConfirm(GfxCapabilitySet.withFlags(
                        GfxCapabilitySet.VERSION_10_5, GfxCapabilitySet.FLAG_AVC_DISABLED))),
                Arguments.of("CREATE_SURFACE_BUFFER", new CreateSurface(0, 1024, 768, GfxPdu.PIXEL_FORMAT_ARGB_8888)),
                Arguments.of("DELETE_SURFACE_BUFFER", new DeleteSurface(0)),
                Arguments.of("START_FRAME_BUFFER", new StartFrame(0x059B_E8F7L, 5)),
                Arguments.of("END_FRAME_BUFFER", new EndFrame(1)),
                Arguments.of("FRAME_ACKNOWLEDGE_BUFFER", new FrameAcknowledge(0, 1, 1)),
                Arguments.of("MAP_SURFACE_TO_OUTPUT_BUFFER", new MapSurfaceToOutput(0, 1, 2)),
                Arguments.of("RESET_GRAPHICS_BUFFER", new ResetGraphics(1024, 768,
                        List.of(new ResetGraphics.Monitor(0, 0, 1023, 767, ResetGraphics.MONITOR_PRIMARY)))),
                Arguments.of("SOLID_FILL_BUFFER", new SolidFill(0, 0, List.of(new GfxRect(0, 0, 64, 64)))),
                Arguments.of("WIRE_TO_SURFACE_1_BUFFER", new WireToSurface1(0, WireToSurface1.CODEC_CLEARCODEC,
                        GfxPdu.PIXEL_FORMAT_XRGB_8888, new GfxRect(933, 734, 939, 743),
                        Bytes.of(java.util.Arrays.copyOfRange(body("WIRE_TO_SURFACE_1_BUFFER"), 17, 218)))),
                // A RemoteFX Progressive stream from a Windows server, context 4 (decoded in ProgressiveConformanceTest).
                Arguments.of("WIRE_TO_SURFACE_2_BUFFER", new WireToSurface2(0, WireToSurface2.CODEC_CAPROGRESSIVE, 4,
                        GfxPdu.PIXEL_FORMAT_XRGB_8888,
                        Bytes.of(java.util.Arrays.copyOfRange(body("WIRE_TO_SURFACE_2_BUFFER"), 13, 629)))),
                Arguments.of("DELETE_ENCODING_CONTEXT_BUFFER", new DeleteEncodingContext(0, 1)),
                Arguments.of("SURFACE_TO_SURFACE_BUFFER", new SurfaceToSurface(0, 0, new GfxRect(200, 60, 676, 148),
                        List.of(new GfxPoint(128, 60)))),
                Arguments.of("SURFACE_TO_CACHE_BUFFER", new SurfaceToCache(0, 0x113D_86DA_A6A3_7FB7L, 14,
                        new GfxRect(640, 0, 704, 64))),
                Arguments.of("CACHE_TO_SURFACE_BUFFER", new CacheToSurface(2, 0, List.of(new GfxPoint(768, 320)))),
                Arguments.of("CACHE_IMPORT_REPLY_BUFFER", new CacheImportReply(
                        java.util.stream.IntStream.rangeClosed(2, 920).boxed().toList())));
    }

    @Test
    void surfacesMapToWindowsAndScaledTargets() {
        // [MS-RDPEGFX] 2.2.2.20: surface 3 on RAIL window 0x20004 (as [MS-RDPERP] ids look), 640x480.
        assertGolden(new MapSurfaceToWindow(3, 0x20004, 640, 480),
                hex("1500 0000 1a000000 0300 0400020000000000 80020000 e0010000"), GfxPdu::decode);
        // 2.2.2.23: the same window shown at 150 %.
        assertGolden(new MapSurfaceToScaledWindow(3, 0x20004, 640, 480, 960, 720),
                hex("1800 0000 22000000 0300 0400020000000000 80020000 e0010000 c0030000 d0020000"), GfxPdu::decode);
        // 2.2.2.22: surface 1 at the origin, scaled to 1920x1080; the reserved field is written 0 and ignored.
        assertGolden(new MapSurfaceToScaledOutput(1, 0, 0, 1920, 1080),
                hex("1700 0000 1c000000 0100 0000 00000000 00000000 80070000 38040000"), GfxPdu::decode);
        assertEveryTruncationRejected(new MapSurfaceToScaledWindow(3, 1, 2, 3, 4, 5).toByteArray(), GfxPdu::decode);
        assertEveryTruncationRejected(new MapSurfaceToWindow(3, 1, 2, 3).toByteArray(), GfxPdu::decode);
    }

    @Test
    void cacheSlotsAreOneBased() {
        // IronRDP's evict vector names slot 0, which [MS-RDPEGFX] 3.3.1.4 (one-based slots) and FreeRDP's client
        // both refuse; the same PDU with slot 1 round-trips.
        byte[] evict = withHeader(GfxPdu.EVICTCACHEENTRY, body("EVICT_CACHE_ENTRY_BUFFER"));
        assertThat(assertRejected(evict, GfxPdu::decode)).hasMessageContaining("cacheSlot");
        assertGolden(new EvictCacheEntry(1), hex("0800 0000 0a000000 0100"), GfxPdu::decode);
        assertThatThrownBy(() -> new CacheToSurface(0, 1, List.of())).isInstanceOf(IllegalArgumentException.class);
        // A cache import offer (client to server) of two entries, and one that claims more than 5462.
        assertGolden(new CacheImportOffer(List.of(new CacheImportOffer.Entry(0x0102030405060708L, 16384),
                new CacheImportOffer.Entry(-1L, 4))),
                hex("1000 0000 22000000 0200 0807060504030201 00400000 ffffffffffffffff 04000000"), GfxPdu::decode);
        assertThat(assertRejected(hex("1000 0000 0a000000 5715"), GfxPdu::decode))
                .hasMessageContaining("cacheEntriesCount");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void ironrdpBodiesDecodeAndEncodeExactly(String name, GfxPdu expected) {
        byte[] wire = withHeader(expected.cmdId(), body(name));
        assertGolden(expected, wire, GfxPdu::decode);
        assertEveryTruncationRejected(wire, GfxPdu::decode);
    }

    @Test
    void ironrdpsOwnHeadersMatch() {
        byte[] ack = concat(Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__gfx.rs__FRAME_ACKNOWLEDGE_HEADER_BUFFER"),
                body("FRAME_ACKNOWLEDGE_BUFFER"));
        assertGolden(new FrameAcknowledge(0, 1, 1), ack, GfxPdu::decode);
        byte[] w2s = concat(Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__gfx.rs__WIRE_TO_SURFACE_1_HEADER_BUFFER"),
                body("WIRE_TO_SURFACE_1_BUFFER"));
        assertThat(GfxPdu.decode(Unpooled.wrappedBuffer(w2s))).isInstanceOf(WireToSurface1.class);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void handBuiltVectorsForTheRest() {
        // QoE frame acknowledge: frameId 7, timestamp 0x1234, timeDiffSE 3, timeDiffEDR 4.
        assertGolden(new QoeFrameAcknowledge(7, 0x1234, 3, 4), hex("1600 0000 14000000 07000000 34120000 0300 0400"),
                GfxPdu::decode);
        // Suspending acknowledgements.
        assertGolden(new FrameAcknowledge(FrameAcknowledge.SUSPEND_FRAME_ACKNOWLEDGEMENT, 9, 8),
                hex("0d00 0000 14000000 ffffffff 09000000 08000000"), GfxPdu::decode);
        // A solid fill in opaque red over two rectangles.
        assertGolden(new SolidFill(3, 0xFFFF0000, List.of(new GfxRect(0, 0, 8, 8), new GfxRect(8, 0, 16, 4))),
                hex("0400 0000 20000000 0300 0000ffff 0200 0000 0000 0800 0800 0800 0000 1000 0400"), GfxPdu::decode);
    }

    @Test
    void severalPdusInOneMessageDecodeInOrder() {
        byte[] frame = concat(concat(new StartFrame(1, 2).toByteArray(), new DeleteSurface(4).toByteArray()),
                new EndFrame(2).toByteArray());
        assertThat(GfxPdu.decodeAll(Unpooled.wrappedBuffer(frame)))
                .containsExactly(new StartFrame(1, 2), new DeleteSurface(4), new EndFrame(2));
    }

    @Test
    void malformedPdusAreRejectedNamingTheField() {
        assertThat(assertRejected(hex("0b00 0000 04000000"), GfxPdu::decode)).hasMessageContaining("pduLength");
        assertThat(assertRejected(hex("0b00 0000 20000000 00000000"), GfxPdu::decode)).hasMessageContaining("pduLength");
        assertThat(assertRejected(hex("0b00 0000 11000000 0100000002000000 00"), GfxPdu::decode))
                .hasMessageContaining("StartFrame");
        assertThat(assertRejected(hex("7700 0000 08000000"), GfxPdu::decode)).hasMessageContaining("GfxPdu");
        // Reset graphics must be exactly 340 bytes, with at most 16 monitors.
        assertThat(assertRejected(hex("0e00 0000 14000000 00040000 00030000 00000000"), GfxPdu::decode))
                .hasMessageContaining("340");
        byte[] reset = new ResetGraphics(8, 8, List.of()).toByteArray();
        reset[16] = 17;
        assertThat(assertRejected(reset, GfxPdu::decode)).hasMessageContaining("monitorCount");
        // A solid fill that announces more rectangles than it holds; an inverted rectangle.
        assertThat(assertRejected(hex("0400 0000 18000000 0000 00000000 0200 0000 0000 0800 0800"), GfxPdu::decode))
                .hasMessageContaining("fillRectCount");
        assertThat(assertRejected(hex("0400 0000 18000000 0000 00000000 0100 0800 0000 0000 0800"), GfxPdu::decode))
                .hasMessageContaining("fillRects");
        // A capability set longer than any defined.
        assertThat(assertRejected(hex("1200 0000 12000000 0100 02050a00 00100000"), GfxPdu::decode))
                .hasMessageContaining("capsDataLength");
        // A wire-to-surface whose data length runs past the PDU.
        assertThat(assertRejected(hex("0100 0000 1a000000 0000 0000 20 0000 0000 0100 0100 05000000 00"),
                GfxPdu::decode)).hasMessageContaining("bitmapDataLength");
        assertThatThrownBy(() -> new GfxRect(5, 0, 4, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutatedPdusAreRejectedOnlyWithDecodeExceptions() {
        List<byte[]> seeds = vectors().map(a -> withHeader(((GfxPdu) a.get()[1]).cmdId(), body((String) a.get()[0])))
                .toList();
        int rejected = 0;
        for (long seed = 0; seed < 3000; seed++) {
            Mutator m = new Mutator(seed);
            byte[] mutated = m.mutate(seeds.get(m.random().nextInt(seeds.size())));
            rejected += Mutator.expectOnlyRdpExceptions(seed, mutated,
                    () -> GfxPdu.decodeAll(Unpooled.wrappedBuffer(mutated))) ? 1 : 0;
        }
        assertThat(rejected).isGreaterThan(300);
    }
}
