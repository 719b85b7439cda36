package dev.oriel.rdp.clipboard;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A ready {@link ClipboardBackend}: the server side's clipboard as a map of types to bytes, plus access to what the
 * client offers. For tests, the demo and applications that have no clipboard of their own. Thread-safe.
 *
 * <p>Copy: {@link #setText}/{@link #set} replace the content and tell the client. Paste: {@link #paste} returns the
 * client's content when the client copied last, else the server's own.
 */
public final class InMemoryClipboard implements ClipboardBackend {
    private Map<String, byte[]> content = Map.of();
    private CliprdrChannel channel;
    /** Whether the client copied after the server last did: then pastes fetch from the client. */
    private boolean clientOwns;
    private Set<String> clientOffer = Set.of();
    private long clientOffers;
    private java.util.List<ServerFile> files = java.util.List.of();
    private java.util.List<java.nio.file.Path> filePaths = java.util.List.of();

    @Override
    public synchronized void onReady(CliprdrChannel channel) {
        this.channel = channel;
        if (!content.isEmpty()) {
            channel.offer(content.keySet());
        }
    }

    @Override
    public synchronized void onClientOffer(Set<String> mimeTypes) {
        clientOwns = true;
        clientOffer = Set.copyOf(mimeTypes);
        clientOffers++;
    }

    /** How many times the client has announced a new clipboard (it copied) in this session. */
    public synchronized long clientOfferCount() {
        return clientOffers;
    }

    @Override
    public synchronized CompletionStage<byte[]> provide(String mimeType) {
        byte[] data = content.get(mimeType);
        return data == null ? CompletableFuture.failedFuture(new IllegalStateException("no " + mimeType))
                : CompletableFuture.completedFuture(data.clone());
    }

    /** Replaces the server's clipboard with {@code data} (type → bytes, see {@link ClipboardMime}) and offers it. */
    public void set(Map<String, byte[]> data) {
        CliprdrChannel ch;
        synchronized (this) {
            Map<String, byte[]> copy = new LinkedHashMap<>();
            data.forEach((k, v) -> copy.put(k, v.clone()));
            content = copy;
            clientOwns = false;
            ch = channel;
        }
        if (ch != null) {
            ch.offer(data.keySet());
        }
    }

    /** Offers files (their names only, without directories) for the client to paste; contents are read on request. */
    public void setFiles(java.util.List<java.nio.file.Path> paths) {
        java.util.List<ServerFile> list = new java.util.ArrayList<>();
        for (java.nio.file.Path p : paths) {
            try {
                list.add(new ServerFile(p.getFileName().toString(), java.nio.file.Files.size(p)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        synchronized (this) {
            files = java.util.List.copyOf(list);
            filePaths = java.util.List.copyOf(paths);
        }
        set(Map.of(ClipboardMime.FILES, new byte[0]));
    }

    @Override
    public synchronized java.util.List<ServerFile> files() {
        return content.containsKey(ClipboardMime.FILES) ? files : java.util.List.of();
    }

    /** Reads the range on another thread: file I/O must not run on the event loop. */
    @Override
    public CompletionStage<byte[]> readFile(int index, long offset, int length) {
        java.nio.file.Path path;
        synchronized (this) {
            if (!content.containsKey(ClipboardMime.FILES) || index < 0 || index >= filePaths.size()) {
                return CompletableFuture.failedFuture(new IllegalStateException("no file " + index));
            }
            path = filePaths.get(index);
        }
        return CompletableFuture.supplyAsync(() -> {
            try (var ch = java.nio.channels.FileChannel.open(path)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) Math.max(0,
                        Math.min(length, ch.size() - offset)));
                while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
                    // read until the range is full or the file ends
                }
                byte[] out = new byte[buf.position()];
                buf.flip().get(out);
                return out;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    public void setText(String text) {
        set(Map.of(ClipboardMime.TEXT, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The session's clipboard channel, once it is ready: files and lower-level access. */
    public synchronized Optional<CliprdrChannel> channel() {
        return Optional.ofNullable(channel);
    }

    /** What the client offers since it last copied (empty when the server copied last). */
    public synchronized Set<String> clientOffer() {
        return clientOwns ? clientOffer : Set.of();
    }

    /** The server's own content as {@code mimeType}, if it has it. */
    public synchronized Optional<byte[]> local(String mimeType) {
        return Optional.ofNullable(content.get(mimeType)).map(byte[]::clone);
    }

    /**
     * What a paste of {@code mimeType} gets: the client's clipboard when the client copied last (fetched from it now),
     * else the server's own content; empty when neither has it.
     */
    public CompletableFuture<Optional<byte[]>> paste(String mimeType) {
        CliprdrChannel ch;
        synchronized (this) {
            if (!clientOwns || !clientOffer.contains(mimeType)) {
                return CompletableFuture.completedFuture(local(mimeType));
            }
            ch = channel;
        }
        return ch.requestClientData(mimeType).thenApply(Optional::of);
    }

    /** The text a paste gets, or empty. */
    public CompletableFuture<Optional<String>> pasteText() {
        return paste(ClipboardMime.TEXT).thenApply(o -> o.map(b -> new String(b, StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized void onClose() {
        channel = null;
    }
}
