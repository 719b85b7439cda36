package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPEGFX] 2.2.2.14 RDPGFX_RESET_GRAPHICS_PDU: width (4), height (4), monitorCount (4, at most 16), monitors
 * (TS_MONITOR_DEF: left, top, right, bottom, flags; 4 each, right and bottom inclusive), then zero padding so the whole
 * PDU is exactly 340 bytes.
 */
public record ResetGraphics(long width, long height, List<Monitor> monitors) implements GfxPdu {
    public static final String NAME = "ResetGraphics";
    /** The fixed size of the whole PDU, header included. */
    public static final int PDU_SIZE = 340;
    public static final int MAX_MONITORS = 16;
    public static final int MONITOR_PRIMARY = 0x1;

    /** TS_MONITOR_DEF ([MS-RDPBCGR] 2.2.1.3.6.1): inclusive edges, signed. */
    public record Monitor(int left, int top, int right, int bottom, long flags) {
        public Monitor {
            Wire.requireUnsigned(flags, 0xFFFF_FFFFL, "flags");
        }
    }

    public ResetGraphics {
        Wire.requireUnsigned(width, 0xFFFF_FFFFL, "width");
        Wire.requireUnsigned(height, 0xFFFF_FFFFL, "height");
        monitors = List.copyOf(monitors);
        if (monitors.size() > MAX_MONITORS) {
            throw new IllegalArgumentException("at most " + MAX_MONITORS + " monitors: " + monitors.size());
        }
    }

    static ResetGraphics decodeBody(ByteBuf src) {
        if (src.readableBytes() != PDU_SIZE - HEADER_SIZE) {
            throw DecodeException.invalidField(NAME, "pduLength", "must be " + PDU_SIZE + ", body is "
                    + src.readableBytes());
        }
        long width = src.readUnsignedIntLE();
        long height = src.readUnsignedIntLE();
        long count = src.readUnsignedIntLE();
        if (count > MAX_MONITORS) {
            throw DecodeException.limitExceeded(NAME, "monitorCount", count, MAX_MONITORS);
        }
        List<Monitor> monitors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            monitors.add(new Monitor(src.readIntLE(), src.readIntLE(), src.readIntLE(), src.readIntLE(),
                    src.readUnsignedIntLE()));
        }
        src.skipBytes(src.readableBytes()); // the padding
        return new ResetGraphics(width, height, monitors);
    }

    @Override
    public int cmdId() {
        return RESETGRAPHICS;
    }

    @Override
    public int bodySize() {
        return PDU_SIZE - HEADER_SIZE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) width);
        dst.writeIntLE((int) height);
        dst.writeIntLE(monitors.size());
        for (Monitor m : monitors) {
            dst.writeIntLE(m.left());
            dst.writeIntLE(m.top());
            dst.writeIntLE(m.right());
            dst.writeIntLE(m.bottom());
            dst.writeIntLE((int) m.flags());
        }
        dst.writeZero(PDU_SIZE - HEADER_SIZE - 12 - 20 * monitors.size());
    }

    @Override
    public String name() {
        return NAME;
    }
}
