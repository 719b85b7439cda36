package dev.oriel.rdp.core.session;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.rfx.RfxMessageEncoder;
import dev.oriel.rdp.core.pdu.fastpath.FastPathFragmenter;
import dev.oriel.rdp.core.pdu.fastpath.FastPathUpdate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The legacy RemoteFX path for clients without the graphics pipeline that listed RemoteFX in their Bitmap Codecs
 * capability set and accept Stream Surface Bits ([MS-RDPBCGR] 2.2.9.2.2, [MS-RDPRFX] 1.3): each dirty tile goes as
 * one TS_SURFCMD_STREAM_SURF_BITS command holding a RemoteFX message, in fast-path Surface Commands updates. The
 * RemoteFX header blocks go in the first message only (the client keeps them per connection, [MS-RDPRFX] 3.1.5).
 * RemoteFX is lossy: this path trades exactness for bytes, which is what a client asking for it chose.
 *
 * <p>Not thread-safe: confined to the connection's event loop.
 */
final class SurfaceBitsEncoder {
    /** TS_SURFCMD_STREAM_SURF_BITS ([MS-RDPBCGR] 2.2.9.2.2). */
    static final int CMDTYPE_STREAM_SURFACE_BITS = 0x0006;
    /** cmdType (2), dest rectangle (8), TS_BITMAP_DATA_EX header: bpp, flags, reserved, codecID (1 each), width and
     * height (2 each), bitmapDataLength (4). */
    static final int COMMAND_HEADER = 2 + 8 + 12;
    /** The largest update one tile can make: RemoteFX's worst case (three 64 × 64 components of 2 bytes per
     * coefficient, plus blocks) behind the command header. */
    static final int MAX_TILE_UPDATE = COMMAND_HEADER + 3 * Framebuffer.TILE * Framebuffer.TILE * 2 + 512;

    private final int codecId;
    private final int maxRequestSize;
    private final int[] tile = new int[Framebuffer.TILE * Framebuffer.TILE];
    private final RfxMessageEncoder rfx = new RfxMessageEncoder();
    private boolean headersSent;
    private long frameIdx;

    /**
     * @param codecId        the id the client gave RemoteFX in its Bitmap Codecs capability set
     * @param maxRequestSize the client's multifragment reassembly limit
     */
    SurfaceBitsEncoder(int codecId, int maxRequestSize) {
        this.codecId = codecId;
        this.maxRequestSize = maxRequestSize;
    }

    /**
     * Encodes dirty tiles into fast-path PDUs handed to {@code out} (which owns them) until nothing is dirty or
     * {@code keepGoing} says stop. Returns the number of tiles sent.
     */
    int encode(Framebuffer fb, ByteBufAllocator alloc, BooleanSupplier keepGoing, Consumer<ByteBuf> out) {
        int tiles = 0;
        ByteBuf message = alloc.buffer(MAX_TILE_UPDATE - COMMAND_HEADER);
        try {
            while (keepGoing.getAsBoolean()) {
                Rect r = fb.takeDirtyTile(tile);
                if (r == null) {
                    break;
                }
                message.clear();
                int length = rfx.encode(tile, 0, r.width(), r.width(), r.height(),
                        List.of(new Rect(0, 0, r.width(), r.height())), !headersSent, frameIdx++ & 0xFFFF_FFFFL,
                        message);
                if (length == 0) {
                    continue;
                }
                headersSent = true;
                ByteBuf update = alloc.buffer(COMMAND_HEADER + length);
                try {
                    update.writeShortLE(CMDTYPE_STREAM_SURFACE_BITS);
                    update.writeShortLE(r.x()).writeShortLE(r.y()).writeShortLE(r.right()).writeShortLE(r.bottom());
                    // TS_BITMAP_DATA_EX ([MS-RDPBCGR] 2.2.9.2.1.1): 32 bpp, no extended header.
                    update.writeByte(32).writeByte(0).writeByte(0).writeByte(codecId);
                    update.writeShortLE(r.width()).writeShortLE(r.height());
                    update.writeIntLE(length);
                    update.writeBytes(message, message.readerIndex(), length);
                    FastPathFragmenter.write(FastPathUpdate.FASTPATH_UPDATETYPE_SURFCMDS, update, maxRequestSize,
                            alloc, out);
                } finally {
                    update.release();
                }
                tiles++;
            }
            return tiles;
        } finally {
            message.release();
        }
    }
}
