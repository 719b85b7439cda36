package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.7.2.5 Font Capability Set (TS_FONT_CAPABILITYSET). */
public record FontCapabilitySet(int fontSupportFlags) implements CapabilitySet {
    public static final int BODY_SIZE = 2 /* fontSupportFlags */ + 2 /* pad2octets */;
    public static final int FONTSUPPORT_FONTLIST = 0x0001;

    static FontCapabilitySet decodeBody(ByteBuf src) {
        FontCapabilitySet set = new FontCapabilitySet(src.readUnsignedShortLE());
        src.skipBytes(src.readableBytes());
        return set;
    }

    @Override
    public int type() {
        return CAPSTYPE_FONT;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(fontSupportFlags);
        dst.writeShortLE(0);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "FontCapabilitySet";
    }
}
