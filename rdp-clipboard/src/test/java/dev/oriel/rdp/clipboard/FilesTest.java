package dev.oriel.rdp.clipboard;

import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.clipboard.pdu.ClipCaps;
import dev.oriel.rdp.clipboard.pdu.CliprdrPdu;
import dev.oriel.rdp.clipboard.pdu.FileContentsRequest;
import dev.oriel.rdp.clipboard.pdu.FileContentsResponse;
import dev.oriel.rdp.clipboard.pdu.FileDescriptor;
import dev.oriel.rdp.clipboard.pdu.FormatDataRequest;
import dev.oriel.rdp.clipboard.pdu.FormatDataResponse;
import dev.oriel.rdp.clipboard.pdu.FormatList;
import dev.oriel.rdp.clipboard.pdu.FormatList.Format;
import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.RecordingStaticChannelContext;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Files from the client: the descriptor list, name sanitising, and contents streamed in ranges. */
class FilesTest {

    @Test
    void aDescriptorListEncodesAndDecodesExactly() {
        FileDescriptor f = new FileDescriptor(FileDescriptor.FD_ATTRIBUTES | FileDescriptor.FD_FILESIZE
                | FileDescriptor.FD_WRITESTIME, FileDescriptor.FILE_ATTRIBUTE_NORMAL, 0x01D9_0000_0000_0000L,
                0x1_0000_0010L, "dir\\a.txt");
        byte[] wire = FileDescriptor.encodeList(List.of(f));
        assertThat(wire).hasSize(4 + 592);
        String expectedHead = "01000000" // cItems
                + "64000000" + "00".repeat(32) // flags, clsid, sizel, pointl
                + "80000000" + "00".repeat(16) // attributes, creation and access times
                + "000000000000d901" // last write time
                + "01000000" + "10000000"; // nFileSizeHigh, nFileSizeLow
        assertThat(hex(wire).substring(0, expectedHead.length())).isEqualTo(expectedHead);
        assertThat(FileDescriptor.decodeList(wire)).containsExactly(f);
    }

