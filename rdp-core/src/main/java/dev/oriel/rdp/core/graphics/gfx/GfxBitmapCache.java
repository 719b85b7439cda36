package dev.oriel.rdp.core.graphics.gfx;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's mirror of the client's bitmap cache ([MS-RDPEGFX] 3.3.1.4): which one-based slot holds which content
 * key, least recently used first. The client's budget is both a slot count and a byte total (100 MB, or 16 MB for
 * small-cache and thin clients); Oriel caches only whole 64 × 64 tiles, so the budget is a number of entries.
 *
 * <p>Keys are 64-bit content hashes ({@link GfxSurfaceEncoder#hash}). A collision would draw a wrong tile; at the
 * at most 6103 entries held the chance of one among them is about 2<sup>-38</sup> per session, the same trade the
 * Windows server makes with its own 64-bit keys.
 *
 * <p>Not thread-safe: confined to the connection's event loop.
 */
final class GfxBitmapCache {
    private final int capacity;
    /** key → slot, in access order (eldest = least recently used). */
    private final LinkedHashMap<Long, Integer> slots = new LinkedHashMap<>(64, 0.75f, true);
    private int nextFreeSlot = 1;

    /**
     * @param clientSlots the slots the client has (25 600, or 4 096 with a small cache)
     * @param clientBytes the bytes it may hold in total
     * @param entryBytes  the size of one cached entry
     */
    GfxBitmapCache(int clientSlots, long clientBytes, int entryBytes) {
        this.capacity = (int) Math.max(1, Math.min(clientSlots, clientBytes / entryBytes));
    }


    /** The slot holding {@code key}, marked as just used, or 0. */
    int lookup(long key) {
        Integer slot = slots.get(key);
        return slot == null ? 0 : slot;
    }

    /**
     * Reserves a slot for {@code key}, which must not be cached. When the cache is full the least recently used entry
     * gives up its slot: {@code evicted} receives that slot, to be announced to the client, and the slot is reused.
     *
     * @return the slot to fill
     */
    int insert(long key, java.util.function.IntConsumer evicted) {
        int slot;
        if (nextFreeSlot <= capacity) {
            slot = nextFreeSlot++;
        } else {
            Map.Entry<Long, Integer> eldest = slots.entrySet().iterator().next();
            slot = eldest.getValue();
            slots.remove(eldest.getKey());
            evicted.accept(slot);
        }
        slots.put(key, slot);
        return slot;
    }

    /** Forgets everything (a new surface or a reset client). */
    void clear() {
        slots.clear();
        nextFreeSlot = 1;
    }
}
