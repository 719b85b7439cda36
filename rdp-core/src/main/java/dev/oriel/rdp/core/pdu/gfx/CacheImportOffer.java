package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPEGFX] 2.2.2.16 RDPGFX_CACHE_IMPORT_OFFER_PDU (client to server): cacheEntriesCount (2, at most
 * {@value #MAX_ENTRIES}), then RDPGFX_CACHE_ENTRY_METADATA × count: cacheKey (8), bitmapLength (4).
 */
public record CacheImportOffer(List<Entry> entries) implements GfxPdu {
    public static final String NAME = "CacheImportOffer";
    public static final int MAX_ENTRIES = 5462;

    public record Entry(long cacheKey, long bitmapLength) {
        public Entry {
            Wire.requireUnsigned(bitmapLength, 0xFFFF_FFFFL, "bitmapLength");
        }
    }

    public CacheImportOffer {
        entries = List.copyOf(entries);
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " entries");
        }
    }

    static CacheImportOffer decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 2, NAME);
        int count = src.readUnsignedShortLE();
        Wire.checkLimit(count, MAX_ENTRIES, NAME, "cacheEntriesCount");
        Wire.ensureReadable(src, 12L * count, NAME);
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(src.readLongLE(), src.readUnsignedIntLE()));
        }
        return new CacheImportOffer(entries);
    }

    @Override
    public int cmdId() {
        return CACHEIMPORTOFFER;
    }

    @Override
    public int bodySize() {
        return 2 + 12 * entries.size();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(entries.size());
        for (Entry e : entries) {
            dst.writeLongLE(e.cacheKey).writeIntLE((int) e.bitmapLength);
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
