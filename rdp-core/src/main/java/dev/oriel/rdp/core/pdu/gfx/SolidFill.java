package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPEGFX] 2.2.2.4 RDPGFX_SOLID_FILL_PDU: surfaceId (2), fillPixel (RDPGFX_COLOR32: B, G, R, XA), fillRectCount
 * (2), RECT16 × count.
 *
 * @param fillPixel the colour as {@code 0xAARRGGBB} (the XA byte in the top)
 */
public record SolidFill(int surfaceId, int fillPixel, List<GfxRect> rects) implements GfxPdu {
    public static final String NAME = "SolidFill";

    public SolidFill {
        Wire.requireUnsigned(surfaceId, 0xFFFF, "surfaceId");
        rects = List.copyOf(rects);
        if (rects.size() > 0xFFFF) {
            throw new IllegalArgumentException("at most 65535 rectangles");
        }
    }

    static SolidFill decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 8, NAME);
        int surfaceId = src.readUnsignedShortLE();
        int pixel = src.readIntLE(); // B, G, R, XA little-endian is 0xXARRGGBB
        int count = src.readUnsignedShortLE();
        Wire.checkLimit(count, src.readableBytes() / GfxRect.SIZE, NAME, "fillRectCount");
        List<GfxRect> rects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rects.add(GfxRect.decode(src, NAME, "fillRects"));
        }
        return new SolidFill(surfaceId, pixel, rects);
    }

    @Override
    public int cmdId() {
        return SOLIDFILL;
    }

    @Override
    public int bodySize() {
        return 8 + GfxRect.SIZE * rects.size();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(surfaceId);
        dst.writeIntLE(fillPixel);
        dst.writeShortLE(rects.size());
        rects.forEach(r -> r.encode(dst));
    }

    @Override
    public String name() {
        return NAME;
    }
}
