package dev.oriel.rdp.core.session;

import dev.oriel.rdp.core.api.PointerImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which pointer images the client has in its pointer cache ([MS-RDPBCGR] 3.2.5.9.2): least recently used slots are
 * reused, so repeating an image costs a 2-byte Cached Pointer Update.
 */
final class PointerCache {
    private final int size;
    private final LinkedHashMap<PointerImage, Integer> slots;
    private int nextFree;

    PointerCache(int size) {
        this.size = size;
        this.slots = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The cache slot holding {@code image}, or -1 when it must be sent. */
    int lookup(PointerImage image) {
        Integer slot = slots.get(image);
        return slot == null ? -1 : slot;
    }

    /** Chooses a slot for a new image (evicting the least recently used), or -1 when the client has no cache. */
    int assign(PointerImage image) {
        if (size <= 0) {
            return -1;
        }
        int slot;
        if (nextFree < size) {
            slot = nextFree++;
        } else {
            Map.Entry<PointerImage, Integer> eldest = slots.entrySet().iterator().next();
            slot = eldest.getValue();
            slots.remove(eldest.getKey());
        }
        slots.put(image, slot);
        return slot;
    }
}
