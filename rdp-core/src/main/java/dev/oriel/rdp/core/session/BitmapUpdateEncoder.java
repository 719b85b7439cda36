package dev.oriel.rdp.core.session;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.InterleavedEncoder;
import dev.oriel.rdp.core.graphics.PlanarEncoder;
import dev.oriel.rdp.core.pdu.fastpath.FastPathFragmenter;
import dev.oriel.rdp.core.pdu.fastpath.FastPathUpdate;
import dev.oriel.rdp.core.pdu.update.BitmapData;
import dev.oriel.rdp.core.pdu.update.BitmapUpdate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.Consumer;

/**
 * Turns dirty framebuffer tiles into fast-path bitmap updates ([MS-RDPBCGR] 2.2.9.1.2.1.2, TS_UPDATE_BITMAP_DATA).
 *
 * <p>32-bpp sessions get planar-compressed bitmaps ([MS-RDPEGDI] 2.2.2.5.1): rows bottom-up as the legacy bitmap
 * path expects, and without an alpha plane, since FreeRDP 2.11's planar decoder swaps red and blue for streams with
 * alpha when the client allows dynamic colour fidelity. 24, 16 and 15-bpp sessions get interleaved RLE bitmaps
 * ([MS-RDPBCGR] 3.1.9), or uncompressed ones where RLE would be larger; both are bottom-up with the width padded to
 * a multiple of 4 pixels (the client clips to the destination rectangle). Several tiles share one update as long as
 * the update fits one fast-path PDU.
 *
 * <p>Not thread-safe; owned by one session on its event loop. Its scratch buffers are reused for every tile.
 */
final class BitmapUpdateEncoder {
    /** Update payload per fast-path PDU, so updates never need fragmenting. */
    static final int MAX_BATCH = FastPathFragmenter.MAX_FRAGMENT_DATA;
    private static final int RECT_HEADER = 18; // TS_BITMAP_DATA fields before bitmapDataStream

    private final int colorDepth;
    private final boolean noCompressionHeader;
    private final int[] tile = new int[Framebuffer.TILE * Framebuffer.TILE];
    private final PlanarEncoder planar = new PlanarEncoder(Framebuffer.TILE * Framebuffer.TILE);
    private final InterleavedEncoder interleaved = new InterleavedEncoder(
            InterleavedEncoder.paddedWidth(Framebuffer.TILE) * Framebuffer.TILE);

    BitmapUpdateEncoder(int colorDepth, boolean noCompressionHeader) {
        this.colorDepth = colorDepth;
        this.noCompressionHeader = noCompressionHeader;
    }

    /**
     * Encodes dirty tiles into fast-path PDUs handed to {@code out} (which owns them) until nothing is dirty or
     * {@code keepGoing} says stop. Returns the number of tiles sent.
     */
    int encode(Framebuffer fb, ByteBufAllocator alloc, java.util.function.BooleanSupplier keepGoing, Consumer<ByteBuf> out) {
        int tiles = 0;
        ByteBuf batch = null;
        int count = 0;
        ByteBuf data = alloc.buffer(Framebuffer.TILE * Framebuffer.TILE * 4 + 16);
        try {
            while (keepGoing.getAsBoolean()) {
                Rect r = fb.takeDirtyTile(tile);
                if (r == null) {
                    break;
                }
                data.clear();
                int flags = encodeTile(r, data);
                int bitmapWidth = colorDepth == 32 ? r.width() : align4(r.width());
                int entry = RECT_HEADER + (header(flags) ? BitmapData.CompressedDataHeader.SIZE : 0) + data.readableBytes();
                if (batch != null && batch.readableBytes() + entry > MAX_BATCH) {
                    emit(batch, count, alloc, out);
                    batch = null;
                }
                if (batch == null) {
                    batch = alloc.buffer(Math.min(MAX_BATCH, BitmapUpdate.HEADER_SIZE + entry));
                    batch.writeShortLE(BitmapUpdate.UPDATETYPE_BITMAP);
                    batch.writeShortLE(0); // numberRectangles, patched on emit
                    count = 0;
                }
                writeRect(batch, r, bitmapWidth, flags, data);
                count++;
                tiles++;
            }
            if (batch != null) {
                emit(batch, count, alloc, out);
                batch = null;
            }
            return tiles;
        } finally {
            data.release();
            if (batch != null) {
                batch.release();
            }
        }
    }

