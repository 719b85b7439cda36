package dev.oriel.rdp.clipboard;

import dev.oriel.rdp.clipboard.convert.DibImages;
import dev.oriel.rdp.clipboard.convert.HtmlFormat;
import dev.oriel.rdp.clipboard.convert.TextFormats;
import dev.oriel.rdp.clipboard.pdu.ClipCaps;
import dev.oriel.rdp.clipboard.pdu.CliprdrPdu;
import dev.oriel.rdp.clipboard.pdu.FileContentsRequest;
import dev.oriel.rdp.clipboard.pdu.FileContentsResponse;
import dev.oriel.rdp.clipboard.pdu.FormatDataRequest;
import dev.oriel.rdp.clipboard.pdu.FormatDataResponse;
import dev.oriel.rdp.clipboard.pdu.FormatList;
import dev.oriel.rdp.clipboard.pdu.FormatList.Format;
import dev.oriel.rdp.clipboard.pdu.FormatListResponse;
import dev.oriel.rdp.clipboard.pdu.LockClipData;
import dev.oriel.rdp.clipboard.pdu.MonitorReady;
import dev.oriel.rdp.clipboard.pdu.TempDirectory;
import dev.oriel.rdp.clipboard.pdu.UnlockClipData;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.channel.svc.StaticChannelContext;
import dev.oriel.rdp.core.channel.svc.StaticChannelProcessor;
import dev.oriel.rdp.core.error.SequenceException;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the {@code cliprdr} static channel for one session ([MS-RDPECLIP] 3.3): capabilities and Monitor
 * Ready, the client's format lists (answered at once, data fetched only when the server pastes: delayed rendering),
 * the server's own offers, and format data both ways, converted between Windows formats and {@link ClipboardMime}
 * types. Requests in each direction are answered in order, one at a time, as the protocol has no request ids.
 *
 * <p>Confined to the connection's event loop; {@link #offer} and {@link #requestClientData} may be called from any
 * thread. Conversions of large data (images) run off the event loop.
 */
public final class CliprdrChannel implements StaticChannelProcessor {
    private static final Logger log = LoggerFactory.getLogger(CliprdrChannel.class);
    public static final String CHANNEL_NAME = "cliprdr";
    static final String NAME = "CliprdrChannel";
    /** Registered format ids Oriel uses in its own format lists ([MS-RDPECLIP] 1.3.1.2: ≥ 0xC000, named). */
    static final int ID_HTML = 0xC0A1;
    static final int ID_PNG = 0xC0A2;
    static final int ID_FILES = 0xC0A3;
    static final int ID_FILE_CONTENTS = 0xC0A4;
    static final String FILE_CONTENTS = "FileContents";
    /** The id FreeRDP gives image/png in its lists, without a name. */
    static final int FREERDP_PNG = 0xD011;
    static final String HTML_FORMAT = "HTML Format";
    static final String FILE_GROUP_DESCRIPTOR = "FileGroupDescriptorW";
    /**
     * Long names; file streaming without file paths (the client sends only names and contents, never its paths) and
     * with sizes over 4 GB. xfreerdp offers files only to a server that announces streaming.
     */
    static final long SERVER_FLAGS = ClipCaps.CB_USE_LONG_FORMAT_NAMES | ClipCaps.CB_STREAM_FILECLIP_ENABLED
            | ClipCaps.CB_FILECLIP_NO_FILE_PATHS | ClipCaps.CB_HUGE_FILE_SUPPORT_ENABLED;
    /** Largest range asked for in one File Contents Request. */
    public static final int FILE_CHUNK = 1 << 20;

    private final SessionInfo info;
    private final ClipboardBackend backend;
    private final long maxSize;
    private final Executor converter;
    private StaticChannelContext context;
    private boolean longNames;
    private String clientTempDirectory = "";
    /** The client's offer: MIME type → the client format to request it in, best first. */
    private Map<String, Format> clientFormats = Map.of();
    /** What the server offered last, by the id the client will request. */
    private Map<Long, String> offered = Map.of();
    private final Queue<Pending> outgoing = new ArrayDeque<>();
    /** Responses still owed for requests that timed out: they are discarded when they come. */
    private int staleResponses;
    private final long requestTimeoutMillis;
    private final Queue<Long> incoming = new ArrayDeque<>();
    private boolean answering;
    private boolean closed;
    private long nextStreamId = 1;
    private final Map<Long, CompletableFuture<byte[]>> fileReads = new LinkedHashMap<>();

