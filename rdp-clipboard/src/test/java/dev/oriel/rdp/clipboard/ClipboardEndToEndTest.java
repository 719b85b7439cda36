package dev.oriel.rdp.clipboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.clipboard.pdu.ClipCaps;
import dev.oriel.rdp.clipboard.pdu.CliprdrPdu;
import dev.oriel.rdp.clipboard.pdu.FileContentsRequest;
import dev.oriel.rdp.clipboard.pdu.FileContentsResponse;
import dev.oriel.rdp.clipboard.pdu.FileDescriptor;
import dev.oriel.rdp.clipboard.pdu.FormatDataRequest;
import dev.oriel.rdp.clipboard.pdu.FormatDataResponse;
import dev.oriel.rdp.clipboard.pdu.FormatList;
import dev.oriel.rdp.clipboard.pdu.FormatListResponse;
import dev.oriel.rdp.clipboard.pdu.MonitorReady;
import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.RdpServer;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.security.TlsIdentities;
import dev.oriel.rdp.testkit.client.ClientOptions;
import dev.oriel.rdp.testkit.client.RdpTestClient;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clipboard over TLS on loopback, with the test kit's client playing a Windows-like cliprdr client: pasting
 * files from the server (the list, then sizes and ranges, as a client reads them; xfreerdp 2.11 cannot paste server
 * files into X11), and pastes that are too large.
 */
class ClipboardEndToEndTest {

    static CliprdrPdu next(RdpTestClient client) throws InterruptedException {
        byte[] m = client.channelMessages("cliprdr").poll(20, TimeUnit.SECONDS);
        assertThat(m).as("a cliprdr message from the server").isNotNull();
        return CliprdrPdu.decode(Unpooled.wrappedBuffer(m), true);
    }

    static void send(RdpTestClient client, CliprdrPdu pdu) throws Exception {
        client.sendChannel("cliprdr", pdu.toByteArray());
    }

