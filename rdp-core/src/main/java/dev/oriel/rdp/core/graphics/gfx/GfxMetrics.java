package dev.oriel.rdp.core.graphics.gfx;

/**
 * How a session's graphics pipeline has drawn so far: frames sent, and per dirty region the way it went (see
 * {@link GfxSurfaceEncoder}), over the desktop surface and every window surface (HiDef RemoteApp). An embedder gets
 * it from {@code session.channel(GfxChannel.class)}.
 *
 * @param frames     frames sent
 * @param acknowledged frames the client has acknowledged (drawn)
 * @param unchanged  regions whose pixels the client already showed (nothing sent)
 * @param solid      regions sent as solid fills
 * @param cacheHits  tiles drawn from the client's bitmap cache
 * @param planar     regions sent planar (lossless)
 * @param remoteFx   photo-like tiles sent RemoteFX or RemoteFX Progressive (lossy)
 * @param alpha      of those, tiles of ARGB surfaces that were not opaque, whose alpha followed with the alpha codec
 * @param lossyPlanar photo-like tiles sent planar with colour loss and chroma subsampling (thin clients; lossy)
 * @param upgrades   progressive passes sent for photo-like tiles that stayed still (with {@code PROGRESSIVE})
 * @param refined    lossy tiles sent again planar once still
 * @param scrolls    surface-to-surface copies for content that moved
 * @param codecBytes bytes of codec payload (planar, RemoteFX, alpha), before bulk compression
 */
public record GfxMetrics(long frames, long acknowledged, long unchanged, long solid, long cacheHits, long planar,
        long remoteFx, long alpha, long lossyPlanar, long upgrades, long refined, long scrolls, long codecBytes) {
}
