package dev.oriel.rdp.core.pdu.update;

import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.9.1.1.4.2 Pointer Position Update (TS_POINTERPOSATTRIBUTE). */
public record PointerPositionUpdate(int xPos, int yPos) implements Encodable {
    public static final String NAME = "PointerPositionUpdate";
    public static final int SIZE = 4;

    public static PointerPositionUpdate decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new PointerPositionUpdate(src.readUnsignedShortLE(), src.readUnsignedShortLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(xPos);
        dst.writeShortLE(yPos);
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
