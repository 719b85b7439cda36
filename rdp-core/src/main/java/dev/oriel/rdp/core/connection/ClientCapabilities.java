package dev.oriel.rdp.core.connection;

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
        boolean suppressOutputSupported) {
}
