package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.pdu.common.InclusiveRect;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * [MS-RDPBCGR] 2.2.11.3.1 Suppress Output PDU Data (TS_SUPPRESS_OUTPUT_PDU): the client stops (no rectangle) or
 * resumes (with the rectangle to show) display updates.
 */
public record SuppressOutputPdu(Optional<InclusiveRect> desktopRect) implements ShareDataBody {
    public static final String NAME = "SuppressOutputPdu";
    static final int FIXED_PART_SIZE = 1 /* allowDisplayUpdates */ + 3 /* pad3Octets */;

    public boolean allowDisplayUpdates() {
        return desktopRect.isPresent();
    }

    public static SuppressOutputPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, FIXED_PART_SIZE, NAME);
        int allow = src.readUnsignedByte();
        src.skipBytes(3);
        return switch (allow) {
            case 0 -> new SuppressOutputPdu(Optional.empty());
            case 1 -> new SuppressOutputPdu(Optional.of(InclusiveRect.decode(src)));
            default -> throw DecodeException.invalidField(NAME, "allowDisplayUpdates", "not 0 or 1: " + allow);
        };
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(desktopRect.isPresent() ? 1 : 0);
        dst.writeZero(3);
        desktopRect.ifPresent(r -> r.encode(dst));
    }

    @Override
    public int size() {
        return FIXED_PART_SIZE + (desktopRect.isPresent() ? InclusiveRect.SIZE : 0);
    }

    @Override
    public String name() {
        return NAME;
    }
}
