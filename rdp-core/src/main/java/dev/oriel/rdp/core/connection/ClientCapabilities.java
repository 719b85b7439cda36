package dev.oriel.rdp.core.connection;

import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import java.util.List;
import java.util.Optional;

/**
 * What the client said it can do in Confirm Active, reduced to the values the session acts on.
 *
 * @param colorDepth              bits per pixel of bitmap updates (32, 24, 16 or 15)
 * @param desktopWidth            width the client confirmed
 * @param desktopHeight           height the client confirmed
 * @param fastPathOutput          FASTPATH_OUTPUT_SUPPORTED in the client's General set
 * @param noBitmapCompressionHeader the client accepts compressed bitmaps without TS_CD_HEADER
 * @param multifragmentMaxRequestSize largest reassembled fast-path update the client accepts
 * @param pointerCacheSize        entries in the client's pointer cache (0 = no caching)
 * @param largePointer96          the client accepts large pointers up to 96×96 through Large Pointer updates
 * @param largePointer384         the client accepts pointers up to 384×384
 * @param refreshRectSupported    the client may send Refresh Rect
 * @param suppressOutputSupported the client may send Suppress Output
 * @param sets                    every capability set the client confirmed, for feature modules (RAIL reads its
 *                                Remote Programs and Window List sets)
 */
public record ClientCapabilities(
        int colorDepth,
        int desktopWidth,
        int desktopHeight,
        boolean fastPathOutput,
        boolean noBitmapCompressionHeader,
        int multifragmentMaxRequestSize,
        int pointerCacheSize,
        boolean largePointer96,
        boolean largePointer384,
        boolean refreshRectSupported,
        boolean suppressOutputSupported,
        List<CapabilitySet> sets) {

    public ClientCapabilities {
        sets = List.copyOf(sets);
    }

    /** The client's capability set of {@code type}, if it sent one. */
    public <T extends CapabilitySet> Optional<T> find(Class<T> type) {
        return CapabilitySet.find(sets, type);
    }
}