    @Test
    void aClientPastesAFileTheServerCopied(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * CliprdrChannel.FILE_CHUNK + 123];
        new Random(7).nextBytes(content);
        Path file = dir.resolve("report 2026.bin");
        Files.write(file, content);
        InMemoryClipboard clipboard = new InMemoryClipboard();
        try (RdpServer server = RdpServer.builder(new InetSocketAddress("127.0.0.1", 0),
                TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom()))
                .staticChannel(new ClipboardServer(info -> clipboard))
                .admission(info -> CompletableFuture.completedFuture(SessionDecision.accept(new DesktopSize(64, 64),
                        new SessionListener() { })))
                .build()) {
            server.start().toCompletableFuture().join();
            try (RdpTestClient client = RdpTestClient.connect(server.localAddress(),
                    ClientOptions.defaults().withSize(64, 64).withChannels(List.of("cliprdr")))) {
                assertThat(next(client)).isInstanceOf(ClipCaps.class);
                assertThat(next(client)).isEqualTo(MonitorReady.INSTANCE);
                send(client, ClipCaps.general(ClipCaps.CB_CAPS_VERSION_2, ClipCaps.CB_USE_LONG_FORMAT_NAMES
                        | ClipCaps.CB_STREAM_FILECLIP_ENABLED | ClipCaps.CB_FILECLIP_NO_FILE_PATHS));
                send(client, new FormatList(List.of(), FormatList.Encoding.LONG));
                assertThat(next(client)).isEqualTo(new FormatListResponse(true));

                clipboard.setFiles(List.of(file));
                FormatList offer = (FormatList) next(client);
                send(client, new FormatListResponse(true));
                long listId = offer.formats().stream().filter(f -> f.name().equals("FileGroupDescriptorW"))
                        .findFirst().orElseThrow().id();
                assertThat(offer.formats()).anyMatch(f -> f.name().equals("FileContents"));

                send(client, new FormatDataRequest(listId));
                FormatDataResponse list = (FormatDataResponse) next(client);
                List<FileDescriptor> files = FileDescriptor.decodeList(list.data().toArray());
                assertThat(files).hasSize(1);
                assertThat(files.get(0).name()).isEqualTo("report 2026.bin");
                assertThat(files.get(0).size()).isEqualTo(content.length);

                send(client, new FileContentsRequest(1, 0, FileContentsRequest.FILECONTENTS_SIZE, 0, 8,
                        OptionalLong.empty()));
                assertThat(next(client)).isEqualTo(FileContentsResponse.size(1, content.length));

                ByteArrayOutputStream got = new ByteArrayOutputStream();
                long stream = 2;
                for (long offset = 0; offset < content.length; offset += CliprdrChannel.FILE_CHUNK, stream++) {
                    send(client, new FileContentsRequest(stream, 0, FileContentsRequest.FILECONTENTS_RANGE, offset,
                            CliprdrChannel.FILE_CHUNK, OptionalLong.empty()));
                    FileContentsResponse r = (FileContentsResponse) next(client);
                    assertThat(r.ok()).isTrue();
                    assertThat(r.streamId()).isEqualTo(stream);
                    got.write(r.data().toArray());
                }
                assertThat(got.toByteArray()).isEqualTo(content);

                // A file that is not on the list: refused, and the channel carries on.
                send(client, new FileContentsRequest(99, 5, FileContentsRequest.FILECONTENTS_SIZE, 0, 8,
                        OptionalLong.empty()));
                assertThat(next(client)).isEqualTo(new FileContentsResponse(false, 99, dev.oriel.rdp.core.wire.Bytes.EMPTY));
            }
        }
    }

    /**
     * Oversize pastes from the client fail cleanly and the clipboard keeps working: one over the clipboard's own limit
     * (512 KiB here), one over the channel's message limit (1 MiB here, skipped by the channel layer unbuffered).
     */
    @Test
    void oversizePastesFailCleanlyAndTheNextPasteWorks() throws Exception {
        InMemoryClipboard clipboard = new InMemoryClipboard();
        try (RdpServer server = RdpServer.builder(new InetSocketAddress("127.0.0.1", 0),
                TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom()))
                .limits(dev.oriel.rdp.core.api.Limits.defaults().withMaxSvcMessageLength(1 << 20))
                .staticChannel(new ClipboardServer(info -> clipboard, 512 << 10))
                .admission(info -> CompletableFuture.completedFuture(SessionDecision.accept(new DesktopSize(64, 64),
                        new SessionListener() { })))
                .build()) {
            server.start().toCompletableFuture().join();
            try (RdpTestClient client = RdpTestClient.connect(server.localAddress(),
                    ClientOptions.defaults().withSize(64, 64).withChannels(List.of("cliprdr")))) {
                next(client);
                next(client);
                send(client, ClipCaps.general(ClipCaps.CB_CAPS_VERSION_2, ClipCaps.CB_USE_LONG_FORMAT_NAMES));
                send(client, new FormatList(List.of(new FormatList.Format(FormatList.Format.CF_UNICODETEXT, "")),
                        FormatList.Encoding.LONG));
                assertThat(next(client)).isEqualTo(new FormatListResponse(true));
                dev.oriel.rdp.testkit.x11.Poll.awaitCondition(java.time.Duration.ofSeconds(20), "the client offer",
                        () -> clipboard.clientOffer().contains(ClipboardMime.TEXT));

                for (int size : new int[] {700 << 10, 2 << 20}) {
                    CompletableFuture<java.util.Optional<String>> paste = clipboard.pasteText();
                    assertThat(next(client)).isInstanceOf(FormatDataRequest.class);
                    send(client, new FormatDataResponse(true, dev.oriel.rdp.core.wire.Bytes.of(new byte[size])));
                    CompletableFuture<java.util.Optional<String>> failed = paste;
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> failed.get(20, TimeUnit.SECONDS))
                            .hasMessageContaining("exceeds the limit");
                }

                CompletableFuture<java.util.Optional<String>> paste = clipboard.pasteText();
                assertThat(next(client)).isInstanceOf(FormatDataRequest.class);
                send(client, new FormatDataResponse(true, dev.oriel.rdp.core.wire.Bytes.of(
                        dev.oriel.rdp.clipboard.convert.TextFormats.toUnicodeText("still works".getBytes(
                                java.nio.charset.StandardCharsets.UTF_8)))));
                assertThat(paste.get(20, TimeUnit.SECONDS)).contains("still works");
                assertThat(server.sessions()).hasSize(1);
            }
        }
    }
}
