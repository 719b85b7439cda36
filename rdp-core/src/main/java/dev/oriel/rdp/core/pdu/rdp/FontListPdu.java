package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.18.1 Font List PDU Data (TS_FONT_LIST_PDU). */
public record FontListPdu(int numberFonts, int totalNumFonts, int listFlags, int entrySize) implements ShareDataBody {
    public static final String NAME = "FontListPdu";
    public static final int SIZE = 2 /* numberFonts */ + 2 /* totalNumFonts */ + 2 /* listFlags */ + 2 /* entrySize */;
    /** FONTLIST_FIRST | FONTLIST_LAST (and FONTMAP_FIRST | FONTMAP_LAST). */
    public static final int FIRST_AND_LAST = 0x0003;

    /** What clients send: no fonts, first and last, entry size 50. */
    public static FontListPdu client() {
        return new FontListPdu(0, 0, FIRST_AND_LAST, 50);
    }

    public static FontListPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new FontListPdu(src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedShortLE(),
                src.readUnsignedShortLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(numberFonts);
        dst.writeShortLE(totalNumFonts);
        dst.writeShortLE(listFlags);
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
