package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2.9.1 TS_RAIL_ORDER_LANGBARINFO (both directions): the language bar's state (TF_SFT_* flags).
 * Body: languageBarStatus (4).
 */
public record LangBarInfo(long languageBarStatus) implements RailPdu {
    public static final String NAME = "LangBarInfo";
    static final int BODY_SIZE = 4;
    public static final int TF_SFT_SHOWNORMAL = 0x0001;
    public static final int TF_SFT_DOCK = 0x0002;
    public static final int TF_SFT_MINIMIZED = 0x0004;
    public static final int TF_SFT_HIDDEN = 0x0008;
    public static final int TF_SFT_NOTRANSPARENCY = 0x0010;
    public static final int TF_SFT_LOWTRANSPARENCY = 0x0020;
    public static final int TF_SFT_HIGHTRANSPARENCY = 0x0040;
    public static final int TF_SFT_LABELS = 0x0080;
    public static final int TF_SFT_NOLABELS = 0x0100;
    public static final int TF_SFT_EXTRAICONSONMINIMIZED = 0x0200;
    public static final int TF_SFT_NOEXTRAICONSONMINIMIZED = 0x0400;
    public static final int TF_SFT_DESKBAND = 0x0800;

    public LangBarInfo {
        Wire.requireUnsigned(languageBarStatus, 0xFFFF_FFFFL, "languageBarStatus");
    }

    static LangBarInfo decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new LangBarInfo(src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_LANGBARINFO;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) languageBarStatus);
    }

    @Override
    public String name() {
        return NAME;
    }
}
