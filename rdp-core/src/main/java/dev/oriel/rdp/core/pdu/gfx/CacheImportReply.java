package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPEGFX] 2.2.2.17 RDPGFX_CACHE_IMPORT_REPLY_PDU (server to client): importedEntriesCount (2, at most
 * {@value CacheImportOffer#MAX_ENTRIES}), then cacheSlots (2 each): the slot given to each accepted entry of the
 * offer, in order. An empty reply accepts nothing.
 */
public record CacheImportReply(List<Integer> cacheSlots) implements GfxPdu {
    public static final String NAME = "CacheImportReply";

    public CacheImportReply {
        cacheSlots = List.copyOf(cacheSlots);
        if (cacheSlots.size() > CacheImportOffer.MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + CacheImportOffer.MAX_ENTRIES + " entries");
        }
        cacheSlots.forEach(SurfaceToCache::requireSlot);
    }

    static CacheImportReply decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 2, NAME);
        int count = src.readUnsignedShortLE();
        Wire.checkLimit(count, CacheImportOffer.MAX_ENTRIES, NAME, "importedEntriesCount");
        Wire.ensureReadable(src, 2L * count, NAME);
        List<Integer> slots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slots.add(SurfaceToCache.decodeSlot(src, NAME));
        }
        return new CacheImportReply(slots);
    }

    @Override
    public int cmdId() {
        return CACHEIMPORTREPLY;
    }

    @Override
    public int bodySize() {
        return 2 + 2 * cacheSlots.size();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(cacheSlots.size());
        cacheSlots.forEach(dst::writeShortLE);
    }

    @Override
    public String name() {
        return NAME;
    }
}
