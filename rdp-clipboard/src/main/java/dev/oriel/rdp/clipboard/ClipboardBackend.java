package dev.oriel.rdp.clipboard;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The server side's clipboard for one session, implemented by the embedder (or {@link InMemoryClipboard}). Methods run
 * on the connection's event loop and must not block: return a stage and complete it from elsewhere.
 */
public interface ClipboardBackend {

    /** The session's clipboard channel is ready: keep it to offer content ({@link CliprdrChannel#offer}) or paste. */
    default void onReady(CliprdrChannel channel) {
    }

    /**
     * The client copied something: its clipboard now offers these types ({@link ClipboardMime}). Nothing is
     * transferred until the server asks ({@link CliprdrChannel#requestClientData}): delayed rendering.
     */
    default void onClientOffer(Set<String> mimeTypes) {
    }

    /**
     * The client pastes what the server offered: the server clipboard's content as {@code mimeType}, or a failed
     * stage when it is no longer available.
     */
    CompletionStage<byte[]> provide(String mimeType);

    /**
     * The files the server offers when its clipboard holds {@link ClipboardMime#FILES}, in order: what the client
     * lists, and the index its File Contents requests use.
     */
    default java.util.List<ServerFile> files() {
        return java.util.List.of();
    }

    /** Reads {@code length} bytes (fewer at the end of the file) of offered file {@code index} from {@code offset}. */
    default CompletionStage<byte[]> readFile(int index, long offset, int length) {
        return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("no files"));
    }

    /** The session ended. */
    default void onClose() {
    }
}
