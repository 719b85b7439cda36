package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.17.1 Persistent Key List PDU Data (TS_BITMAPCACHE_PERSISTENT_LIST_PDU), kept raw: Oriel does
 * not use persistent bitmap caches and ignores it.
 */
public record PersistentKeyListPdu(Bytes data) implements ShareDataBody {
    @Override
    public void encode(ByteBuf dst) {
        data.writeTo(dst);
    }

    @Override
    public int size() {
        return data.length();
    }

    @Override
    public String name() {
        return "PersistentKeyListPdu";
    }
}
