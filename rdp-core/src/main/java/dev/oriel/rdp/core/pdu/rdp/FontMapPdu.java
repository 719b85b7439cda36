package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.22.1 Font Map PDU Data (TS_FONT_MAP_PDU). */
public record FontMapPdu(int numberEntries, int totalNumEntries, int mapFlags, int entrySize) implements ShareDataBody {
    public static final String NAME = "FontMapPdu";
    public static final int SIZE = 2 /* numberEntries */ + 2 /* totalNumEntries */ + 2 /* mapFlags */ + 2 /* entrySize */;
    /** FONTLIST_FIRST | FONTLIST_LAST (and FONTMAP_FIRST | FONTMAP_LAST). */
    public static final int FIRST_AND_LAST = 0x0003;

    /** What servers send: no entries, first and last, entry size 4. */
    public static FontMapPdu server() {
        return new FontMapPdu(0, 0, FIRST_AND_LAST, 4);
    }

    public static FontMapPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new FontMapPdu(src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedShortLE(),
                src.readUnsignedShortLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(numberEntries);
        dst.writeShortLE(totalNumEntries);
        dst.writeShortLE(mapFlags);
        dst.writeShortLE(entrySize);
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