    /** A data request the server sent, waiting for the client's Format Data Response. */
    private record Pending(String mime, Format format, CompletableFuture<byte[]> result) {
    }

    /**
     * @param requestTimeoutMillis how long the client may take to answer a data request; xfreerdp 2.11 sometimes never
     *                             answers one made while its own clipboard owner changes, and the protocol answers in
     *                             order, so one lost answer would otherwise stall every later paste
     */
    CliprdrChannel(SessionInfo info, ClipboardBackend backend, long maxSize, Executor converter,
            long requestTimeoutMillis) {
        this.info = info;
        this.backend = Objects.requireNonNull(backend, "backend");
        this.maxSize = maxSize;
        this.converter = converter;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    CliprdrChannel(SessionInfo info, ClipboardBackend backend, long maxSize) {
        this(info, backend, maxSize, ForkJoinPool.commonPool(), DEFAULT_REQUEST_TIMEOUT_MILLIS);
    }

    static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

    @Override
    public String name() {
        return CHANNEL_NAME;
    }

    /** [MS-RDPECLIP] 1.3.2.1: the server's capabilities come before Monitor Ready (P-CLIP-4). */
    @Override
    public void start(StaticChannelContext ctx) {
        this.context = ctx;
        ctx.send(ClipCaps.general(ClipCaps.CB_CAPS_VERSION_2, SERVER_FLAGS));
        ctx.send(MonitorReady.INSTANCE);
        call("onReady", () -> backend.onReady(this));
    }

    @Override
    public void process(ByteBuf message) {
        CliprdrPdu pdu = CliprdrPdu.decode(message, longNames);
        log.trace("Clipboard received connection={} pdu={}", info.connectionId(), pdu);
        if (pdu instanceof ClipCaps caps) {
            longNames = caps.general().map(g -> g.has(ClipCaps.CB_USE_LONG_FORMAT_NAMES)).orElse(false);
        } else if (pdu instanceof TempDirectory t) {
            clientTempDirectory = t.path();
        } else if (pdu instanceof FormatList list) {
            onClientFormatList(list);
        } else if (pdu instanceof FormatListResponse r) {
            if (!r.ok()) {
                log.warn("Clipboard: the client refused the server's format list connection={}", info.connectionId());
            }
        } else if (pdu instanceof FormatDataRequest r) {
            incoming.add(r.formatId());
            answerNext();
        } else if (pdu instanceof FormatDataResponse r) {
            onFormatData(r);
        } else if (pdu instanceof FileContentsRequest r) {
            onFileContentsRequest(r);
        } else if (pdu instanceof FileContentsResponse r) {
            onFileContents(r);
        } else if (pdu instanceof LockClipData || pdu instanceof UnlockClipData) {
            log.debug("Clipboard ignored connection={} pdu={}", info.connectionId(), pdu.name());
        } else {
            throw SequenceException.unexpected(NAME, pdu.name() + " (a server-to-client PDU)");
        }
    }

    /** The client's temporary directory, as it reported it (informational only). */
    public String clientTempDirectory() {
        return clientTempDirectory;
    }

    // ---- client → server ----------------------------------------------------------------------------------

    private void onClientFormatList(FormatList list) {
        // Answer first: the client waits for the response before it reacts to anything else.
        context.send(new FormatListResponse(true));
        Map<String, Format> byMime = new LinkedHashMap<>();
        for (Format f : list.formats()) {
            String mime = mimeOf(f);
            if (mime != null) {
                byMime.merge(mime, f, (a, b) -> rank(b) < rank(a) ? b : a);
            }
        }
        clientFormats = Collections.unmodifiableMap(byMime);
        Set<String> mimes = new LinkedHashSet<>(byMime.keySet());
        log.debug("Clipboard client offer connection={} formats={} types={}", info.connectionId(), list.formats().size(),
                mimes);
        call("onClientOffer", () -> backend.onClientOffer(mimes));
    }

    /** The type a client format carries, or null for formats Oriel does not take. */
    static String mimeOf(Format f) {
        String name = f.name();
        if (name.isEmpty()) {
            if (f.id() == Format.CF_UNICODETEXT || f.id() == Format.CF_TEXT) {
                return ClipboardMime.TEXT;
            }
            if (f.id() == Format.CF_DIB || f.id() == Format.CF_DIBV5 || f.id() == FREERDP_PNG) {
                return ClipboardMime.PNG;
            }
            return null;
        }
        if (name.equals(HTML_FORMAT)) {
            return ClipboardMime.HTML;
        }
        if (name.equals(FILE_GROUP_DESCRIPTOR)) {
            return ClipboardMime.FILES;
        }
        if (name.equalsIgnoreCase("PNG") || name.equalsIgnoreCase("image/png")) {
            return ClipboardMime.PNG;
        }
        return null;
    }

    /**
     * Lower is better: registered and native forms first. FreeRDP's unnamed PNG comes last: xfreerdp 2.11 lists it
     * but fails every request for it (it cannot convert image/png into a clipboard format), while its CF_DIB works.
     */
    private static int rank(Format f) {
        if (f.id() == FREERDP_PNG && f.name().isEmpty()) {
            return 3;
        }
        if (!f.name().isEmpty()) {
            return 0; // a registered PNG or HTML
        }
        if (f.id() == Format.CF_UNICODETEXT || f.id() == Format.CF_DIBV5) {
            return 1;
        }
        return 2; // CF_TEXT, CF_DIB
    }

    /** The types the client offers now. */
    public Set<String> clientOffer() {
        return clientFormats.keySet();
    }

    /**
     * Fetches the client's clipboard as {@code mimeType} (the server pastes). Fails when the client does not offer it,
     * refuses, or sends more than the limit. Callable from any thread.
     */
    public CompletableFuture<byte[]> requestClientData(String mimeType) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        executor().execute(() -> {
            Format f = clientFormats.get(mimeType);
            if (closed || f == null) {
                result.completeExceptionally(new IllegalStateException("the client does not offer " + mimeType));
                return;
            }
            outgoing.add(new Pending(mimeType, f, result));
            if (outgoing.size() == 1) {
                sendRequest(outgoing.peek());
            }
        });
        return result;
    }