    static byte[] specVector(String name) throws java.io.IOException {
        try (var in = FilesTest.class.getResourceAsStream("/vectors/spec/" + name)) {
            return hex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
    }

    /** The spec's own example (section 4.5.4, first descriptor; see resources/vectors/spec/README.md). */
    @Test
    void theSpecsFileDescriptorExampleDecodes() throws Exception {
        byte[] wire = specVector("4.5.4-file-descriptor.hex");
        FileDescriptor f = FileDescriptor.decodeList(wire).get(0);
        assertThat(f).isEqualTo(new FileDescriptor(0x4064, 0x20, 0x01CA_55F3_2C30_5D08L, 44, "File1.txt"));
        assertThat(FileDescriptor.encodeList(List.of(f))).isEqualTo(wire);
    }

    @Test
    void badDescriptorListsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> FileDescriptor.decodeList(hex("02000000" + "00".repeat(592))))
                .isInstanceOf(DecodeException.class).hasMessageContaining("cItems");
        assertThatThrownBy(() -> FileDescriptor.decodeList(hex("ffffffff"))).isInstanceOf(DecodeException.class)
                .hasMessageContaining("cItems");
        assertThatThrownBy(() -> FileDescriptor.decodeList(hex("0100"))).isInstanceOf(DecodeException.class);
    }

    @Test
    void clientFileNamesAreMadeSafe() {
        assertThat(FileNames.sanitize("a.txt")).contains("a.txt");
        assertThat(FileNames.sanitize("dir\\sub\\b.txt")).contains("dir/sub/b.txt");
        assertThat(FileNames.sanitize(".\\x\\.\\y")).contains("x/y");
        assertThat(FileNames.sanitize("..\\..\\etc\\passwd")).isEmpty();
        assertThat(FileNames.sanitize("a\\..\\..\\b")).isEmpty();
        assertThat(FileNames.sanitize("C:\\Windows\\win.ini")).isEmpty();
        assertThat(FileNames.sanitize("\\\\server\\share\\f")).isEmpty();
        assertThat(FileNames.sanitize("/etc/passwd")).isEmpty();
        assertThat(FileNames.sanitize("")).isEmpty();
        assertThat(FileNames.sanitize("CON")).contains("_CON");
        assertThat(FileNames.sanitize("lpt1.txt")).contains("_lpt1.txt");
        assertThat(FileNames.sanitize("a<b>|?*\u0001.txt")).contains("a_b_____.txt");
        assertThat(FileNames.sanitize("trailing. . ")).contains("trailing");
        assertThat(FileNames.sanitize("...")).isEmpty();
        assertThat(FileNames.sanitize("x".repeat(300)).orElseThrow()).hasSize(FileNames.MAX_COMPONENT);
    }

    final SessionInfo info = new SessionInfo(1, new InetSocketAddress("127.0.0.1", 50000), Optional.empty(),
            Optional.empty(), "SSL", "c", 1, new DesktopSize(800, 600), 32, 0x409, 4, 0, 12, List.of(),
            List.of("cliprdr"), "u", "", "", "", "", 0, Optional.empty());
    final RecordingStaticChannelContext ctx = new RecordingStaticChannelContext("cliprdr", 1005);
    final CliprdrChannel channel = new CliprdrChannel(info, mime -> CompletableFuture.failedFuture(
            new IllegalStateException()), 64 << 20, Runnable::run, 60_000);

    void receive(CliprdrPdu pdu) {
        channel.process(Unpooled.wrappedBuffer(pdu.toByteArray()));
    }

    CliprdrPdu lastSent() {
        byte[] b = ctx.sent.remove(ctx.sent.size() - 1);
        return CliprdrPdu.decode(Unpooled.wrappedBuffer(b), true);
    }

    @Test
    void clientFilesAreListedSanitisedAndStreamedInRanges() throws Exception {
        channel.start(ctx);
        receive(ClipCaps.general(ClipCaps.CB_CAPS_VERSION_2, ClipCaps.CB_USE_LONG_FORMAT_NAMES
                | ClipCaps.CB_STREAM_FILECLIP_ENABLED));
        receive(new FormatList(List.of(new Format(0xC0B0, "FileGroupDescriptorW"), new Format(0xC0B1, "FileContents")),
                FormatList.Encoding.LONG));
        assertThat(channel.clientOffer()).containsExactly(ClipboardMime.FILES);

        CompletableFuture<List<ClientFile>> listed = channel.requestClientFiles();
        assertThat(lastSent()).isEqualTo(new FormatDataRequest(0xC0B0));
        long size = CliprdrChannel.FILE_CHUNK + 5;
        receive(new FormatDataResponse(true, Bytes.of(FileDescriptor.encodeList(List.of(
                new FileDescriptor(0, FileDescriptor.FILE_ATTRIBUTE_DIRECTORY, 0, 0, "docs"),
                new FileDescriptor(FileDescriptor.FD_FILESIZE, 0, 0, size, "docs\\big.bin"),
                new FileDescriptor(0, 0, 0, 1, "..\\evil"))))));
        List<ClientFile> files = listed.get();
        assertThat(files).containsExactly(new ClientFile(0, "docs", 0, true), new ClientFile(1, "docs/big.bin", size,
                false));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Long> copied = channel.copyClientFile(files.get(1), out);
        FileContentsRequest first = (FileContentsRequest) lastSent();
        assertThat(first).isEqualTo(new FileContentsRequest(first.streamId(), 1, FileContentsRequest.FILECONTENTS_RANGE,
                0, CliprdrChannel.FILE_CHUNK, java.util.OptionalLong.empty()));
        receive(new FileContentsResponse(true, first.streamId(), Bytes.of(new byte[CliprdrChannel.FILE_CHUNK])));
        FileContentsRequest second = (FileContentsRequest) lastSent();
        assertThat(second.position()).isEqualTo(CliprdrChannel.FILE_CHUNK);
        assertThat(second.cbRequested()).isEqualTo(5);
        assertThat(second.streamId()).isNotEqualTo(first.streamId());
        receive(new FileContentsResponse(true, 999, Bytes.ofHex("00"))); // nobody asked: ignored
        receive(new FileContentsResponse(true, second.streamId(), Bytes.of("tail!".getBytes(StandardCharsets.US_ASCII))));
        assertThat(copied.get()).isEqualTo(size);
        assertThat(out.size()).isEqualTo((int) size);

        CompletableFuture<byte[]> refused = channel.readClientFile(files.get(1), 0, 10);
        FileContentsRequest third = (FileContentsRequest) lastSent();
        receive(new FileContentsResponse(false, third.streamId(), Bytes.EMPTY));
        assertThatThrownBy(refused::get).hasMessageContaining("refused");
        assertThatThrownBy(() -> channel.readClientFile(files.get(1), 0, CliprdrChannel.FILE_CHUNK + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileRangeTheClientNeverAnswersFailsAfterTheTimeout() {
        CliprdrChannel quick = new CliprdrChannel(info, mime -> CompletableFuture.failedFuture(
                new IllegalStateException()), 64 << 20, Runnable::run, 50);
        quick.start(ctx);
        CompletableFuture<byte[]> read = quick.readClientFile(new ClientFile(0, "a", 10, false), 0, 10);
        assertThatThrownBy(() -> read.get(5, java.util.concurrent.TimeUnit.SECONDS))
                .hasMessageContaining("did not answer");
    }
}
