package dev.oriel.rdp.core.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How a server encodes graphics for clients of the graphics pipeline ([MS-RDPEGFX]); clients without it get bitmap
 * updates whatever these say.
 *
 * @param pipeline          offer the graphics pipeline to clients that support it
 * @param bulkCompression   ZGFX-compress its messages: fewer bytes on the wire for compressor state per session
 * @param bulkHistory       bytes of the stream the ZGFX compressor matches against (the client keeps 2.5 MB; a
 *                          compressor may use less): 1 MiB by default, about 2.9 MB of state per session; the most,
 *                          {@code ZgfxCompressor.MAX_HISTORY}, takes 5.3 MB for 0.2 % fewer bytes on a UI desktop;
 *                          512 KiB takes 1.6 MB for 2 % more
 * @param uiCodec           the codec for text and UI tiles (the lossless rest): {@code PLANAR}, or {@code CLEARCODEC},
 *                          which sends fewer bytes and costs more work (see {@link UiCodec})
 * @param photoCodec        the codec for photo-like tiles (many colours); text and UI tiles are always planar. With
 *                          {@code REMOTEFX}, clients without the pipeline that ask for RemoteFX get it in surface bits
 *                          commands (lossy everywhere: their choice); with {@code PLANAR} they get bitmap updates
 * @param remoteFxQuant     added to each of FreeRDP's default RemoteFX quantisation factors (6, 6, 6, 6, 7, 7, 8, 8,
 *                          8, 9; each kept within 6..15): 0 is FreeRDP's quality, higher values send fewer bytes
 *                          at lower quality
 * @param refineAfter       how long a lossy tile must stay unchanged before it is sent again losslessly, so a still
 *                          picture ends up exact
 */
public record GraphicsOptions(boolean pipeline, boolean bulkCompression, int bulkHistory, UiCodec uiCodec,
        PhotoCodec photoCodec, int remoteFxQuant, Duration refineAfter) {
    /** The least and most {@link #bulkHistory()}, as the compressor takes them. */
    public static final int MIN_BULK_HISTORY = 64 * 1024;
    public static final int MAX_BULK_HISTORY = 2_500_000 - 65_535;
    public static final int DEFAULT_BULK_HISTORY = 1 << 20;

    /** Lossless codecs for text and UI content (few colours) in the graphics pipeline. */
    public enum UiCodec {
        /** Planar ([MS-RDPEGDI] 3.1.9): fast, its tiles encoded on all cores. */
        PLANAR,
        /**
         * ClearCodec ([MS-RDPEGFX] 2.2.4.1): on the reference 1080p UI desktop 34 % fewer bytes than planar after
         * ZGFX (81,817 against 124,015), but a session's tiles are encoded one after another (its caches follow the
         * client's), 2 to 7 times slower per tile, and the caches grow up to about 27 MB per session. Only on XRGB
         * surfaces: window surfaces with alpha stay planar.
         */
        CLEARCODEC
    }

    /** Codecs for photo-like content. */
    public enum PhotoCodec {
        /** Lossless, larger. */
        PLANAR,
        /** RemoteFX ([MS-RDPRFX]): lossy, refined to lossless once the content stays still. */
        REMOTEFX,
        /**
         * RemoteFX Progressive ([MS-RDPEGFX] 2.2.4.2) in the graphics pipeline: a photo-like tile goes first as a
         * coarse pass (about a tenth of RemoteFX's bytes on the reference photo frame), then, while it stays still,
         * finer passes every quarter of {@code refineAfter} up to RemoteFX's quality, then lossless. The first
         * picture arrives sooner on slow links; all passes together cost 10 to 40 % more bytes than RemoteFX, and
         * the server keeps 24 KiB per tile being refined. Elsewhere as {@code REMOTEFX}.
         */
        PROGRESSIVE
    }

    /** Whether photo-like tiles may be sent lossy (and refined later): any photo codec but {@code PLANAR}. */
    public boolean lossyPhotos() {
        return photoCodec != PhotoCodec.PLANAR;
    }

    public GraphicsOptions {
        Objects.requireNonNull(uiCodec, "uiCodec");
        Objects.requireNonNull(photoCodec, "photoCodec");
        Objects.requireNonNull(refineAfter, "refineAfter");
        if (remoteFxQuant < -9 || remoteFxQuant > 9) {
            throw new IllegalArgumentException("remoteFxQuant outside -9..9: " + remoteFxQuant);
        }
        if (refineAfter.isNegative()) {
            throw new IllegalArgumentException("refineAfter is negative");
        }
        if (bulkHistory < MIN_BULK_HISTORY || bulkHistory > MAX_BULK_HISTORY) {
            throw new IllegalArgumentException("bulkHistory outside " + MIN_BULK_HISTORY + ".." + MAX_BULK_HISTORY
                    + ": " + bulkHistory);
        }
    }

    /**
     * The pipeline with ZGFX compression over 1 MiB of history, RemoteFX at FreeRDP's quality for photo-like tiles,
     * refined after 300 ms.
     */
    public static GraphicsOptions defaults() {
        return new GraphicsOptions(true, true, DEFAULT_BULK_HISTORY, UiCodec.PLANAR, PhotoCodec.REMOTEFX, 0,
                Duration.ofMillis(300));
    }

    public GraphicsOptions withPipeline(boolean on) {
        return new GraphicsOptions(on, bulkCompression, bulkHistory, uiCodec, photoCodec, remoteFxQuant, refineAfter);
    }

    public GraphicsOptions withBulkCompression(boolean on) {
        return new GraphicsOptions(pipeline, on, bulkHistory, uiCodec, photoCodec, remoteFxQuant, refineAfter);
    }

    /** @param bytes {@link #MIN_BULK_HISTORY} to {@link #MAX_BULK_HISTORY}; see {@link #bulkHistory()} */
    public GraphicsOptions withBulkHistory(int bytes) {
        return new GraphicsOptions(pipeline, bulkCompression, bytes, uiCodec, photoCodec, remoteFxQuant, refineAfter);
    }

    public GraphicsOptions withUiCodec(UiCodec codec) {
        return new GraphicsOptions(pipeline, bulkCompression, bulkHistory, codec, photoCodec, remoteFxQuant,
                refineAfter);
    }

    public GraphicsOptions withPhotoCodec(PhotoCodec codec) {
        return new GraphicsOptions(pipeline, bulkCompression, bulkHistory, uiCodec, codec, remoteFxQuant, refineAfter);
    }

    public GraphicsOptions withRemoteFxQuant(int offset) {
        return new GraphicsOptions(pipeline, bulkCompression, bulkHistory, uiCodec, photoCodec, offset, refineAfter);
    }

    public GraphicsOptions withRefineAfter(Duration delay) {
        return new GraphicsOptions(pipeline, bulkCompression, bulkHistory, uiCodec, photoCodec, remoteFxQuant, delay);
    }
}