    private void sendRequest(Pending p) {
        context.send(new FormatDataRequest(p.format().id()));
        CompletableFuture.delayedExecutor(requestTimeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS, executor())
                .execute(() -> {
                    if (outgoing.peek() == p && !p.result().isDone()) {
                        outgoing.poll();
                        staleResponses++;
                        log.warn("Clipboard: the client did not answer a data request connection={} type={} "
                                + "timeoutMs={}", info.connectionId(), p.mime(), requestTimeoutMillis);
                        p.result().completeExceptionally(new IllegalStateException("the client did not answer"));
                        sendNextRequest();
                    }
                });
    }

    private void onFormatData(FormatDataResponse r) {
        if (staleResponses > 0) {
            staleResponses--;
            log.debug("Clipboard: late answer to a timed-out request discarded connection={}", info.connectionId());
            return;
        }
        Pending p = outgoing.poll();
        if (p == null) {
            log.debug("Clipboard data nobody asked for connection={}", info.connectionId());
            return;
        }
        sendNextRequest();
        if (!r.ok()) {
            p.result().completeExceptionally(new IllegalStateException("the client refused to provide " + p.mime()));
            return;
        }
        if (r.data().length() > maxSize) {
            p.result().completeExceptionally(tooLarge(r.data().length()));
            return;
        }
        byte[] raw = r.data().toArray();
        CompletableFuture.supplyAsync(() -> fromWire(p.mime(), p.format(), raw), converter)
                .whenComplete((data, error) -> {
                    if (error != null) {
                        log.warn("Clipboard data from the client unusable connection={} type={} error={}",
                                info.connectionId(), p.mime(), error.toString());
                        p.result().completeExceptionally(error);
                    } else {
                        p.result().complete(data);
                    }
                });
    }

