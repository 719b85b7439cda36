package dev.oriel.rdp.core.pdu.capability;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.PduAssertions;
import dev.oriel.rdp.core.wire.Bytes;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every capability-set vector of IronRDP's capsets.rs (bodies; the test adds the TS_CAPS_SET header): decoded to the
 * expected record kind and re-encoded byte for byte.
 */
class CapabilitySetGoldenTest {

    private static byte[] withHeader(int type, byte[] body) {
        byte[] out = new byte[4 + body.length];
        out[0] = (byte) type;
        out[1] = (byte) (type >> 8);
        out[2] = (byte) out.length;
        out[3] = (byte) (out.length >> 8);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("CLIENT_GENERAL_CAPABILITY_SET", 0x01, GeneralCapabilitySet.class),
                Arguments.of("SERVER_GENERAL_CAPABILITY_SET", 0x01, GeneralCapabilitySet.class),
                Arguments.of("CLIENT_BITMAP_CAPABILITY_SET", 0x02, BitmapCapabilitySet.class),
                Arguments.of("CLIENT_BITMAP_CAPABILITY_SET_32_BIT", 0x02, BitmapCapabilitySet.class),
                Arguments.of("SERVER_BITMAP_CAPABILITY_SET", 0x02, BitmapCapabilitySet.class),
                Arguments.of("CLIENT_ORDER_CAPABILITY_SET", 0x03, OrderCapabilitySet.class),
                Arguments.of("CLIENT_ORDER_CAPABILITY_SET_ANSI_CODE_PAGE", 0x03, OrderCapabilitySet.class),
                Arguments.of("SERVER_ORDER_CAPABILITY_SET", 0x03, OrderCapabilitySet.class),
                Arguments.of("CLIENT_BITMAP_CACHE_REV_1_CAPABILITY_SET", 0x04, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_CONTROL_CAPABILITY_SET", 0x05, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_WINDOW_ACTIVATION_CAPABILITY_SET", 0x07, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_POINTER_CAPABILITY_SET", 0x08, PointerCapabilitySet.class),
                Arguments.of("SERVER_POINTER_CAPABILITY_SET", 0x08, PointerCapabilitySet.class),
                Arguments.of("CLIENT_SHARE_CAPABILITY_SET", 0x09, ShareCapabilitySet.class),
                Arguments.of("SERVER_SHARE_CAPABILITY_SET", 0x09, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_COLOR_CACHE_CAPABILITY_SET", 0x0A, UnknownCapabilitySet.class),
                Arguments.of("SERVER_COLOR_CACHE_CAPABILITY_SET", 0x0A, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_SOUND_CAPABILITY_SET", 0x0C, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_INPUT_CAPABILITY_SET", 0x0D, InputCapabilitySet.class),
                Arguments.of("CLIENT_INPUT_CAPABILITY_SET_UNICODE", 0x0D, UnknownCapabilitySet.class) /* non-zero pad */,
                Arguments.of("SERVER_INPUT_CAPABILITY_SET", 0x0D, InputCapabilitySet.class),
                Arguments.of("CLIENT_FONT_CAPABILITY_SET", 0x0E, FontCapabilitySet.class),
                Arguments.of("SERVER_FONT_CAPABILITY_SET", 0x0E, FontCapabilitySet.class),
                Arguments.of("CLIENT_BRUSH_CAPABILITY_SET", 0x0F, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_GLYPH_CACHE_CAPABILITY_SET", 0x10, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_OFFSCREEN_BITMAP_CAPABILITY_SET", 0x11, UnknownCapabilitySet.class),
                Arguments.of("SERVER_BITMAP_CACHE_HOST_SUPPORT_CAPABILITY_SET", 0x12, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_BITMAP_CACHE_REV_2_CAPABILITY_SET", 0x13, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_VIRTUAL_CHANNEL_CAPABILITY_SET", 0x14, VirtualChannelCapabilitySet.class),
                Arguments.of("CLIENT_VIRTUAL_CHANNEL_CAPABILITY_SET_INCOMPLETE", 0x14, VirtualChannelCapabilitySet.class),
                Arguments.of("SERVER_VIRTUAL_CHANNEL_CAPABILITY_SET", 0x14, VirtualChannelCapabilitySet.class),
                Arguments.of("CLIENT_DRAW_NINE_GRID_CACHE_CAPABILITY_SET", 0x15, UnknownCapabilitySet.class),
                Arguments.of("CLIENT_DRAW_GDI_PLUS_CAPABILITY_SET", 0x16, UnknownCapabilitySet.class),
                Arguments.of("SERVER_DRAW_GDI_PLUS_CAPABILITY_SET", 0x16, UnknownCapabilitySet.class),
                Arguments.of("SERVER_RAIL_CAPABILITY_SET", 0x17, RemoteProgramsCapabilitySet.class),
                Arguments.of("CLIENT_WINDOW_LIST_CAPABILITY_SET", 0x18, WindowListCapabilitySet.class),
                Arguments.of("SERVER_WINDOW_LIST_CAPABILITY_SET", 0x18, WindowListCapabilitySet.class),
                Arguments.of("CLIENT_MULTI_FRAGMENT_UPDATE_CAPABILITY_SET", 0x1A, MultifragmentUpdateCapabilitySet.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesLosslessly(String name, int type, Class<? extends CapabilitySet> kind) {
        byte[] wire = withHeader(type, Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__capsets.rs__" + name));
        CapabilitySet set = PduAssertions.assertDecodes(wire, CapabilitySet::decode);
        assertThat(set).isInstanceOf(kind);
        assertThat(set.type()).isEqualTo(type);
        PduAssertions.assertEncodes(set, wire);
    }

    @Test
    void typedValues() {
        byte[] general = withHeader(1, Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__capsets.rs__CLIENT_GENERAL_CAPABILITY_SET"));
        assertGolden(new GeneralCapabilitySet(1, 3, 0x200, 0, 0x041D, 0, 0, 0, 0, 0), general, CapabilitySet::decode);
        byte[] bitmap = withHeader(2, Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__capsets.rs__CLIENT_BITMAP_CAPABILITY_SET_32_BIT"));
        assertGolden(new BitmapCapabilitySet(32, 1, 1, 1, 800, 600, 1, 1, 0, 10, 1), bitmap, CapabilitySet::decode);
        byte[] pointer = withHeader(8, Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__capsets.rs__CLIENT_POINTER_CAPABILITY_SET"));
        assertGolden(new PointerCapabilitySet(1, 20, OptionalInt.of(21)), pointer, CapabilitySet::decode);
        byte[] vc = withHeader(0x14, Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__capsets.rs__CLIENT_VIRTUAL_CHANNEL_CAPABILITY_SET"));
        assertGolden(new VirtualChannelCapabilitySet(1, OptionalLong.of(1600)), vc, CapabilitySet::decode);
        byte[] wl = withHeader(0x18, Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__capsets.rs__CLIENT_WINDOW_LIST_CAPABILITY_SET"));
        assertGolden(new WindowListCapabilitySet(1, OptionalInt.of(3), OptionalInt.of(12)), wl, CapabilitySet::decode);
    }

    @Test
    void serverSetsEncode() {
        assertThat(hex(GeneralCapabilitySet.server().toByteArray())).isEqualTo("010018000400070000020000000005040000000000000101");
        assertThat(hex(BitmapCapabilitySet.server(32, 1024, 768).toByteArray()))
                .isEqualTo("02001c00200001000100010000040003000001000100000001000000");
        assertThat(hex(InputCapabilitySet.server().toByteArray())).startsWith("0d005800" + "3d03" + "0000");
        assertThat(hex(VirtualChannelCapabilitySet.server().toByteArray())).isEqualTo("14000c000000000040060000");
        assertThat(hex(new MultifragmentUpdateCapabilitySet(0x3FFFFF).toByteArray())).isEqualTo("1a000800ffff3f00");
        assertThat(hex(new LargePointerCapabilitySet(3).toByteArray())).isEqualTo("1b0006000300");
        assertThat(hex(new RemoteProgramsCapabilitySet(RemoteProgramsCapabilitySet.RAIL_LEVEL_SUPPORTED).toByteArray()))
                .isEqualTo("1700080001000000");
        for (CapabilitySet s : new CapabilitySet[] {GeneralCapabilitySet.server(), BitmapCapabilitySet.server(32, 1024, 768),
                OrderCapabilitySet.server(), PointerCapabilitySet.server(), InputCapabilitySet.server(),
                VirtualChannelCapabilitySet.server(), new ShareCapabilitySet(1002), new FontCapabilitySet(1),
                new SurfaceCommandsCapabilitySet(0x52, 0), new FrameAcknowledgeCapabilitySet(2),
                new WindowListCapabilitySet(2, OptionalInt.of(3), OptionalInt.of(12))}) {
            assertGolden(s, s.toByteArray(), CapabilitySet::decode);
        }
    }

    @Test
    void bitmapCodecsNameRemoteFxByItsGuid() {
        // [MS-RDPBCGR] 2.2.7.2.10: the server's set: RemoteFX, codecID 0, TS_RFX_SRVR_CAPS_CONTAINER (4 reserved).
        assertGolden(BitmapCodecsCapabilitySet.serverRemoteFx(),
                hex("1d00 1c00 01 122f777672bd6344afb3b73c9c6f7886 00 0400 00000000"), CapabilitySet::decode);
        // A client's: NSCodec (id 1, 3 property bytes) and RemoteFX under the id 3 it chose.
        BitmapCodecsCapabilitySet client = new BitmapCodecsCapabilitySet(List.of(
                new BitmapCodecsCapabilitySet.Codec(Bytes.ofHex("b9ae78ca74e14b49b83553e7e1f92cd8"), 1,
                        Bytes.ofHex("010101")),
                new BitmapCodecsCapabilitySet.Codec(BitmapCodecsCapabilitySet.GUID_REMOTEFX, 3,
                        Bytes.ofHex("0100"))));
        assertGolden(client, hex("1d00 3000 02 b9ae78ca74e14b49b83553e7e1f92cd8 01 0300 010101"
                + " 122f777672bd6344afb3b73c9c6f7886 03 0200 0100"), CapabilitySet::decode);
        assertThat(client.remoteFxCodecId()).hasValue(3);
        assertThat(BitmapCodecsCapabilitySet.serverRemoteFx().remoteFxCodecId()).hasValue(0);
        // Properties longer than the set: the whole confirm is refused, naming the field.
        assertThat(assertRejected(hex("1d00 1c00 01 122f777672bd6344afb3b73c9c6f7886 03 0900 00000000"),
                CapabilitySet::decode)).hasMessageContaining("codecPropertiesLength");
    }

    @Test
    void nonZeroPadFallsBackToRaw() {
        // A General set with garbage in pad2octetsA cannot be re-encoded by the typed record: it stays raw.
        byte[] wire = hex("01001800" + "0100030000020100" + "00001d040000000000000000");
        CapabilitySet set = PduAssertions.assertDecodes(wire, CapabilitySet::decode);
        assertThat(set).isEqualTo(new UnknownCapabilitySet(1, Bytes.ofHex("0100030000020100" + "00001d040000000000000000")));
        PduAssertions.assertEncodes(set, wire);
    }

    @Test
    void rejections() {
        assertThat(assertRejected(hex("01000300"), CapabilitySet::decode).getMessage()).contains("lengthCapability");
        assertThat(assertRejected(hex("01001800" + "0100"), CapabilitySet::decode).error())
                .isInstanceOf(DecodeError.InvalidField.class);
        assertThat(assertRejected(hex("0100"), CapabilitySet::decode).error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
    }
}
