package dev.oriel.rdp.clipboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.clipboard.pdu.ClipCaps;
import dev.oriel.rdp.clipboard.pdu.CliprdrPdu;
import dev.oriel.rdp.clipboard.pdu.FormatDataRequest;
import dev.oriel.rdp.clipboard.pdu.FormatDataResponse;
import dev.oriel.rdp.clipboard.pdu.FormatList;
import dev.oriel.rdp.clipboard.pdu.FormatList.Format;
import dev.oriel.rdp.clipboard.pdu.FormatListResponse;
import dev.oriel.rdp.clipboard.pdu.MonitorReady;
import dev.oriel.rdp.clipboard.convert.HtmlFormat;
import dev.oriel.rdp.clipboard.convert.TextFormats;
import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.error.SequenceException;
import dev.oriel.rdp.core.testutil.RecordingStaticChannelContext;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The clipboard channel sans I/O: what the client sends in, what goes out, what the backend sees. */
class CliprdrChannelTest {
    final SessionInfo info = new SessionInfo(1, new InetSocketAddress("127.0.0.1", 50000), Optional.empty(),
            Optional.empty(), "SSL", "c", 1, new DesktopSize(800, 600), 32, 0x409, 4, 0, 12, List.of(),
            List.of("cliprdr"), "u", "", "", "", "", 0, Optional.empty());
    final RecordingStaticChannelContext ctx = new RecordingStaticChannelContext("cliprdr", 1005);
    final InMemoryClipboard backend = new InMemoryClipboard();
    final List<Set<String>> offers = new ArrayList<>();
    final ClipboardBackend recording = new ClipboardBackend() {
        @Override
        public void onReady(CliprdrChannel channel) {
            backend.onReady(channel);
        }

        @Override
        public void onClientOffer(Set<String> mimeTypes) {
            offers.add(mimeTypes);
            backend.onClientOffer(mimeTypes);
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> provide(String mimeType) {
            return backend.provide(mimeType);
        }
    };
    /** Conversions run inline and requests time out after 50 ms, so the test needs no waiting. */
    final CliprdrChannel channel = new CliprdrChannel(info, recording, 1 << 20, Runnable::run, 50);

    void receive(CliprdrPdu pdu) {
        channel.process(Unpooled.wrappedBuffer(pdu.toByteArray()));
    }

    List<CliprdrPdu> sent(boolean longNames) {
        List<CliprdrPdu> out = new ArrayList<>();
        for (byte[] b : ctx.sent) {
            out.add(CliprdrPdu.decode(Unpooled.wrappedBuffer(b), longNames));
        }
        ctx.sent.clear();
        return out;
    }

    void startWithLongNames() {
        channel.start(ctx);
        receive(ClipCaps.general(ClipCaps.CB_CAPS_VERSION_2, ClipCaps.CB_USE_LONG_FORMAT_NAMES));
    }

    @Test
    void capabilitiesComeBeforeMonitorReady() {
        channel.start(ctx);
        assertThat(sent(true)).containsExactly(ClipCaps.general(ClipCaps.CB_CAPS_VERSION_2,
                ClipCaps.CB_USE_LONG_FORMAT_NAMES | ClipCaps.CB_STREAM_FILECLIP_ENABLED
                        | ClipCaps.CB_FILECLIP_NO_FILE_PATHS | ClipCaps.CB_HUGE_FILE_SUPPORT_ENABLED),
                MonitorReady.INSTANCE);
    }

    @Test
    void aClientFormatListIsAnsweredAndMappedToTypes() {
        startWithLongNames();
        sent(true);
        receive(new FormatList(List.of(new Format(Format.CF_TEXT, ""), new Format(Format.CF_UNICODETEXT, ""),
                new Format(0xD010, "HTML Format"), new Format(Format.CF_DIB, ""), new Format(0xC0FF, "Rich Text Format")),
                FormatList.Encoding.LONG));
        assertThat(sent(true)).containsExactly(new FormatListResponse(true));
        assertThat(offers).containsExactly(Set.of(ClipboardMime.TEXT, ClipboardMime.HTML, ClipboardMime.PNG));
        assertThat(channel.clientOffer()).containsExactlyInAnyOrder(ClipboardMime.TEXT, ClipboardMime.HTML,
                ClipboardMime.PNG);
    }

    @Test
    void theServerPastesFromTheClientInTheBestFormatAndConverts() throws Exception {
        startWithLongNames();
        receive(new FormatList(List.of(new Format(Format.CF_TEXT, ""), new Format(Format.CF_UNICODETEXT, ""),
                new Format(0xD010, "HTML Format")), FormatList.Encoding.LONG));
        sent(true);
        CompletableFuture<byte[]> text = channel.requestClientData(ClipboardMime.TEXT);
        CompletableFuture<byte[]> html = channel.requestClientData(ClipboardMime.HTML);
        // One request at a time: the HTML request waits for the text answer.
        assertThat(sent(true)).containsExactly(new FormatDataRequest(Format.CF_UNICODETEXT));
        receive(new FormatDataResponse(true, Bytes.of(TextFormats.toUnicodeText("a\nb".getBytes(StandardCharsets.UTF_8)))));
        assertThat(text.get()).isEqualTo("a\nb".getBytes(StandardCharsets.UTF_8));
        assertThat(sent(true)).containsExactly(new FormatDataRequest(0xD010));
        receive(new FormatDataResponse(true, Bytes.of(HtmlFormat.toCfHtml("<b>x</b>".getBytes(StandardCharsets.UTF_8)))));
        assertThat(html.get()).isEqualTo("<b>x</b>".getBytes(StandardCharsets.UTF_8));

        CompletableFuture<byte[]> missing = channel.requestClientData(ClipboardMime.PNG);
        assertThatThrownBy(missing::get).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusalsTimeoutsAndOversizeDataFailThePasteAndTheNextOneStillWorks() throws Exception {
        startWithLongNames();
        receive(new FormatList(List.of(new Format(Format.CF_UNICODETEXT, "")), FormatList.Encoding.LONG));
        sent(true);
        CompletableFuture<byte[]> refused = channel.requestClientData(ClipboardMime.TEXT);
        receive(FormatDataResponse.failed());
        assertThatThrownBy(refused::get).hasMessageContaining("refused");

        CompletableFuture<byte[]> tooLarge = channel.requestClientData(ClipboardMime.TEXT);
        channel.messageDropped(70L << 20); // the channel skipped a 70 MiB message
        assertThatThrownBy(tooLarge::get).hasMessageContaining("exceeds the limit");

        CompletableFuture<byte[]> big = channel.requestClientData(ClipboardMime.TEXT);
        receive(new FormatDataResponse(true, Bytes.of(new byte[(1 << 20) + 2])));
        assertThatThrownBy(big::get).hasMessageContaining("exceeds the limit");

        CompletableFuture<byte[]> unanswered = channel.requestClientData(ClipboardMime.TEXT);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> unanswered.get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertThat(e.getCause()).hasMessageContaining("did not answer");
        sent(true);
        // The late answer to the timed-out request is discarded; the next paste gets its own answer.
        CompletableFuture<byte[]> next = channel.requestClientData(ClipboardMime.TEXT);
        receive(new FormatDataResponse(true, Bytes.of(TextFormats.toUnicodeText("late".getBytes(StandardCharsets.UTF_8)))));
        assertThat(next).isNotDone();
        receive(new FormatDataResponse(true, Bytes.of(TextFormats.toUnicodeText("ok".getBytes(StandardCharsets.UTF_8)))));
        assertThat(next.get()).isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theServerOffersItsClipboardAndAnswersTheClientsRequestsInOrder() {
        startWithLongNames();
        sent(true);
        backend.set(Map.of(ClipboardMime.TEXT, "héllo".getBytes(StandardCharsets.UTF_8)));
        FormatList list = (FormatList) sent(true).get(0);
        assertThat(list.encoding()).isEqualTo(FormatList.Encoding.LONG);
        assertThat(list.formats()).containsExactly(new Format(Format.CF_UNICODETEXT, ""));

        receive(new FormatDataRequest(Format.CF_UNICODETEXT));
        receive(new FormatDataRequest(0xBEEF)); // not offered
        assertThat(sent(true)).containsExactly(
                new FormatDataResponse(true, Bytes.of(TextFormats.toUnicodeText("héllo".getBytes(StandardCharsets.UTF_8)))),
                FormatDataResponse.failed());
    }

    @Test
    void withoutLongNamesTheServerSendsShortNames() {
        channel.start(ctx);
        receive(ClipCaps.general(ClipCaps.CB_CAPS_VERSION_1, 0));
        sent(false);
        backend.set(Map.of(ClipboardMime.HTML, "<p>x</p>".getBytes(StandardCharsets.UTF_8)));
        FormatList list = (FormatList) sent(false).get(0);
        assertThat(list.encoding()).isEqualTo(FormatList.Encoding.SHORT_UNICODE);
        assertThat(list.formats()).containsExactly(new Format(CliprdrChannel.ID_HTML, "HTML Format"));
    }

    @Test
    void anImageIsOfferedAsPngDibV5AndDibAndConvertedPerRequest() throws Exception {
        startWithLongNames();
        sent(true);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(2, 1,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0xFF112233);
        img.setRGB(1, 0, 0x80445566);
        byte[] png = dev.oriel.rdp.clipboard.convert.DibImages.toPng(img);
        backend.set(Map.of(ClipboardMime.PNG, png));
        assertThat(((FormatList) sent(true).get(0)).formats()).extracting(Format::id)
                .containsExactly((long) CliprdrChannel.ID_PNG, (long) Format.CF_DIBV5, (long) Format.CF_DIB);
        receive(new FormatDataRequest(Format.CF_DIB));
        FormatDataResponse dib = (FormatDataResponse) sent(true).get(0);
        java.awt.image.BufferedImage back = dev.oriel.rdp.clipboard.convert.DibImages.fromDib(dib.data().toArray());
        assertThat(back.getRGB(0, 0)).isEqualTo(0xFF112233);
        receive(new FormatDataRequest(CliprdrChannel.ID_PNG));
        assertThat(((FormatDataResponse) sent(true).get(0)).data().toArray()).isEqualTo(png);
    }

    @Test
    void aServerToClientPduFromTheClientIsASequenceError() {
        startWithLongNames();
        assertThatThrownBy(() -> receive(MonitorReady.INSTANCE)).isInstanceOf(SequenceException.class);
    }

    @Test
    void closingFailsPendingPastes() {
        startWithLongNames();
        receive(new FormatList(List.of(new Format(Format.CF_UNICODETEXT, "")), FormatList.Encoding.LONG));
        CompletableFuture<byte[]> pending = channel.requestClientData(ClipboardMime.TEXT);
        channel.close();
        assertThatThrownBy(pending::get).hasMessageContaining("session closed");
    }
}