    private void sendNextRequest() {
        Pending next = outgoing.peek();
        if (next != null) {
            sendRequest(next);
        }
    }

    /** A client message over the channel limit was skipped: if it was the data we asked for, that paste fails. */
    @Override
    public void messageDropped(long declaredLength) {
        if (!fileReads.isEmpty()) {
            // A file range we asked for came back too large: those reads cannot be matched any more.
            fileReads.values().forEach(f -> f.completeExceptionally(tooLarge(declaredLength)));
            fileReads.clear();
            return;
        }
        Pending p = outgoing.poll();
        if (p != null) {
            log.warn("Clipboard paste from the client failed connection={} type={} length={} reason=too large",
                    info.connectionId(), p.mime(), declaredLength);
            p.result().completeExceptionally(tooLarge(declaredLength));
            sendNextRequest();
        }
    }

    private IllegalStateException tooLarge(long length) {
        return new IllegalStateException("clipboard data of " + length + " bytes exceeds the limit of " + maxSize);
    }

    static byte[] fromWire(String mime, Format f, byte[] data) {
        return switch (mime) {
            case ClipboardMime.TEXT -> f.id() == Format.CF_UNICODETEXT ? TextFormats.fromUnicodeText(data)
                    : TextFormats.fromAnsiText(data);
            case ClipboardMime.HTML -> HtmlFormat.fromCfHtml(data).orElseThrow(
                    () -> new IllegalArgumentException("HTML Format data without its header"));
            case ClipboardMime.PNG -> f.name().isEmpty() && f.id() != FREERDP_PNG
                    ? DibImages.toPng(DibImages.fromDib(data)) : DibImages.toPng(DibImages.fromPng(data));
            case ClipboardMime.FILES -> data; // the descriptor list, read by requestClientFiles
            default -> throw new IllegalArgumentException("unsupported type " + mime);
        };
    }

    // ---- files to the client ----------------------------------------------------------------------------

    /** The backend's files as a FileGroupDescriptorW list, Windows separators, sizes known. */
    private byte[] fileList() {
        List<dev.oriel.rdp.clipboard.pdu.FileDescriptor> list = new ArrayList<>();
        for (ServerFile f : backend.files()) {
            list.add(new dev.oriel.rdp.clipboard.pdu.FileDescriptor(
                    dev.oriel.rdp.clipboard.pdu.FileDescriptor.FD_ATTRIBUTES
                            | dev.oriel.rdp.clipboard.pdu.FileDescriptor.FD_FILESIZE
                            | dev.oriel.rdp.clipboard.pdu.FileDescriptor.FD_SHOWPROGRESSUI,
                    dev.oriel.rdp.clipboard.pdu.FileDescriptor.FILE_ATTRIBUTE_NORMAL, 0, f.size(),
                    f.path().replace('/', '\\')));
        }
        return dev.oriel.rdp.clipboard.pdu.FileDescriptor.encodeList(list);
    }

