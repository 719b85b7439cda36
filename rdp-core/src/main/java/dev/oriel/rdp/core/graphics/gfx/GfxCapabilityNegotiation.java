package dev.oriel.rdp.core.graphics.gfx;

import dev.oriel.rdp.core.pdu.gfx.CapsAdvertise;
import dev.oriel.rdp.core.pdu.gfx.GfxCapabilitySet;
import java.util.List;
import java.util.Optional;

/**
 * Picks the capability set to confirm from a client's advertisement ([MS-RDPEGFX] 3.3.5.19): the newest version Oriel
 * knows, with flags that say what the server will do. Oriel sends no H.264, so AVC is always declared disabled;
 * the client's small-cache and thin-client wishes are kept and honoured ({@link Choice#cacheSlots()}).
 */
public final class GfxCapabilityNegotiation {
    /** Versions Oriel speaks, oldest first. 10.6 has two codes: the current one and an older spec's misprint. */
    static final List<Long> KNOWN = List.of(GfxCapabilitySet.VERSION_8, GfxCapabilitySet.VERSION_8_1,
            GfxCapabilitySet.VERSION_10, GfxCapabilitySet.VERSION_10_1, GfxCapabilitySet.VERSION_10_2,
            GfxCapabilitySet.VERSION_10_3, GfxCapabilitySet.VERSION_10_4, GfxCapabilitySet.VERSION_10_5,
            GfxCapabilitySet.VERSION_10_6_ERR, GfxCapabilitySet.VERSION_10_6, GfxCapabilitySet.VERSION_10_7);
    /** Cache slots of a 100 MB and of a 16 MB client cache ([MS-RDPEGFX] 3.3.1.4). */
    public static final int CACHE_SLOTS = 25_600;
    public static final int SMALL_CACHE_SLOTS = 4_096;
    /** Bytes of a 100 MB and of a 16 MB client cache, read as decimal megabytes to stay under either reading. */
    public static final long CACHE_BYTES = 100_000_000L;
    public static final long SMALL_CACHE_BYTES = 16_000_000L;

    private GfxCapabilityNegotiation() {
    }

    /**
     * @param confirm    the set to send in Caps Confirm
     * @param cacheSlots how many bitmap cache slots the client has for this session
     * @param cacheBytes how many bytes of bitmaps those slots may hold in total
     * @param thinClient the client asked the server to spare it work (favour cheap codecs)
     */
    public record Choice(GfxCapabilitySet confirm, int cacheSlots, long cacheBytes, boolean thinClient) {
    }

    /** The best common set, or empty when the client advertises no version Oriel knows. */
    public static Optional<Choice> choose(CapsAdvertise advertised) {
        GfxCapabilitySet best = null;
        int bestRank = -1;
        for (GfxCapabilitySet s : advertised.sets()) {
            int rank = KNOWN.indexOf(s.version());
            if (rank > bestRank) {
                best = s;
                bestRank = rank;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        long v = best.version();
        boolean thin = best.has(GfxCapabilitySet.FLAG_THINCLIENT);
        // [MS-RDPEGFX] 3.3.1.4: thin-client and small-cache flags, and version 10.3 whatever its flags, mean 16 MB.
        boolean smallCache = best.has(GfxCapabilitySet.FLAG_SMALL_CACHE) || thin
                || v == GfxCapabilitySet.VERSION_10_3;
        GfxCapabilitySet confirm;
        if (v == GfxCapabilitySet.VERSION_10_1) {
            confirm = new GfxCapabilitySet(v, dev.oriel.rdp.core.wire.Bytes.of(new byte[16])); // reserved, zero
        } else {
            long flags = best.flags() & (GfxCapabilitySet.FLAG_THINCLIENT | GfxCapabilitySet.FLAG_SMALL_CACHE);
            if (v == GfxCapabilitySet.VERSION_8_1) {
                flags &= ~GfxCapabilitySet.FLAG_AVC420_ENABLED; // 8.1 enables AVC by a flag: leave it off
            } else if (v >= GfxCapabilitySet.VERSION_10) {
                flags |= GfxCapabilitySet.FLAG_AVC_DISABLED;
            }
            confirm = GfxCapabilitySet.withFlags(v, flags);
        }
        return Optional.of(new Choice(confirm, smallCache ? SMALL_CACHE_SLOTS : CACHE_SLOTS,
                smallCache ? SMALL_CACHE_BYTES : CACHE_BYTES, thin));
    }
}
