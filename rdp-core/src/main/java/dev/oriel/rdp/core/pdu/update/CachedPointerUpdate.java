package dev.oriel.rdp.core.pdu.update;

import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.9.1.1.4.6 Cached Pointer Update (TS_CACHEDPOINTERATTRIBUTE). */
public record CachedPointerUpdate(int cacheIndex) implements Encodable {
    public static final String NAME = "CachedPointerUpdate";
    public static final int SIZE = 2;

    public static CachedPointerUpdate decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new CachedPointerUpdate(src.readUnsignedShortLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(cacheIndex);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