    /** The client pastes a file the server offered: its size, or a range of it ([MS-RDPECLIP] 2.2.5.3). */
    private void onFileContentsRequest(FileContentsRequest r) {
        List<ServerFile> files = backend.files();
        if (r.listIndex() >= files.size() || r.cbRequested() > FILE_CHUNK * 8L) {
            context.send(new FileContentsResponse(false, r.streamId(), Bytes.EMPTY));
            return;
        }
        int index = (int) r.listIndex();
        if (r.flags() == FileContentsRequest.FILECONTENTS_SIZE) {
            context.send(FileContentsResponse.size(r.streamId(), files.get(index).size()));
            return;
        }
        CompletionStage<byte[]> read;
        try {
            read = backend.readFile(index, r.position(), (int) r.cbRequested());
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        read.whenCompleteAsync((data, error) -> {
            if (closed) {
                return;
            }
            if (error != null) {
                log.warn("Clipboard file read failed connection={} index={} error={}", info.connectionId(), index,
                        error.toString());
                context.send(new FileContentsResponse(false, r.streamId(), Bytes.EMPTY));
            } else {
                context.send(new FileContentsResponse(true, r.streamId(), Bytes.of(data)));
            }
        }, executor());
    }

    // ---- files from the client ([MS-RDPECLIP] 1.3.2.2.3) ---------------------------------------------------

    /**
     * The files the client copied, from its FileGroupDescriptorW list. Names are sanitised ({@link FileNames}); an
     * entry whose name is refused (absolute, climbing out) is left out and logged.
     */
    public CompletableFuture<List<ClientFile>> requestClientFiles() {
        return requestClientData(ClipboardMime.FILES).thenApply(data -> {
            List<ClientFile> files = new ArrayList<>();
            List<dev.oriel.rdp.clipboard.pdu.FileDescriptor> list =
                    dev.oriel.rdp.clipboard.pdu.FileDescriptor.decodeList(data);
            for (int i = 0; i < list.size(); i++) {
                var d = list.get(i);
                int index = i;
                FileNames.sanitize(d.name()).ifPresentOrElse(
                        path -> files.add(new ClientFile(index, path, d.size(), d.isDirectory())),
                        () -> log.warn("Clipboard file refused connection={} name=\"{}\"", info.connectionId(),
                                d.name().replaceAll("\\p{Cntrl}", "?")));
            }
            return files;
        });
    }

    /** Reads {@code length} bytes of a client file from {@code offset} (one File Contents Request, RANGE). */
    public CompletableFuture<byte[]> readClientFile(ClientFile file, long offset, int length) {
        if (length <= 0 || length > FILE_CHUNK || offset < 0) {
            throw new IllegalArgumentException("bad range " + offset + "+" + length);
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        executor().execute(() -> {
            if (closed) {
                result.completeExceptionally(new IllegalStateException("session closed"));
                return;
            }
            long streamId = nextStreamId++ & 0xFFFF_FFFFL;
            fileReads.put(streamId, result);
            context.send(new FileContentsRequest(streamId, file.index(), FileContentsRequest.FILECONTENTS_RANGE,
                    offset, length, java.util.OptionalLong.empty()));
            // A client that never answers costs this read, not the copy forever; a late answer finds no reader.
            CompletableFuture.delayedExecutor(requestTimeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS,
                    executor()).execute(() -> {
                        if (fileReads.remove(streamId) != null) {
                            result.completeExceptionally(new IllegalStateException(
                                    "the client did not answer a file range request"));
                        }
                    });
        });
        return result;
    }

    /**
     * Streams a client file into {@code out}, one {@link #FILE_CHUNK} at a time, so a large file never sits in memory
     * whole. Writes run off the event loop. Completes with the number of bytes written; fails when the client
     * refuses a range or the file is shorter than announced.
     */
    public CompletableFuture<Long> copyClientFile(ClientFile file, java.io.OutputStream out) {
        if (file.directory()) {
            return CompletableFuture.completedFuture(0L);
        }
        return copyFrom(file, out, 0);
    }

    private CompletableFuture<Long> copyFrom(ClientFile file, java.io.OutputStream out, long offset) {
        if (offset >= file.size()) {
            return CompletableFuture.completedFuture(offset);
        }
        int n = (int) Math.min(FILE_CHUNK, file.size() - offset);
        return readClientFile(file, offset, n).thenComposeAsync(chunk -> {
            if (chunk.length == 0) {
                throw new IllegalStateException("the client sent no data at offset " + offset + " of " + file.path());
            }
            try {
                out.write(chunk);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return copyFrom(file, out, offset + chunk.length);
        }, converter);
    }

    private void onFileContents(FileContentsResponse r) {
        CompletableFuture<byte[]> f = fileReads.remove(r.streamId());
        if (f == null) {
            log.debug("Clipboard file contents nobody asked for connection={} stream={}", info.connectionId(),
                    r.streamId());
        } else if (r.ok()) {
            f.complete(r.data().toArray());
        } else {
            f.completeExceptionally(new IllegalStateException("the client refused a file range"));
        }
    }

    // ---- server → client ----------------------------------------------------------------------------------

    /**
     * The server's clipboard changed: tells the client which types it now holds (the data is produced by
     * {@link ClipboardBackend#provide} when the client pastes). Callable from any thread.
     */
    public void offer(Set<String> mimeTypes) {
        List<String> types = List.copyOf(mimeTypes);
        executor().execute(() -> {
            if (closed) {
                return;
            }
            List<Format> formats = new ArrayList<>();
            Map<Long, String> ids = new LinkedHashMap<>();
            for (String mime : types) {
                switch (mime) {
                    case ClipboardMime.TEXT -> add(formats, ids, new Format(Format.CF_UNICODETEXT, ""), mime);
                    case ClipboardMime.HTML -> add(formats, ids, new Format(ID_HTML, HTML_FORMAT), mime);
                    case ClipboardMime.PNG -> {
                        add(formats, ids, new Format(ID_PNG, "PNG"), mime);
                        add(formats, ids, new Format(Format.CF_DIBV5, ""), mime);
                        add(formats, ids, new Format(Format.CF_DIB, ""), mime);
                    }
                    case ClipboardMime.FILES -> {
                        // [MS-RDPECLIP] 1.3.1.2: the descriptor list, and the (never requested) contents format.
                        add(formats, ids, new Format(ID_FILES, FILE_GROUP_DESCRIPTOR), mime);
                        formats.add(new Format(ID_FILE_CONTENTS, FILE_CONTENTS));
                    }
                    default -> log.debug("Clipboard type not offered connection={} type={}", info.connectionId(), mime);
                }
            }
            offered = ids;
            context.send(longNames ? new FormatList(formats, FormatList.Encoding.LONG)
                    : FormatList.shortNames(formats));
        });
    }

    private static void add(List<Format> formats, Map<Long, String> ids, Format f, String mime) {
        formats.add(f);
        ids.put(f.id(), mime);
    }

    /** Answers the client's data requests one at a time, in order. */
    private void answerNext() {
        if (answering || closed) {
            return;
        }
        Long id = incoming.poll();
        if (id == null) {
            return;
        }
        String mime = offered.get(id);
        if (mime == null) {
            log.debug("Clipboard request for a format the server does not offer connection={} id=0x{}",
                    info.connectionId(), Long.toHexString(id));
            context.send(FormatDataResponse.failed());
            answerNext();
            return;
        }
        answering = true;
        CompletionStage<byte[]> provided;
        try {
            provided = mime.equals(ClipboardMime.FILES) ? CompletableFuture.completedFuture(fileList())
                    : backend.provide(mime);
        } catch (RuntimeException e) {
            provided = CompletableFuture.failedFuture(e);
        }
        provided.thenApplyAsync(data -> toWire(mime, id, data), converter)
                .whenCompleteAsync((wire, error) -> {
                    answering = false;
                    if (closed) {
                        return;
                    }
                    if (error != null || wire.length > maxSize) {
                        log.warn("Clipboard paste to the client failed connection={} type={} reason={}",
                                info.connectionId(), mime, error != null ? error.toString() : "too large");
                        context.send(FormatDataResponse.failed());
                    } else {
                        context.send(new FormatDataResponse(true, Bytes.of(wire)));
                    }
                    answerNext();
                }, executor());
    }

    static byte[] toWire(String mime, long formatId, byte[] data) {
        return switch (mime) {
            case ClipboardMime.TEXT -> TextFormats.toUnicodeText(data);
            case ClipboardMime.HTML -> HtmlFormat.toCfHtml(data);
            case ClipboardMime.PNG -> formatId == ID_PNG ? data
                    : formatId == Format.CF_DIBV5 ? DibImages.toDibV5(DibImages.fromPng(data))
                    : DibImages.toDib(DibImages.fromPng(data));
            case ClipboardMime.FILES -> data; // already a FileGroupDescriptorW list
            default -> throw new IllegalArgumentException("unsupported type " + mime);
        };
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------

    private Executor executor() {
        StaticChannelContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("the clipboard channel has not started");
        }
        return ctx.executor();
    }

    private void call(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("Clipboard backend failed connection={} callback={} error={}", info.connectionId(), what,
                    e.toString(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Pending p : outgoing) {
            p.result().completeExceptionally(new IllegalStateException("session closed"));
        }
        outgoing.clear();
        fileReads.values().forEach(f -> f.completeExceptionally(new IllegalStateException("session closed")));
        fileReads.clear();
        call("onClose", backend::onClose);
    }
}
