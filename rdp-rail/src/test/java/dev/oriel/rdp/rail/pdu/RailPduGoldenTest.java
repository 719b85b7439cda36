package dev.oriel.rdp.rail.pdu;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertDecodes;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.error.EncodeException;
import dev.oriel.rdp.core.testutil.Mutator;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RAIL PDU: encode → exact bytes, decode → exact fields, every truncation rejected. The byte strings are
 * written out field by field from the layouts in [MS-RDPERP] 2.2.2 (little-endian; orderLength counts the header);
 * values such as the handshake build 0x1DB0 and the client status flags are the ones FreeRDP 2.11's client sends.
 */
class RailPduGoldenTest {

    static String utf16(String s) {
        return hex(s.getBytes(StandardCharsets.UTF_16LE));
    }

    static String padded(String s, int fieldBytes) {
        return utf16(s) + "00".repeat(fieldBytes - 2 * s.length());
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(new Handshake(0x1DB0), "0500 0800 b01d0000"),
                Arguments.of(new HandshakeEx(0, HandshakeEx.TS_RAIL_ORDER_HANDSHAKEEX_FLAGS_HIDEF
                        | HandshakeEx.TS_RAIL_ORDER_HANDSHAKE_EX_FLAGS_EXTENDED_SPI_SUPPORTED), "1300 0c00 00000000 03000000"),
                Arguments.of(new ClientStatus(0x2D5), "0b00 0800 d5020000"),
                Arguments.of(new Activate(0x12345678L, true), "0200 0900 78563412 01"),
                Arguments.of(new SysCommand(7, SysCommand.SC_MINIMIZE), "0400 0a00 07000000 20f0"),
                Arguments.of(new NotifyEvent(5, 1, NotifyEvent.WM_LBUTTONUP), "0600 1000 05000000 01000000 02020000"),
                Arguments.of(new WindowMove(9, new WindowRect(-10, 20, 300, 200)), "0800 1000 09000000 f6ff 1400 2c01 c800"),
                Arguments.of(new LocalMoveSize(9, true, LocalMoveSize.RAIL_WMSZ_MOVE, 100, 5),
                        "0900 1000 09000000 0100 0900 6400 0500"),
                Arguments.of(new MinMaxInfo(9, 1024, 768, 0, 0, 200, 100, 1024, 768),
                        "0a00 1800 09000000 0004 0003 0000 0000 c800 6400 0004 0003"),
                Arguments.of(new SysMenu(9, 15, -3), "0c00 0c00 09000000 0f00 fdff"),
                Arguments.of(new LangBarInfo(LangBarInfo.TF_SFT_HIDDEN), "0d00 0800 08000000"),
                Arguments.of(new GetAppIdRequest(9), "0e00 0800 09000000"),
                Arguments.of(new GetAppIdResponse(9, "notepad"), "0f00 1002 09000000" + padded("notepad", 520)),
                Arguments.of(new GetAppIdResponseEx(9, "notepad", 1234, "/usr/bin/notepad"),
                        "1800 1c04 09000000" + padded("notepad", 520) + "d2040000" + padded("/usr/bin/notepad", 520)),
                Arguments.of(new TaskbarInfo(TaskbarInfo.RAIL_TASKBAR_MSG_TAB_REGISTER, 9, 0),
                        "1000 1000 01000000 09000000 00000000"),
                Arguments.of(new LanguageImeInfo(LanguageImeInfo.TF_PROFILETYPE_KEYBOARDLAYOUT, 0x0409,
                        Bytes.of(new byte[16]), Bytes.ofHex("0102030405060708090a0b0c0d0e0f10"), 0x0409),
                        "1100 2e00 02000000 0904" + "00".repeat(16) + "0102030405060708090a0b0c0d0e0f10" + "09040000"),
                Arguments.of(new CompartmentInfo(1, 2, 3, 0), "1200 1400 01000000 02000000 03000000 00000000"),
                Arguments.of(new ZOrderSync(0xFFFF_FFFEL), "1400 0800 feffffff"),
                Arguments.of(new Cloak(9, true), "1500 0900 09000000 01"),
                Arguments.of(new PowerDisplayRequest(1), "1600 0800 01000000"),
                Arguments.of(new SnapArrange(9, new WindowRect(0, 0, 512, 768)), "1700 1000 09000000 0000 0000 0002 0003"),
                Arguments.of(new TextScaleInfo(125), "1900 0800 7d000000"),
                Arguments.of(new CaretBlinkInfo(530), "1a00 0800 12020000"),
                Arguments.of(new Exec(0, "||notepad", "", ""), "0100 1e00 0000 1200 0000 0000" + utf16("||notepad")),
                Arguments.of(new Exec(Exec.TS_RAIL_EXEC_FLAG_EXPAND_ARGUMENTS, "paint", "/home/demo", "-x"),
                        "0100 2e00 0800 0a00 1400 0400" + utf16("paint") + utf16("/home/demo") + utf16("-x")),
                Arguments.of(new ExecResult(0, ExecResult.RAIL_EXEC_S_OK, 0, "||notepad"),
                        "8000 2200 0000 0000 00000000 0000 1200" + utf16("||notepad")),
                Arguments.of(new ExecResult(0, ExecResult.RAIL_EXEC_E_NOT_IN_ALLOWLIST, 0x80070005L, "calc"),
                        "8000 1800 0000 0300 05000780 0000 0800" + utf16("calc")),
                Arguments.of(new SysParam(SysParam.SPI_SET_DRAG_FULL_WINDOWS, new SysParam.Value.Flag(true)),
                        "0300 0900 25000000 01"),
                Arguments.of(new SysParam(SysParam.SPI_SET_SCREEN_SAVE_SECURE, new SysParam.Value.Flag(false)),
                        "0300 0900 77000000 00"),
                Arguments.of(new SysParam(SysParam.SPI_SET_WORK_AREA, new SysParam.Value.Rectangle(0, 0, 1024, 768)),
                        "0300 1000 2f000000 0000 0000 0004 0003"),
                Arguments.of(new SysParam(SysParam.SPI_SET_HIGH_CONTRAST, new SysParam.Value.HighContrast(0x7E, "")),
                        "0300 1200 43000000 7e000000 02000000 0000"),
                Arguments.of(new SysParam(SysParam.SPI_SET_HIGH_CONTRAST, new SysParam.Value.HighContrast(1, "Black")),
                        "0300 1c00 43000000 01000000 0c000000 0a00" + utf16("Black")),
                Arguments.of(new SysParam(SysParam.SPI_SETCARETWIDTH, new SysParam.Value.Number(2)),
                        "0300 0c00 07200000 02000000"),
                Arguments.of(new SysParam(SysParam.SPI_SETFILTERKEYS, new SysParam.Value.FilterKeys(1, 1000, 500, 100, 0)),
                        "0300 1c00 33000000 01000000 e8030000 f4010000 64000000 00000000"),
                Arguments.of(new SysParam(0x1234, new SysParam.Value.Unknown(Bytes.ofHex("abcd"))),
                        "0300 0a00 34120000 abcd"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void goldenBytes(RailPdu pdu, String wire) {
        assertGolden(pdu, hex(wire), RailPdu::decode);
        assertEveryTruncationRejected(hex(wire), RailPdu::decode);
    }

    @Test
    void everyOrderTypeHasAVector() {
        assertThat(vectors().map(a -> ((RailPdu) a.get()[0]).orderType()).distinct().count())
                .as("distinct order types with a golden vector").isEqualTo(RailPdu.class.getPermittedSubclasses().length);
    }

    @Test
    void freerdp2CountsTheTerminatorInExecStringsAndItIsDropped() {
        // FreeRDP 2.x sends exeOrFile with its NUL in the length (utf8_string_to_rail_string).
        Exec exec = (Exec) assertDecodes(hex("0100 2000 0000 1400 0000 0000" + utf16("||notepad") + "0000"), RailPdu::decode);
        assertThat(exec.exeOrFile()).isEqualTo("||notepad");
    }

    @Test
    void bytesAfterTheKnownFieldsInsideOrderLengthAreSkippedAndNothingBeyondIsRead() {
        ByteBuf src = Unpooled.wrappedBuffer(hex("0500 0a00 b01d0000 ffff" + "0b00 0800 04000000"));
        try {
            assertThat(RailPdu.decode(src)).isEqualTo(new Handshake(0x1DB0));
            assertThat(src.readerIndex()).as("exactly orderLength consumed").isEqualTo(10);
            assertThat(RailPdu.decode(src)).isEqualTo(new ClientStatus(ClientStatus.TS_RAIL_CLIENTSTATUS_ZORDER_SYNC));
        } finally {
            src.release();
        }
    }

    @Test
    void malformedHeadersAreRejectedNamingTheField() {
        assertThat(assertRejected(hex("0500 0300 b01d0000"), RailPdu::decode)).hasMessageContaining("orderLength");
        assertThat(assertRejected(hex("0500 0c00 b01d0000"), RailPdu::decode)).hasMessageContaining("RailPdu");
        assertThat(assertRejected(hex("0500 0600 b01d"), RailPdu::decode)).hasMessageContaining("Handshake");
        assertThat(assertRejected(hex("ff00 0400"), RailPdu::decode).error())
                .isInstanceOf(DecodeError.UnexpectedMessageType.class);
        assertThat(assertRejected(hex("0700 0400"), RailPdu::decode).error())
                .as("0x0007 is not a RAIL order type").isInstanceOf(DecodeError.UnexpectedMessageType.class);
    }

    @Test
    void badExecLengthsAreRejected() {
        assertThat(assertRejected(hex("0100 0c00 0000 0000 0000 0000"), RailPdu::decode))
                .hasMessageContaining("exeOrFileLength");
        assertThat(assertRejected(hex("0100 0c00 0000 0a02 0000 0000"), RailPdu::decode))
                .as("exeOrFile over 520 bytes").hasMessageContaining("exeOrFileLength");
        assertThat(assertRejected(hex("0100 0c00 0000 0300 0000 0000"), RailPdu::decode))
                .as("odd UTF-16 length").hasMessageContaining("exeOrFile");
        assertThat(assertRejected(hex("0100 1200 0000 0200 0000 823e" + "6100 0000 0000"), RailPdu::decode))
                .as("arguments over 16000 bytes").hasMessageContaining("argumentsLength");
        assertThat(assertRejected(hex("0100 1000 0000 0200 0000 0800" + "6100 0000"), RailPdu::decode))
                .as("arguments past the body").hasMessageContaining("Exec");
    }

    @Test
    void badStringLengthsAreRejected() {
        assertThat(assertRejected(hex("8000 1000 0000 0000 00000000 0000 0a02"), RailPdu::decode))
                .as("Exec Result program over 520 bytes").hasMessageContaining("exeOrFile");
        assertThat(assertRejected(hex("0300 1500 43000000 00000000 05000000 0300 610062"), RailPdu::decode))
                .as("odd colour scheme length").hasMessageContaining("colorScheme");
        assertThat(assertRejected(hex("0300 1000 43000000 00000000 04000000"), RailPdu::decode))
                .as("high contrast without its string").hasMessageContaining("SysParam");
    }

    @Test
    void recordsRefuseValuesTheirFieldsCannotCarry() {
        assertThatThrownBy(() -> new WindowRect(40_000, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("left");
        assertThatThrownBy(() -> new Handshake(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Exec(0, "x".repeat(261), "", "")).isInstanceOf(EncodeException.class)
                .hasMessageContaining("exeOrFile");
        assertThatThrownBy(() -> new GetAppIdResponse(1, "x".repeat(260))).isInstanceOf(EncodeException.class);
        assertThatThrownBy(() -> new LanguageImeInfo(1, 1, Bytes.of(new byte[15]), Bytes.of(new byte[16]), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutatedPdusAreRejectedOnlyWithDecodeExceptions() {
        List<byte[]> vectors = vectors().map(a -> hex((String) a.get()[1])).toList();
        int rejected = 0;
        for (long seed = 0; seed < 5000; seed++) {
            Mutator m = new Mutator(seed);
            byte[] mutated = m.mutate(vectors.get(m.random().nextInt(vectors.size())));
            rejected += Mutator.expectOnlyRdpExceptions(seed, mutated, () -> {
                ByteBuf src = Unpooled.wrappedBuffer(mutated);
                try {
                    RailPdu.decode(src);
                } finally {
                    src.release();
                }
            }) ? 1 : 0;
        }
        assertThat(rejected).isGreaterThan(500);
    }
}