    private boolean header(int flags) {
        return (flags & BitmapData.BITMAP_COMPRESSION) != 0 && (flags & BitmapData.NO_BITMAP_COMPRESSION_HDR) == 0;
    }

    private static int align4(int w) {
        return (w + 3) & ~3;
    }

    /** Encodes the tile pixels (in {@link #tile}, {@code r.width()} ints per row) into {@code data}; returns the flags. */
    private int encodeTile(Rect r, ByteBuf data) {
        int w = r.width();
        int h = r.height();
        if (colorDepth == 32) {
            planar.encode(tile, 0, w, w, h, false, true, data);
            return BitmapData.BITMAP_COMPRESSION | (noCompressionHeader ? BitmapData.NO_BITMAP_COMPRESSION_HDR : 0);
        }
        int paddedWidth = align4(w);
        int start = data.writerIndex();
        int rleBytes = interleaved.encode(tile, 0, w, w, h, colorDepth, data);
        if (rleBytes < paddedWidth * h * bytesPerPixel()) {
            return BitmapData.BITMAP_COMPRESSION | (noCompressionHeader ? BitmapData.NO_BITMAP_COMPRESSION_HDR : 0);
        }
        // Noise-like content: RLE lost, so send the pixels as they are.
        data.writerIndex(start);
        for (int row = h - 1; row >= 0; row--) {
            int o = row * w;
            for (int x = 0; x < paddedWidth; x++) {
                int p = x < w ? tile[o + x] : 0;
                int red = (p >> 16) & 0xFF;
                int green = (p >> 8) & 0xFF;
                int blue = p & 0xFF;
                switch (colorDepth) {
                    case 24 -> {
                        data.writeByte(blue);
                        data.writeByte(green);
                        data.writeByte(red);
                    }
                    case 16 -> data.writeShortLE((red >> 3) << 11 | (green >> 2) << 5 | blue >> 3);
                    default -> data.writeShortLE((red >> 3) << 10 | (green >> 3) << 5 | blue >> 3);
                }
            }
        }
        return 0;
    }

    /** Bytes per pixel on the wire: 15 and 16 bpp take two, 24 three, 32 four. */
    private int bytesPerPixel() {
        return (colorDepth + 7) / 8;
    }

    private void writeRect(ByteBuf batch, Rect r, int bitmapWidth, int flags, ByteBuf data) {
        int length = data.readableBytes();
        boolean hdr = header(flags);
        batch.writeShortLE(r.x());
        batch.writeShortLE(r.y());
        batch.writeShortLE(r.right() - 1); // inclusive edges
        batch.writeShortLE(r.bottom() - 1);
        batch.writeShortLE(bitmapWidth);
        batch.writeShortLE(r.height());
        batch.writeShortLE(colorDepth);
        batch.writeShortLE(flags);
        batch.writeShortLE(length + (hdr ? BitmapData.CompressedDataHeader.SIZE : 0));
        if (hdr) {
            // TS_CD_HEADER: cbCompFirstRowSize 0, main body size, scan width and uncompressed size in bytes.
            int bpp = bytesPerPixel();
            new BitmapData.CompressedDataHeader(0, length, bitmapWidth * bpp, bitmapWidth * r.height() * bpp)
                    .encode(batch);
        }
        batch.writeBytes(data, data.readerIndex(), length);
    }

    private static void emit(ByteBuf batch, int count, ByteBufAllocator alloc, Consumer<ByteBuf> out) {
        try {
            batch.setShortLE(2, count);
            FastPathFragmenter.write(FastPathUpdate.FASTPATH_UPDATETYPE_BITMAP, batch, MAX_BATCH, alloc, out);
        } finally {
            batch.release();
        }
    }
}
