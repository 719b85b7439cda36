package dev.oriel.rdp.core.graphics.rfx;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Writes complete RemoteFX encode messages ([MS-RDPRFX] 2.2.2, 3.1.8.3): optionally the header blocks
 * (TS_RFX_SYNC, TS_RFX_CONTEXT, TS_RFX_CODEC_VERSIONS, TS_RFX_CHANNELS), then TS_RFX_FRAME_BEGIN,
 * TS_RFX_REGION with the caller's rectangles, TS_RFX_TILESET with one quantisation set and every 64×64 tile that
 * intersects a rectangle, and TS_RFX_FRAME_END.
 *
 * <p>Two carriers use the same message:
 * <ul>
 *   <li>{@link #encode} for a Stream Surface Bits command ([MS-RDPBCGR] 2.2.9.2.2, codecID the client's RemoteFX
 *       id): headers only when asked, i.e. on the first message after the client learned the codec (video mode,
 *       [MS-RDPRFX] 3.1.5);</li>
 *   <li>{@link #encodeForGfx} for RDPGFX_WIRE_TO_SURFACE_PDU_1 with RDPGFX_CODECID_CAVIDEO ([MS-RDPEGFX]
 *       2.2.2.1): headers in every message. FreeRDP 2.11 keeps one RemoteFX context per connection, shared by
 *       surface bits and every RDPGFX surface, and refuses data blocks until it has decoded all four header blocks
 *       once; repeating them (47 bytes) makes each message self-contained, which the spec allows ("the header
 *       messages can be repeated", 2.2.2).</li>
 * </ul>
 * Tile positions and rectangles are relative to the pixel at {@code offset}: the surface-bits command's
 * destLeft/destTop or the WireToSurface1 destRect's left/top. Clients show tile pixels only inside the region's
 * rectangles, so the rectangles must cover what changed.
 *
 * <p>Not thread-safe; one instance per encoding thread. Allocation-free after construction except when a frame
 * larger than any before needs a bigger tile map.
 */
public final class RfxMessageEncoder {
    private final RlgrMode mode;
    private final RfxQuant quant;
    private final RfxTileEncoder tiles = new RfxTileEncoder();
    private final int contextProperties;
    private final int tileSetProperties;
    private boolean[] tileMap = new boolean[0];

    /** RLGR3 and FreeRDP's default quantisation, as FreeRDP's server encoder. */
    public RfxMessageEncoder() {
        this(RlgrMode.RLGR3, RfxQuant.DEFAULT);
    }

    public RfxMessageEncoder(RlgrMode mode, RfxQuant quant) {
        this.mode = mode;
        this.quant = quant;
        this.contextProperties = RfxBlock.Context.of(mode, false).properties();
        this.tileSetProperties = RfxBlock.TileSet.properties(mode, false);
    }

    public RlgrMode mode() {
        return mode;
    }

    public RfxQuant quant() {
        return quant;
    }

    /**
     * Encodes one frame of a {@code width × height} image (0xAARRGGBB, {@code stride} ints per row, pixel (0, 0)
     * at {@code offset}) for a surface-bits command.
     *
     * @param rects       the changed rectangles, in image coordinates; clipped to the image, empty ones dropped
     * @param withHeaders write the four header blocks first (first message, or whenever the client may have lost
     *                    them)
     * @param frameIdx    TS_RFX_FRAME_BEGIN.frameIdx
     * @return the number of bytes written to {@code dst}; 0, with nothing written, when no rectangle covers any
     *         pixel of the image (then send no command at all)
     */
    public int encode(int[] argb, int offset, int stride, int width, int height, List<Rect> rects,
            boolean withHeaders, long frameIdx, ByteBuf dst) {
        return write(argb, offset, stride, width, height, rects, withHeaders, frameIdx, dst);
    }

    /** As {@link #encode}, always with the header blocks: the bitmapData of a CAVIDEO WireToSurface1 PDU. */
    public int encodeForGfx(int[] argb, int offset, int stride, int width, int height, List<Rect> rects,
            long frameIdx, ByteBuf dst) {
        return write(argb, offset, stride, width, height, rects, true, frameIdx, dst);
    }

    private int write(int[] argb, int offset, int stride, int width, int height, List<Rect> rects,
            boolean withHeaders, long frameIdx, ByteBuf dst) {
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("image size " + width + "x" + height);
        }
        Wire.requireUnsigned(frameIdx, 0xFFFF_FFFFL, "frameIdx");
        if (!anyVisible(rects, width, height)) {
            // Nothing to send. An empty region would mean "the whole channel" ([MS-RDPRFX] 2.2.2.3.3), and FreeRDP
            // 2.11 keeps the previous message's tiles when a tile set is empty, so it would repaint stale tiles.
            return 0;
        }
        int start = dst.writerIndex();
        if (withHeaders) {
            writeHeaders(width, height, dst);
        }
        // TS_RFX_FRAME_BEGIN (2.2.2.3.1): one region.
        dst.writeShortLE(RfxBlock.WBT_FRAME_BEGIN);
        dst.writeIntLE(RfxBlock.FrameBegin.SIZE);
        dst.writeByte(1); /* codecId */
        dst.writeByte(0); /* channelId */
        dst.writeIntLE((int) frameIdx);
        dst.writeShortLE(1); /* numRegions */

        int cols = (width + 63) >>> 6;
        int rows = (height + 63) >>> 6;
        if (tileMap.length < cols * rows) {
            tileMap = new boolean[cols * rows];
        } else {
            java.util.Arrays.fill(tileMap, 0, cols * rows, false);
        }

        // TS_RFX_REGION (2.2.2.3.3); numRects patched once the clipped rectangles are counted.
        int regionAt = dst.writerIndex();
        dst.writeShortLE(RfxBlock.WBT_REGION);
        dst.writeIntLE(0);
        dst.writeByte(1); /* codecId */
        dst.writeByte(0); /* channelId */
        dst.writeByte(1); /* regionFlags: lrf = 1, as FreeRDP and the spec's sample */
        int numRectsAt = dst.writerIndex();
        dst.writeShortLE(0);
        int numRects = 0;
        for (int i = 0, n = rects.size(); i < n; i++) {
            Rect r = rects.get(i);
            int l = Math.max(r.x(), 0);
            int t = Math.max(r.y(), 0);
            int rr = Math.min(r.right(), width);
            int b = Math.min(r.bottom(), height);
            if (rr <= l || b <= t) {
                continue;
            }
            dst.writeShortLE(l);
            dst.writeShortLE(t);
            dst.writeShortLE(rr - l);
            dst.writeShortLE(b - t);
            numRects++;
            for (int ty = t >>> 6; ty <= (b - 1) >>> 6; ty++) {
                for (int tx = l >>> 6; tx <= (rr - 1) >>> 6; tx++) {
                    tileMap[ty * cols + tx] = true;
                }
            }
        }
        if (numRects > 0xFFFF) {
            throw new IllegalArgumentException(numRects + " rectangles");
        }
        dst.writeShortLE(RfxBlock.CBT_REGION); /* regionType */
        dst.writeShortLE(1); /* numTilesets */
        dst.setShortLE(numRectsAt, numRects);
        dst.setIntLE(regionAt + 2, dst.writerIndex() - regionAt);

        // TS_RFX_TILESET (2.2.2.3.4); blockLen, numTiles and tilesDataSize patched at the end.
        int tilesetAt = dst.writerIndex();
        dst.writeShortLE(RfxBlock.WBT_EXTENSION);
        dst.writeIntLE(0);
        dst.writeByte(1); /* codecId */
        dst.writeByte(0); /* channelId */
        dst.writeShortLE(RfxBlock.CBT_TILESET);
        dst.writeShortLE(0); /* idx */
        dst.writeShortLE(tileSetProperties);
        dst.writeByte(1); /* numQuant */
        dst.writeByte(RfxBlock.Context.TILE_64);
        int numTilesAt = dst.writerIndex();
        dst.writeShortLE(0);
        dst.writeIntLE(0); /* tilesDataSize */
        quant.encode(dst);
        int tilesStart = dst.writerIndex();
        int numTiles = 0;
        for (int ty = 0; ty < rows; ty++) {
            for (int tx = 0; tx < cols; tx++) {
                if (!tileMap[ty * cols + tx]) {
                    continue;
                }
                int x = tx << 6;
                int y = ty << 6;
                tiles.encode(argb, offset + y * stride + x, stride, Math.min(64, width - x), Math.min(64, height - y),
                        quant, quant, quant, mode);
                writeTile(tx, ty, dst);
                numTiles++;
            }
        }
        if (numTiles > 0xFFFF) {
            throw new IllegalArgumentException(numTiles + " tiles");
        }
        dst.setShortLE(numTilesAt, numTiles);
        dst.setIntLE(numTilesAt + 2, dst.writerIndex() - tilesStart);
        dst.setIntLE(tilesetAt + 2, dst.writerIndex() - tilesetAt);

        // TS_RFX_FRAME_END (2.2.2.3.2).
        dst.writeShortLE(RfxBlock.WBT_FRAME_END);
        dst.writeIntLE(RfxBlock.FrameEnd.SIZE);
        dst.writeByte(1);
        dst.writeByte(0);
        return dst.writerIndex() - start;
    }

    private static boolean anyVisible(List<Rect> rects, int width, int height) {
        for (int i = 0, n = rects.size(); i < n; i++) {
            Rect r = rects.get(i);
            if (Math.min(r.right(), width) > Math.max(r.x(), 0) && Math.min(r.bottom(), height) > Math.max(r.y(), 0)) {
                return true;
            }
        }
        return false;
    }

    private void writeTile(int tx, int ty, ByteBuf dst) {
        int yLen = tiles.length(RfxTileEncoder.Y);
        int cbLen = tiles.length(RfxTileEncoder.CB);
        int crLen = tiles.length(RfxTileEncoder.CR);
        // TS_RFX_TILE (2.2.2.3.4.1).
        dst.writeShortLE(RfxBlock.CBT_TILE);
        dst.writeIntLE(RfxBlock.Tile.FIXED + yLen + cbLen + crLen);
        dst.writeByte(0); /* quantIdxY */
        dst.writeByte(0); /* quantIdxCb */
        dst.writeByte(0); /* quantIdxCr */
        dst.writeShortLE(tx);
        dst.writeShortLE(ty);
        dst.writeShortLE(yLen);
        dst.writeShortLE(cbLen);
        dst.writeShortLE(crLen);
        tiles.writeTo(dst);
    }

    /**
     * The four header blocks for a {@code width × height} channel, in the order of the spec's sample stream
     * ([MS-RDPRFX] 4.2.1) and of FreeRDP's encoder: sync, context, codec versions, channels. Video mode, this
     * encoder's entropy coder.
     */
    public void writeHeaders(int width, int height, ByteBuf dst) {
        // TS_RFX_SYNC (2.2.2.2.1).
        dst.writeShortLE(RfxBlock.WBT_SYNC);
        dst.writeIntLE(RfxBlock.Sync.SIZE);
        dst.writeIntLE((int) RfxBlock.Sync.MAGIC);
        dst.writeShortLE(RfxBlock.Sync.VERSION);
        // TS_RFX_CONTEXT (2.2.2.2.4).
        dst.writeShortLE(RfxBlock.WBT_CONTEXT);
        dst.writeIntLE(RfxBlock.Context.SIZE);
        dst.writeByte(1); /* codecId */
        dst.writeByte(0xFF); /* channelId: 0xFF for the context (2.2.2.1.2) */
        dst.writeByte(0); /* ctxId */
        dst.writeShortLE(RfxBlock.Context.TILE_64);
        dst.writeShortLE(contextProperties);
        // TS_RFX_CODEC_VERSIONS (2.2.2.2.2).
        dst.writeShortLE(RfxBlock.WBT_CODEC_VERSIONS);
        dst.writeIntLE(RfxBlock.CodecVersions.SIZE);
        dst.writeByte(1); /* numCodecs */
        dst.writeByte(1); /* codecId */
        dst.writeShortLE(RfxBlock.Sync.VERSION);
        // TS_RFX_CHANNELS (2.2.2.2.3): one channel.
        dst.writeShortLE(RfxBlock.WBT_CHANNELS);
        dst.writeIntLE(RfxBlock.BLOCK_HEADER + 1 + 5);
        dst.writeByte(1); /* numChannels */
        dst.writeByte(0); /* channelId */
        dst.writeShortLE(width);
        dst.writeShortLE(height);
    }
}
