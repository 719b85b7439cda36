package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPERP] 2.2.2 TS_RAIL_ORDER_LANGUAGEIMEINFO (client → server): the client's input language and IME
 * profile. Body: profileType (4), languageId (2), languageProfileClsid (16), profileGuid (16), keyboardLayout (4).
 */
public record LanguageImeInfo(long profileType, int languageId, Bytes languageProfileClsid, Bytes profileGuid, long keyboardLayout) implements RailPdu {
    public static final String NAME = "LanguageImeInfo";
    static final int BODY_SIZE = 42;
    public static final int TF_PROFILETYPE_INPUTPROCESSOR = 0x0001;
    public static final int TF_PROFILETYPE_KEYBOARDLAYOUT = 0x0002;

    public LanguageImeInfo {
        Wire.requireUnsigned(profileType, 0xFFFF_FFFFL, "profileType");
        Wire.requireUnsigned(languageId, 0xFFFF, "languageId");
        Objects.requireNonNull(languageProfileClsid, "languageProfileClsid");
        if (languageProfileClsid.length() != 16) {
            throw new IllegalArgumentException("languageProfileClsid must be 16 bytes");
        }
        Objects.requireNonNull(profileGuid, "profileGuid");
        if (profileGuid.length() != 16) {
            throw new IllegalArgumentException("profileGuid must be 16 bytes");
        }
        Wire.requireUnsigned(keyboardLayout, 0xFFFF_FFFFL, "keyboardLayout");
    }

    static LanguageImeInfo decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new LanguageImeInfo(src.readUnsignedIntLE(),
                src.readUnsignedShortLE(),
                Bytes.read(src, 16),
                Bytes.read(src, 16),
                src.readUnsignedIntLE());
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_LANGUAGEIMEINFO;
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) profileType);
        dst.writeShortLE(languageId);
        languageProfileClsid.writeTo(dst);
        profileGuid.writeTo(dst);
        dst.writeIntLE((int) keyboardLayout);
    }

    @Override
    public String name() {
        return NAME;
    }
}
