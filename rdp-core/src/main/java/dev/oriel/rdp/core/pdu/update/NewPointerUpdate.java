package dev.oriel.rdp.core.pdu.update;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.9.1.1.4.5 New Pointer Update (TS_POINTERATTRIBUTE): xorBpp (2) + a colour pointer. */
public record NewPointerUpdate(ColorPointerUpdate colorPtrAttr) implements Encodable {
    public static final String NAME = "NewPointerUpdate";

    public int xorBpp() {
        return colorPtrAttr.xorBpp();
    }

    public static NewPointerUpdate decode(ByteBuf src) {
        Wire.ensureReadable(src, 2, NAME);
        int bpp = src.readUnsignedShortLE();
        if (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32) {
            throw DecodeException.invalidField(NAME, "xorBpp", "unsupported " + bpp);
        }
        return new NewPointerUpdate(ColorPointerUpdate.decode(src, bpp));
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(colorPtrAttr.xorBpp());
        colorPtrAttr.encode(dst);
    }

    @Override
    public int size() {
        return 2 + colorPtrAttr.size();
    }

    @Override
    public String name() {
        return NAME;
    }
}
