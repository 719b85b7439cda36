package dev.oriel.rdp.core.graphics.rfx;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes RemoteFX encode messages ([MS-RDPRFX] 3.1.8.2) into pixels, for tests and the client test kit.
 *
 * <p>Stateful like a client's codec context: header blocks (sync, codec versions, channels, context) persist
 * across messages, and data blocks are refused until all four have been seen, as FreeRDP 2.11's
 * {@code rfx_process_message} refuses them ("incomplete header blocks processing"). Data blocks must come in the
 * order frame begin, region, tile set, frame end. Tile pixels are written only inside the region's rectangles and
 * the destination, as a client paints them. Every malformed input gives a {@link DecodeException}; the decoder's
 * state is then undefined (like a client's after a broken stream), so discard it.
 *
 * <p>Not thread-safe.
 */
public final class RfxDecoder {
    static final String NAME = "RfxMessage";

    private boolean sync;
    private boolean versions;
    private boolean channels;
    private RfxBlock.Context context;
    private int channelWidth;
    private int channelHeight;
    private int expected = RfxBlock.WBT_FRAME_BEGIN;
    private long frameIdx;
    private List<Rect> rects = List.of();

    private final RfxColor.Reconstruction reconstruction;
    private final short[][] planes = {new short[4096], new short[4096], new short[4096]};
    private final short[] scratch = new short[4096];
    private final int[] tilePixels = new int[64 * 64];

    /** A decoder that rounds colours as xfreerdp does on x86-64 ({@link RfxColor.Reconstruction#FREERDP_SSE2}). */
    public RfxDecoder() {
        this(RfxColor.Reconstruction.FREERDP_SSE2);
    }

    public RfxDecoder(RfxColor.Reconstruction reconstruction) {
        this.reconstruction = reconstruction;
    }

    /** A decoded frame: its index, the rectangles it updated and the tiles it carried. */
    public record Frame(long frameIdx, List<Rect> rects, List<TilePosition> tiles) {
        public Frame {
            rects = List.copyOf(rects);
            tiles = List.copyOf(tiles);
        }
    }

    /** A tile's position in 64-pixel units and its quantisation indices. */
    public record TilePosition(int xIdx, int yIdx, int quantIdxY, int quantIdxCb, int quantIdxCr) {
    }

    /** The entropy coder of the last context block, or null before one. */
    public RlgrMode entropy() {
        return context == null ? null : context.entropy();
    }

    /**
     * Decodes every block of {@code message} (its readable bytes). Tiles land in {@code dst} (0xFFRRGGBB), whose
     * pixel (0, 0) is at {@code offset}, with {@code stride} ints per row and {@code width × height} pixels from
     * there — for RDPGFX that is the destination rectangle's origin on the surface.
     *
     * @return the frames completed in this message (usually one; none for a headers-only message)
     */
    public List<Frame> decode(ByteBuf message, int[] dst, int offset, int stride, int width, int height) {
        List<Frame> frames = new ArrayList<>(1);
        List<TilePosition> tiles = new ArrayList<>();
        while (message.isReadable()) {
            RfxBlock block = RfxBlock.decode(message);
            if (block instanceof RfxBlock.Sync) {
                sync = true;
            } else if (block instanceof RfxBlock.CodecVersions) {
                versions = true;
            } else if (block instanceof RfxBlock.Channels ch) {
                channels = true;
                channelWidth = ch.channels().get(0).width();
                channelHeight = ch.channels().get(0).height();
            } else if (block instanceof RfxBlock.Context ctx) {
                context = ctx;
            } else {
                if (!(sync && versions && channels && context != null)) {
                    throw DecodeException.invalidField(NAME, "blockType", "data block 0x"
                            + Integer.toHexString(block.blockType()) + " before the sync, codec versions, channels "
                            + "and context blocks");
                }
                if (block.blockType() != expected) {
                    throw DecodeException.invalidField(NAME, "blockType", "0x" + Integer.toHexString(block.blockType())
                            + " where 0x" + Integer.toHexString(expected) + " belongs");
                }
                if (block instanceof RfxBlock.FrameBegin fb) {
                    frameIdx = fb.frameIdx();
                    tiles = new ArrayList<>();
                    rects = List.of();
                    expected = RfxBlock.WBT_REGION;
                } else if (block instanceof RfxBlock.Region region) {
                    // [MS-RDPRFX] 2.2.2.3.3: no rectangle stands for the whole channel.
                    rects = region.rects().isEmpty() ? List.of(new Rect(0, 0, channelWidth, channelHeight))
                            : region.rects();
                    expected = RfxBlock.WBT_EXTENSION;
                } else if (block instanceof RfxBlock.TileSet set) {
                    decodeTiles(set, tiles, dst, offset, stride, width, height);
                    expected = RfxBlock.WBT_FRAME_END;
                } else {
                    frames.add(new Frame(frameIdx, rects, tiles));
                    expected = RfxBlock.WBT_FRAME_BEGIN;
                }
            }
        }
        return frames;
    }

    private void decodeTiles(RfxBlock.TileSet set, List<TilePosition> out, int[] dst, int offset, int stride,
            int width, int height) {
        RlgrMode mode = context.entropy();
        int numQuant = set.quants().size();
        for (RfxBlock.Tile tile : set.tiles()) {
            checkQuantIdx("quantIdxY", tile.quantIdxY(), numQuant);
            checkQuantIdx("quantIdxCb", tile.quantIdxCb(), numQuant);
            checkQuantIdx("quantIdxCr", tile.quantIdxCr(), numQuant);
            int tx = tile.xIdx() * 64;
            int ty = tile.yIdx() * 64;
            if (tx >= width || ty >= height) {
                throw DecodeException.invalidField(RfxBlock.Tile.NAME, "xIdx/yIdx", "tile (" + tile.xIdx() + ", "
                        + tile.yIdx() + ") lies outside the " + width + "x" + height + " frame");
            }
            component(mode, tile.yData(), set.quants().get(tile.quantIdxY()), planes[0]);
            component(mode, tile.cbData(), set.quants().get(tile.quantIdxCb()), planes[1]);
            component(mode, tile.crData(), set.quants().get(tile.quantIdxCr()), planes[2]);
            RfxColor.toArgb(reconstruction, planes[0], planes[1], planes[2], tilePixels, 0, 64, 64, 64);
            for (Rect r : rects) {
                Rect clip = r.intersect(new Rect(tx, ty, 64, 64)).intersect(new Rect(0, 0, width, height));
                for (int y = clip.y(); y < clip.bottom(); y++) {
                    System.arraycopy(tilePixels, (y - ty) * 64 + (clip.x() - tx), dst, offset + y * stride + clip.x(),
                            clip.width());
                }
            }
            out.add(new TilePosition(tile.xIdx(), tile.yIdx(), tile.quantIdxY(), tile.quantIdxCb(),
                    tile.quantIdxCr()));
        }
    }

    private static void checkQuantIdx(String field, int idx, int numQuant) {
        if (idx >= numQuant) {
            throw DecodeException.invalidField(RfxBlock.Tile.NAME, field, idx + " >= numQuant " + numQuant);
        }
    }

    /** RLGR, LL3 differential, dequantisation and inverse DWT ([MS-RDPRFX] 3.1.8.2). */
    private void component(RlgrMode mode, Bytes data, RfxQuant quant, short[] plane) {
        byte[] bytes = data.toArray();
        Rlgr.decode(mode, bytes, 0, bytes.length, plane);
        Quantization.differentialDecode(plane);
        Quantization.dequantize(plane, quant);
        Dwt.inverse(plane, scratch);
    }

    /** Decodes one 64×64 tile's three component streams to 0xFFRRGGBB pixels. */
    public static int[] decodeTile(RfxColor.Reconstruction how, RlgrMode mode, RfxQuant quantY, RfxQuant quantCb, RfxQuant quantCr, byte[] y,
            byte[] cb, byte[] cr) {
        short[] tmp = new short[4096];
        short[][] p = new short[3][4096];
        byte[][] data = {y, cb, cr};
        RfxQuant[] q = {quantY, quantCb, quantCr};
        for (int c = 0; c < 3; c++) {
            Rlgr.decode(mode, data[c], 0, data[c].length, p[c]);
            Quantization.differentialDecode(p[c]);
            Quantization.dequantize(p[c], q[c]);
            Dwt.inverse(p[c], tmp);
        }
        int[] px = new int[4096];
        RfxColor.toArgb(how, p[0], p[1], p[2], px, 0, 64, 64, 64);
        return px;
    }
}
