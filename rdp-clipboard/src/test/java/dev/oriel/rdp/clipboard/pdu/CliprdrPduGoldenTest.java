package dev.oriel.rdp.clipboard.pdu;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.clipboard.pdu.FormatList.Format;
import dev.oriel.rdp.core.testutil.Mutator;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cliprdr PDU: encode → exact bytes, decode → exact fields, every truncation rejected. IronRDP's vectors
 * (resources/vectors/ironrdp, provenance there) cover most types; format lists and the temporary directory are
 * written field by field from [MS-RDPECLIP] 2.2 (CLIPRDR_HEADER: msgType, msgFlags, dataLen without the header).
 */
class CliprdrPduGoldenTest {
    static final Function<ByteBuf, CliprdrPdu> LONG = src -> CliprdrPdu.decode(src, true);
    static final Function<ByteBuf, CliprdrPdu> SHORT = src -> CliprdrPdu.decode(src, false);

    static byte[] ironrdp(String name) {
        try (InputStream in = CliprdrPduGoldenTest.class.getResourceAsStream("/vectors/ironrdp/" + name + ".bin")) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing vector " + name, e);
        }
    }

    static String utf16(String s) {
        return hex(s.getBytes(StandardCharsets.UTF_16LE));
    }

    static Stream<Arguments> ironrdpVectors() {
        return Stream.of(
                Arguments.of("capabilities", ClipCaps.general(ClipCaps.CB_CAPS_VERSION_2,
                        ClipCaps.CB_USE_LONG_FORMAT_NAMES | ClipCaps.CB_STREAM_FILECLIP_ENABLED
                                | ClipCaps.CB_FILECLIP_NO_FILE_PATHS)),
                Arguments.of("monitor_ready", MonitorReady.INSTANCE),
                Arguments.of("format_list_response", new FormatListResponse(true)),
                Arguments.of("lock", new LockClipData(8)),
                Arguments.of("unlock", new UnlockClipData(8)),
                Arguments.of("format_data_request", new FormatDataRequest(Format.CF_UNICODETEXT)),
                Arguments.of("format_data_response", new FormatDataResponse(true,
                        Bytes.of("hello world\0".getBytes(StandardCharsets.UTF_16LE)))),
                Arguments.of("file_contents_request_size", new FileContentsRequest(2, 1,
                        FileContentsRequest.FILECONTENTS_SIZE, 0, 8, OptionalLong.empty())),
                Arguments.of("file_contents_request_range", new FileContentsRequest(2, 1,
                        FileContentsRequest.FILECONTENTS_RANGE, 0, 0x10000, OptionalLong.empty())),
                Arguments.of("file_contents_response_size", FileContentsResponse.size(2, 44)),
                Arguments.of("file_contents_response_data", new FileContentsResponse(true, 2,
                        Bytes.of("The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ironrdpVectors")
    void ironrdpVectorsDecodeAndEncodeExactly(String name, CliprdrPdu expected) {
        assertGolden(expected, ironrdp(name), LONG);
        assertEveryTruncationRejected(ironrdp(name), LONG);
    }

    static Stream<Arguments> handBuilt() {
        List<Format> formats = List.of(new Format(Format.CF_UNICODETEXT, ""), new Format(0xC004, "HTML Format"));
        return Stream.of(
                Arguments.of(new FormatList(formats, FormatList.Encoding.LONG), true,
                        "0200 0000 22000000 0d000000 0000 04c00000" + utf16("HTML Format") + "0000"),
                Arguments.of(new FormatList(formats, FormatList.Encoding.SHORT_UNICODE), false,
                        "0200 0000 48000000 0d000000" + "00".repeat(32) + "04c00000" + utf16("HTML Format")
                                + "00".repeat(10)),
                Arguments.of(new FormatList(formats, FormatList.Encoding.SHORT_ASCII), false,
                        "0200 0400 48000000 0d000000" + "00".repeat(32) + "04c00000"
                                + hex("HTML Format".getBytes(StandardCharsets.US_ASCII)) + "00".repeat(21)),
                Arguments.of(new FormatList(List.of(), FormatList.Encoding.LONG), true, "0200 0000 00000000"),
                Arguments.of(new TempDirectory("C:\\Temp"), true,
                        "0600 0000 08020000" + utf16("C:\\Temp") + "00".repeat(520 - 14)),
                Arguments.of(new FormatDataResponse(false, Bytes.EMPTY), true, "0500 0200 00000000"),
                Arguments.of(new FileContentsRequest(7, 0, FileContentsRequest.FILECONTENTS_RANGE,
                        0x1_0000_0010L, 4096, OptionalLong.of(9)), true,
                        "0800 0000 1c000000 07000000 00000000 02000000 10000000 01000000 00100000 09000000"),
                Arguments.of(new FileContentsResponse(false, 7, Bytes.EMPTY), true, "0900 0200 04000000 07000000"),
                Arguments.of(new ClipCaps(List.of(new ClipCaps.General(1, 0), new ClipCaps.Unknown(9, Bytes.ofHex("aabb")))),
                        true, "0700 0000 16000000 0200 0000 0100 0c00 01000000 00000000 0900 0600 aabb"));
    }

    @ParameterizedTest
    @MethodSource("handBuilt")
    void handBuiltVectorsDecodeAndEncodeExactly(CliprdrPdu expected, boolean longNames, String wire) {
        assertGolden(expected, hex(wire), longNames ? LONG : SHORT);
        assertEveryTruncationRejected(hex(wire), longNames ? LONG : SHORT);
    }

    /** [MS-RDPECLIP] 4.1.3, the spec's own example (resources/vectors/spec/README.md). */
    @Test
    void theSpecsClientCapabilitiesExampleDecodesAndEncodesExactly() throws IOException {
        byte[] wire;
        try (InputStream in = getClass().getResourceAsStream("/vectors/spec/4.1.3-client-clipboard-capabilities.hex")) {
            wire = hex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
        assertGolden(ClipCaps.general(ClipCaps.CB_CAPS_VERSION_2, ClipCaps.CB_USE_LONG_FORMAT_NAMES
                | ClipCaps.CB_STREAM_FILECLIP_ENABLED | ClipCaps.CB_FILECLIP_NO_FILE_PATHS), wire, SHORT);
    }

    @Test
    void malformedPdusAreRejectedNamingTheField() {
        // dataLen past the end of the message
        assertThat(assertRejected(hex("0400 0000 08000000 0d000000"), LONG)).hasMessageContaining("dataLen");
        // dataLen longer than the PDU's fields: trailing bytes (P-CLIP-1)
        assertThat(assertRejected(hex("0400 0000 05000000 0d000000 00"), LONG)).hasMessageContaining(
                "FormatDataRequest");
        // a capability set whose length runs past the body
        assertThat(assertRejected(hex("0700 0000 10000000 0100 0000 0100 2000 02000000 0e000000"), LONG))
                .hasMessageContaining("lengthCapability");
        // a capability set shorter than its own header
        assertThat(assertRejected(hex("0700 0000 08000000 0100 0000 0100 0200"), LONG))
                .hasMessageContaining("lengthCapability");
        // a long format name without its terminating NUL
        assertThat(assertRejected(hex("0200 0000 08000000 04c00000 4800 5400"), LONG))
                .hasMessageContaining("wszFormatName");
        // short names: not a whole number of 36-byte entries
        assertThat(assertRejected(hex("0200 0000 05000000 0d000000 00"), SHORT)).hasMessageContaining("36-byte");
        // a response with neither or both of OK and FAIL
        assertThat(assertRejected(hex("0300 0000 00000000"), LONG)).hasMessageContaining("msgFlags");
        assertThat(assertRejected(hex("0300 0300 00000000"), LONG)).hasMessageContaining("msgFlags");
        // a file contents request of the wrong size, or with neither SIZE nor RANGE
        assertThat(assertRejected(hex("0800 0000 04000000 07000000"), LONG)).hasMessageContaining("dataLen");
        assertThat(assertRejected(hex("0800 0000 18000000 07000000 00000000 03000000 00000000 00000000 08000000"),
                LONG)).hasMessageContaining("dwFlags");
        // an unknown message type
        assertThat(assertRejected(hex("6300 0000 00000000"), LONG)).hasMessageContaining("CliprdrPdu");
        // too many capability sets
        assertThat(assertRejected(hex("0700 0000 04000000 ff00 0000"), LONG)).hasMessageContaining(
                "cCapabilitiesSets");
    }

    @Test
    void aFailedFileContentsResponseWithoutStreamIdReadsAsStreamZero() {
        CliprdrPdu pdu = CliprdrPdu.decode(Unpooled.wrappedBuffer(hex("0900 0200 00000000")), true);
        assertThat(pdu).isEqualTo(new FileContentsResponse(false, 0, Bytes.EMPTY));
    }

    @Test
    void shortNamesAreCutToTheirField() {
        FormatList list = FormatList.shortNames(List.of(new Format(0xC001, "FileGroupDescriptorW")));
        assertThat(list.formats()).containsExactly(new Format(0xC001, "FileGroupDescrip"));
        assertThat(list.size()).isEqualTo(8 + 36);
        assertThatThrownBy(() -> new FormatList(List.of(new Format(1, "FileGroupDescriptorW")),
                FormatList.Encoding.SHORT_UNICODE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FormatList(List.of(new Format(1, "Ünïcode")), FormatList.Encoding.SHORT_ASCII))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Format(1, "a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FormatDataResponse(false, Bytes.ofHex("00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutatedPdusAreRejectedOnlyWithDecodeExceptions() {
        List<byte[]> vectors = Stream.concat(ironrdpVectors().map(a -> ironrdp((String) a.get()[0])),
                handBuilt().map(a -> hex((String) a.get()[2]))).toList();
        int rejected = 0;
        for (long seed = 0; seed < 4000; seed++) {
            Mutator m = new Mutator(seed);
            byte[] mutated = m.mutate(vectors.get(m.random().nextInt(vectors.size())));
            boolean longNames = m.random().nextBoolean();
            rejected += Mutator.expectOnlyRdpExceptions(seed, mutated, () -> {
                ByteBuf src = Unpooled.wrappedBuffer(mutated);
                try {
                    CliprdrPdu.decode(src, longNames);
                } finally {
                    src.release();
                }
            }) ? 1 : 0;
        }
        assertThat(rejected).isGreaterThan(400);
    }
}
