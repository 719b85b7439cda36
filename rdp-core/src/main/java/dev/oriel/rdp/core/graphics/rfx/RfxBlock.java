package dev.oriel.rdp.core.graphics.rfx;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * One block of a RemoteFX encode message stream ([MS-RDPRFX] 2.2.2): a TS_RFX_BLOCKT header (blockType, blockLen)
 * and, for the data blocks and the context, a TS_RFX_CODEC_CHANNELT (codecId, channelId).
 *
 * <p>{@link #decode} checks structure only (lengths, magic numbers, fixed values); whether tile indices and quant
 * indices make sense for a frame is {@link RfxDecoder}'s job, so a block with, say, {@code quantIdx} 0xFF still
 * decodes here and re-encodes to the same bytes.
 */
public sealed interface RfxBlock extends Encodable {
    int WBT_SYNC = 0xCCC0;
    int WBT_CODEC_VERSIONS = 0xCCC1;
    int WBT_CHANNELS = 0xCCC2;
    int WBT_CONTEXT = 0xCCC3;
    int WBT_FRAME_BEGIN = 0xCCC4;
    int WBT_FRAME_END = 0xCCC5;
    int WBT_REGION = 0xCCC6;
    int WBT_EXTENSION = 0xCCC7;
    int CBT_REGION = 0xCAC1;
    int CBT_TILESET = 0xCAC2;
    int CBT_TILE = 0xCAC3;

    /** TS_RFX_BLOCKT: blockType (2 bytes) + blockLen (4 bytes). */
    int BLOCK_HEADER = 2 + 4;
    /** TS_RFX_CODEC_CHANNELT adds codecId (1 byte) + channelId (1 byte). */
    int CODEC_CHANNEL_HEADER = BLOCK_HEADER + 1 + 1;

    String NAME = "RfxBlock";

    /** The blockType this block is sent with. */
    int blockType();

    /**
     * Decodes one block at the reader index. blockLen bounds the body; per [MS-RDPRFX] 2.2.2 it may exceed the
     * structure's own length, and the excess is skipped. Unknown block types are rejected (FreeRDP does too).
     */
    static RfxBlock decode(ByteBuf src) {
        Wire.ensureReadable(src, BLOCK_HEADER, NAME);
        int type = src.readUnsignedShortLE(); /* blockType (2 bytes) */
        long len = src.readUnsignedIntLE(); /* blockLen (4 bytes) */
        if (len < BLOCK_HEADER) {
            throw DecodeException.invalidField(NAME, "blockLen", len + " is shorter than the block header");
        }
        if (len - BLOCK_HEADER > src.readableBytes()) {
            throw DecodeException.invalidField(NAME, "blockLen",
                    len + " passes the end of the message (" + (src.readableBytes() + BLOCK_HEADER) + " bytes left)");
        }
        ByteBuf body = src.readSlice((int) (len - BLOCK_HEADER));
        boolean codecChannel = type >= WBT_CONTEXT && type <= WBT_EXTENSION;
        if (codecChannel) {
            String name = nameOf(type);
            Wire.ensureReadable(body, 2, name);
            int codecId = body.readUnsignedByte(); /* codecId (1 byte) */
            int channelId = body.readUnsignedByte(); /* channelId (1 byte) */
            if (codecId != 1) {
                throw DecodeException.invalidField(name, "codecId", "must be 1, got " + codecId);
            }
            // [MS-RDPRFX] 2.2.2.1.2: channelId is 0xFF for TS_RFX_CONTEXT and 0x00 for every other block.
            int expected = type == WBT_CONTEXT ? 0xFF : 0x00;
            if (channelId != expected) {
                throw DecodeException.invalidField(name, "channelId", "must be " + expected + ", got " + channelId);
            }
        }
        return switch (type) {
            case WBT_SYNC -> Sync.decodeBody(body);
            case WBT_CODEC_VERSIONS -> CodecVersions.decodeBody(body);
            case WBT_CHANNELS -> Channels.decodeBody(body);
            case WBT_CONTEXT -> Context.decodeBody(body);
            case WBT_FRAME_BEGIN -> FrameBegin.decodeBody(body);
            case WBT_FRAME_END -> new FrameEnd();
            case WBT_REGION -> Region.decodeBody(body);
            case WBT_EXTENSION -> TileSet.decodeBody(body);
            default -> throw DecodeException.unexpectedMessageType(NAME, type);
        };
    }

    /** Decodes every block of a message (the buffer's readable bytes). */
    static List<RfxBlock> decodeAll(ByteBuf src) {
        List<RfxBlock> blocks = new ArrayList<>();
        while (src.isReadable()) {
            blocks.add(decode(src));
        }
        return blocks;
    }

    private static String nameOf(int type) {
        return switch (type) {
            case WBT_CONTEXT -> Context.NAME;
            case WBT_FRAME_BEGIN -> FrameBegin.NAME;
            case WBT_FRAME_END -> FrameEnd.NAME;
            case WBT_REGION -> Region.NAME;
            default -> TileSet.NAME;
        };
    }

    private static void writeHeader(ByteBuf dst, int type, int len, boolean codecChannel, int channelId) {
        dst.writeShortLE(type);
        dst.writeIntLE(len);
        if (codecChannel) {
            dst.writeByte(1); /* codecId */
            dst.writeByte(channelId);
        }
    }

    /** [MS-RDPRFX] 2.2.2.2.1 TS_RFX_SYNC: magic 0xCACCACCA and version 1.0. */
    record Sync() implements RfxBlock {
        static final String NAME = "RfxSync";
        static final long MAGIC = 0xCACCACCAL;
        static final int VERSION = 0x0100;
        static final int SIZE = BLOCK_HEADER + 4 /* magic */ + 2 /* version */;

        static Sync decodeBody(ByteBuf body) {
            Wire.ensureReadable(body, SIZE - BLOCK_HEADER, NAME);
            long magic = body.readUnsignedIntLE();
            int version = body.readUnsignedShortLE();
            if (magic != MAGIC) {
                throw DecodeException.invalidField(NAME, "magic", Long.toHexString(magic));
            }
            if (version != VERSION) {
                throw DecodeException.unsupportedVersion(NAME, version);
            }
            return new Sync();
        }

        @Override public int blockType() {
            return WBT_SYNC;
        }

        @Override public void encode(ByteBuf dst) {
            writeHeader(dst, WBT_SYNC, SIZE, false, 0);
            dst.writeIntLE((int) MAGIC);
            dst.writeShortLE(VERSION);
        }

        @Override public int size() {
            return SIZE;
        }

        @Override public String name() {
            return NAME;
        }
    }

    /** [MS-RDPRFX] 2.2.2.2.2 TS_RFX_CODEC_VERSIONS: exactly one codec, id 1, version 1.0. */
    record CodecVersions() implements RfxBlock {
        static final String NAME = "RfxCodecVersions";
        static final int SIZE = BLOCK_HEADER + 1 /* numCodecs */ + 1 /* codecId */ + 2 /* version */;

        static CodecVersions decodeBody(ByteBuf body) {
            Wire.ensureReadable(body, SIZE - BLOCK_HEADER, NAME);
            int numCodecs = body.readUnsignedByte();
            int codecId = body.readUnsignedByte();
            int version = body.readUnsignedShortLE();
            if (numCodecs != 1) {
                throw DecodeException.invalidField(NAME, "numCodecs", "must be 1, got " + numCodecs);
            }
            if (codecId != 1) {
                throw DecodeException.invalidField(NAME, "codecId", "must be 1, got " + codecId);
            }
            if (version != Sync.VERSION) {
                throw DecodeException.unsupportedVersion(NAME, version);
            }
            return new CodecVersions();
        }

        @Override public int blockType() {
            return WBT_CODEC_VERSIONS;
        }

        @Override public void encode(ByteBuf dst) {
            writeHeader(dst, WBT_CODEC_VERSIONS, SIZE, false, 0);
            dst.writeByte(1);
            dst.writeByte(1);
            dst.writeShortLE(Sync.VERSION);
        }

        @Override public int size() {
            return SIZE;
        }

        @Override public String name() {
            return NAME;
        }
    }

    /** [MS-RDPRFX] 2.2.2.1.3 TS_RFX_CHANNELT: a channel (monitor) and its size. */
    record Channel(int channelId, int width, int height) {
        public Channel {
            Wire.requireUnsigned(channelId, 0xFF, "channelId");
            Wire.requireUnsigned(width, 0xFFFF, "width");
            Wire.requireUnsigned(height, 0xFFFF, "height");
        }
    }

    /**
     * [MS-RDPRFX] 2.2.2.2.3 TS_RFX_CHANNELS. The spec asks for one channel; FreeRDP accepts several (RDVH sessions
     * send one per virtual monitor) and uses the first, so several decode here too.
     */
    record Channels(List<Channel> channels) implements RfxBlock {
        static final String NAME = "RfxChannels";

        public Channels {
            channels = List.copyOf(channels);
            if (channels.isEmpty() || channels.size() > 0xFF) {
                throw new IllegalArgumentException("1..255 channels, got " + channels.size());
            }
        }

        static Channels decodeBody(ByteBuf body) {
            Wire.ensureReadable(body, 1, NAME);
            int n = body.readUnsignedByte(); /* numChannels (1 byte) */
            if (n == 0) {
                throw DecodeException.invalidField(NAME, "numChannels", "no channel");
            }
            if (body.readableBytes() < 5L * n) {
                throw DecodeException.invalidField(NAME, "numChannels",
                        n + " channels need " + 5 * n + " bytes, " + body.readableBytes() + " left in the block");
            }
            List<Channel> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int id = body.readUnsignedByte(); /* channelId (1 byte) */
                int w = body.readUnsignedShortLE(); /* width (2 bytes) */
                int h = body.readUnsignedShortLE(); /* height (2 bytes) */
                if (id != 0) {
                    throw DecodeException.invalidField(NAME, "channelId", "must be 0, got " + id);
                }
                if (w == 0 || h == 0) {
                    throw DecodeException.invalidField(NAME, "width/height", w + "x" + h);
                }
                list.add(new Channel(id, w, h));
            }
            return new Channels(list);
        }

        @Override public int blockType() {
            return WBT_CHANNELS;
        }

        @Override public void encode(ByteBuf dst) {
            writeHeader(dst, WBT_CHANNELS, size(), false, 0);
            dst.writeByte(channels.size());
            for (Channel c : channels) {
                dst.writeByte(c.channelId());
                dst.writeShortLE(c.width());
                dst.writeShortLE(c.height());
            }
        }

        @Override public int size() {
            return BLOCK_HEADER + 1 + 5 * channels.size();
        }

        @Override public String name() {
            return NAME;
        }
    }

    /**
     * [MS-RDPRFX] 2.2.2.2.4 TS_RFX_CONTEXT. {@code properties}: flags (bits 0–2, 0x02 = image mode), cct (3–4,
     * COL_CONV_ICT = 1), xft (5–8, CLW_XFORM_DWT_53_A = 1), et (9–12, the {@link RlgrMode} code), qt (13–14,
     * SCALAR_QUANTIZATION = 1), r (15). Kept raw so unknown bits survive a round trip.
     */
    record Context(int ctxId, int tileSize, int properties) implements RfxBlock {
        static final String NAME = "RfxContext";
        static final int SIZE = CODEC_CHANNEL_HEADER + 1 /* ctxId */ + 2 /* tileSize */ + 2 /* properties */;
        /** CT_TILE_64x64. */
        static final int TILE_64 = 0x40;

        public Context {
            Wire.requireUnsigned(ctxId, 0xFF, "ctxId");
            Wire.requireUnsigned(tileSize, 0xFFFF, "tileSize");
            Wire.requireUnsigned(properties, 0xFFFF, "properties");
        }

        /** The properties a server sends: ICT, DWT 5/3, scalar quantisation, the given entropy coder. */
        public static Context of(RlgrMode mode, boolean imageMode) {
            int p = (imageMode ? 0x02 : 0) | 1 << 3 | 1 << 5 | mode.code() << 9 | 1 << 13;
            return new Context(0, TILE_64, p);
        }

        public RlgrMode entropy() {
            return RlgrMode.fromCode(properties >> 9 & 0xF).orElseThrow();
        }

        static Context decodeBody(ByteBuf body) {
            Wire.ensureReadable(body, SIZE - CODEC_CHANNEL_HEADER, NAME);
            int ctxId = body.readUnsignedByte(); /* ctxId (1 byte) */
            int tileSize = body.readUnsignedShortLE(); /* tileSize (2 bytes) */
            int properties = body.readUnsignedShortLE(); /* properties (2 bytes) */
            if (ctxId != 0) {
                throw DecodeException.invalidField(NAME, "ctxId", "must be 0, got " + ctxId);
            }
            if (tileSize != TILE_64) {
                throw DecodeException.invalidField(NAME, "tileSize", "must be 0x40, got " + tileSize);
            }
            if (RlgrMode.fromCode(properties >> 9 & 0xF).isEmpty()) {
                throw DecodeException.unsupportedValue(NAME, "properties.et", Integer.toString(properties >> 9 & 0xF));
            }
            return new Context(ctxId, tileSize, properties);
        }

        @Override public int blockType() {
            return WBT_CONTEXT;
        }

        @Override public void encode(ByteBuf dst) {
            writeHeader(dst, WBT_CONTEXT, SIZE, true, 0xFF);
            dst.writeByte(ctxId);
            dst.writeShortLE(tileSize);
            dst.writeShortLE(properties);
        }

        @Override public int size() {
            return SIZE;
        }

        @Override public String name() {
            return NAME;
        }
    }

    /** [MS-RDPRFX] 2.2.2.3.1 TS_RFX_FRAME_BEGIN. */
    record FrameBegin(long frameIdx, int numRegions) implements RfxBlock {
        static final String NAME = "RfxFrameBegin";
        static final int SIZE = CODEC_CHANNEL_HEADER + 4 /* frameIdx */ + 2 /* numRegions */;

        public FrameBegin {
            Wire.requireUnsigned(frameIdx, 0xFFFF_FFFFL, "frameIdx");
            Wire.requireUnsigned(numRegions, 0xFFFF, "numRegions");
        }

        static FrameBegin decodeBody(ByteBuf body) {
            Wire.ensureReadable(body, SIZE - CODEC_CHANNEL_HEADER, NAME);
            return new FrameBegin(body.readUnsignedIntLE(), body.readUnsignedShortLE());
        }

        @Override public int blockType() {
            return WBT_FRAME_BEGIN;
        }

        @Override public void encode(ByteBuf dst) {
            writeHeader(dst, WBT_FRAME_BEGIN, SIZE, true, 0);
            dst.writeIntLE((int) frameIdx);
            dst.writeShortLE(numRegions);
        }

        @Override public int size() {
            return SIZE;
        }

        @Override public String name() {
            return NAME;
        }
    }

    /** [MS-RDPRFX] 2.2.2.3.2 TS_RFX_FRAME_END. */
    record FrameEnd() implements RfxBlock {
        static final String NAME = "RfxFrameEnd";
        static final int SIZE = CODEC_CHANNEL_HEADER;

        @Override public int blockType() {
            return WBT_FRAME_END;
        }

        @Override public void encode(ByteBuf dst) {
            writeHeader(dst, WBT_FRAME_END, SIZE, true, 0);
        }

        @Override public int size() {
            return SIZE;
        }

        @Override public String name() {
            return NAME;
        }
    }

    /**
     * [MS-RDPRFX] 2.2.2.3.3 TS_RFX_REGION: the rectangles (TS_RFX_RECT, exclusive width/height) the frame updates;
     * decoders show tile pixels only inside them. No rectangle means the whole channel.
     */
    record Region(int regionFlags, List<Rect> rects, int regionType, int numTilesets) implements RfxBlock {
        static final String NAME = "RfxRegion";
        static final int FIXED = CODEC_CHANNEL_HEADER + 1 /* regionFlags */ + 2 /* numRects */
                + 2 /* regionType */ + 2 /* numTilesets */;

        public Region {
            rects = List.copyOf(rects);
            Wire.requireUnsigned(regionFlags, 0xFF, "regionFlags");
            Wire.requireUnsigned(rects.size(), 0xFFFF, "numRects");
            for (Rect r : rects) {
                Wire.requireUnsigned(r.x(), 0xFFFF, "rect.x");
                Wire.requireUnsigned(r.y(), 0xFFFF, "rect.y");
                Wire.requireUnsigned(r.width(), 0xFFFF, "rect.width");
                Wire.requireUnsigned(r.height(), 0xFFFF, "rect.height");
            }
        }

        static Region decodeBody(ByteBuf body) {
            Wire.ensureReadable(body, 3, NAME);
            int flags = body.readUnsignedByte(); /* regionFlags (1 byte) */
            int n = body.readUnsignedShortLE(); /* numRects (2 bytes) */
            if (body.readableBytes() < 8L * n + 4) {
                throw DecodeException.invalidField(NAME, "numRects",
                        n + " rectangles do not fit the " + body.readableBytes() + " bytes left in the block");
            }
            List<Rect> rects = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int x = body.readUnsignedShortLE();
                int y = body.readUnsignedShortLE();
                int w = body.readUnsignedShortLE();
                int h = body.readUnsignedShortLE();
                rects.add(new Rect(x, y, w, h));
            }
            int regionType = body.readUnsignedShortLE(); /* regionType (2 bytes) */
            int numTilesets = body.readUnsignedShortLE(); /* numTilesets (2 bytes) */
            if (regionType != CBT_REGION) {
                throw DecodeException.invalidField(NAME, "regionType", "must be 0xCAC1, got 0x"
                        + Integer.toHexString(regionType));
            }
            if (numTilesets != 1) {
                throw DecodeException.invalidField(NAME, "numTilesets", "must be 1, got " + numTilesets);
            }
            return new Region(flags, rects, regionType, numTilesets);
        }

        @Override public int blockType() {
            return WBT_REGION;
        }

        @Override public void encode(ByteBuf dst) {
            writeHeader(dst, WBT_REGION, size(), true, 0);
            dst.writeByte(regionFlags);
            dst.writeShortLE(rects.size());
            for (Rect r : rects) {
                dst.writeShortLE(r.x());
                dst.writeShortLE(r.y());
                dst.writeShortLE(r.width());
                dst.writeShortLE(r.height());
            }
            dst.writeShortLE(regionType);
            dst.writeShortLE(numTilesets);
        }

        @Override public int size() {
            return FIXED + 8 * rects.size();
        }

        @Override public String name() {
            return NAME;
        }
    }

    /** [MS-RDPRFX] 2.2.2.3.4.1 TS_RFX_TILE: quant indices, tile position in 64-pixel units, Y/Cb/Cr streams. */
    record Tile(int quantIdxY, int quantIdxCb, int quantIdxCr, int xIdx, int yIdx, Bytes yData, Bytes cbData,
            Bytes crData) {
        static final String NAME = "RfxTile";
        static final int FIXED = BLOCK_HEADER + 3 /* quantIdxY, Cb, Cr */ + 2 /* xIdx */ + 2 /* yIdx */
                + 2 /* YLen */ + 2 /* CbLen */ + 2 /* CrLen */;

        public Tile {
            Wire.requireUnsigned(quantIdxY, 0xFF, "quantIdxY");
            Wire.requireUnsigned(quantIdxCb, 0xFF, "quantIdxCb");
            Wire.requireUnsigned(quantIdxCr, 0xFF, "quantIdxCr");
            Wire.requireUnsigned(xIdx, 0xFFFF, "xIdx");
            Wire.requireUnsigned(yIdx, 0xFFFF, "yIdx");
            Wire.requireUnsigned(yData.length(), 0xFFFF, "YLen");
            Wire.requireUnsigned(cbData.length(), 0xFFFF, "CbLen");
            Wire.requireUnsigned(crData.length(), 0xFFFF, "CrLen");
        }

        static Tile decode(ByteBuf src) {
            Wire.ensureReadable(src, BLOCK_HEADER, NAME);
            int type = src.readUnsignedShortLE(); /* blockType (2 bytes) */
            long len = src.readUnsignedIntLE(); /* blockLen (4 bytes) */
            if (type != CBT_TILE) {
                throw DecodeException.invalidField(NAME, "blockType", "must be 0xCAC3, got 0x" + Integer.toHexString(type));
            }
            if (len < FIXED || len - BLOCK_HEADER > src.readableBytes()) {
                throw DecodeException.invalidField(NAME, "blockLen",
                        len + " outside " + FIXED + ".." + (src.readableBytes() + BLOCK_HEADER));
            }
            ByteBuf body = src.readSlice((int) (len - BLOCK_HEADER));
            int qy = body.readUnsignedByte();
            int qcb = body.readUnsignedByte();
            int qcr = body.readUnsignedByte();
            int x = body.readUnsignedShortLE();
            int y = body.readUnsignedShortLE();
            int yLen = body.readUnsignedShortLE();
            int cbLen = body.readUnsignedShortLE();
            int crLen = body.readUnsignedShortLE();
            if ((long) yLen + cbLen + crLen > body.readableBytes()) {
                throw DecodeException.invalidField(NAME, "YLen/CbLen/CrLen", yLen + "+" + cbLen + "+" + crLen
                        + " bytes pass the end of the tile block (" + body.readableBytes() + " left)");
            }
            Bytes yd = Bytes.read(body, yLen);
            Bytes cbd = Bytes.read(body, cbLen);
            Bytes crd = Bytes.read(body, crLen);
            return new Tile(qy, qcb, qcr, x, y, yd, cbd, crd);
        }

        int size() {
            return FIXED + yData.length() + cbData.length() + crData.length();
        }

        void encode(ByteBuf dst) {
            dst.writeShortLE(CBT_TILE);
            dst.writeIntLE(size());
            dst.writeByte(quantIdxY);
            dst.writeByte(quantIdxCb);
            dst.writeByte(quantIdxCr);
            dst.writeShortLE(xIdx);
            dst.writeShortLE(yIdx);
            dst.writeShortLE(yData.length());
            dst.writeShortLE(cbData.length());
            dst.writeShortLE(crData.length());
            yData.writeTo(dst);
            cbData.writeTo(dst);
            crData.writeTo(dst);
        }
    }

    /**
     * [MS-RDPRFX] 2.2.2.3.4 TS_RFX_TILESET (blockType WBT_EXTENSION, subtype CBT_TILESET): quantisation sets and
     * tiles. {@code properties} is laid out like the context's but shifted by one bit, with lt (bit 0) = 1 first.
     * tilesDataSize must equal the tiles' total length.
     */
    record TileSet(int idx, int properties, List<RfxQuant> quants, List<Tile> tiles) implements RfxBlock {
        static final String NAME = "RfxTileset";
        static final int FIXED = CODEC_CHANNEL_HEADER + 2 /* subtype */ + 2 /* idx */ + 2 /* properties */
                + 1 /* numQuant */ + 1 /* tileSize */ + 2 /* numTiles */ + 4 /* tilesDataSize */;

        public TileSet {
            quants = List.copyOf(quants);
            tiles = List.copyOf(tiles);
            Wire.requireUnsigned(idx, 0xFFFF, "idx");
            Wire.requireUnsigned(properties, 0xFFFF, "properties");
            if (quants.isEmpty() || quants.size() > 0xFF) {
                throw new IllegalArgumentException("1..255 quantisation sets, got " + quants.size());
            }
            Wire.requireUnsigned(tiles.size(), 0xFFFF, "numTiles");
        }

        /** The properties a server sends: lt = 1, the given flags and coder, ICT, DWT 5/3, scalar quantisation. */
        public static int properties(RlgrMode mode, boolean imageMode) {
            return 1 | (imageMode ? 0x02 : 0) << 1 | 1 << 4 | 1 << 6 | mode.code() << 10 | 1 << 14;
        }

        static TileSet decodeBody(ByteBuf body) {
            Wire.ensureReadable(body, FIXED - CODEC_CHANNEL_HEADER, NAME);
            int subtype = body.readUnsignedShortLE(); /* subtype (2 bytes) */
            int idx = body.readUnsignedShortLE(); /* idx (2 bytes) */
            int properties = body.readUnsignedShortLE(); /* properties (2 bytes) */
            int numQuant = body.readUnsignedByte(); /* numQuant (1 byte) */
            int tileSize = body.readUnsignedByte(); /* tileSize (1 byte) */
            int numTiles = body.readUnsignedShortLE(); /* numTiles (2 bytes) */
            long tilesDataSize = body.readUnsignedIntLE(); /* tilesDataSize (4 bytes) */
            if (subtype != CBT_TILESET) {
                throw DecodeException.invalidField(NAME, "subtype", "must be 0xCAC2, got 0x" + Integer.toHexString(subtype));
            }
            if (idx != 0) {
                throw DecodeException.invalidField(NAME, "idx", "must be 0, got " + idx);
            }
            if (tileSize != Context.TILE_64) {
                throw DecodeException.invalidField(NAME, "tileSize", "must be 0x40, got " + tileSize);
            }
            if (numQuant == 0) {
                throw DecodeException.invalidField(NAME, "numQuant", "no quantisation set");
            }
            if (body.readableBytes() < (long) RfxQuant.SIZE * numQuant) {
                throw DecodeException.invalidField(NAME, "numQuant", numQuant + " sets need " + RfxQuant.SIZE * numQuant
                        + " bytes, " + body.readableBytes() + " left in the block");
            }
            List<RfxQuant> quants = new ArrayList<>(numQuant);
            for (int i = 0; i < numQuant; i++) {
                quants.add(RfxQuant.decode(body));
            }
            if (tilesDataSize > body.readableBytes()) {
                throw DecodeException.invalidField(NAME, "tilesDataSize",
                        tilesDataSize + " passes the end of the block (" + body.readableBytes() + " left)");
            }
            ByteBuf tileBytes = body.readSlice((int) tilesDataSize);
            List<Tile> tiles = new ArrayList<>(Math.min(numTiles, 1024));
            for (int i = 0; i < numTiles; i++) {
                tiles.add(Tile.decode(tileBytes));
            }
            if (tileBytes.isReadable()) {
                throw DecodeException.invalidField(NAME, "tilesDataSize",
                        tileBytes.readableBytes() + " bytes after the " + numTiles + " tiles");
            }
            return new TileSet(idx, properties, quants, tiles);
        }

        int tilesDataSize() {
            int n = 0;
            for (Tile t : tiles) {
                n += t.size();
            }
            return n;
        }

        @Override public int blockType() {
            return WBT_EXTENSION;
        }

        @Override public void encode(ByteBuf dst) {
            writeHeader(dst, WBT_EXTENSION, size(), true, 0);
            dst.writeShortLE(CBT_TILESET);
            dst.writeShortLE(idx);
            dst.writeShortLE(properties);
            dst.writeByte(quants.size());
            dst.writeByte(Context.TILE_64);
            dst.writeShortLE(tiles.size());
            dst.writeIntLE(tilesDataSize());
            for (RfxQuant q : quants) {
                q.encode(dst);
            }
            for (Tile t : tiles) {
                t.encode(dst);
            }
        }

        @Override public int size() {
            return FIXED + RfxQuant.SIZE * quants.size() + tilesDataSize();
        }

        @Override public String name() {
            return NAME;
        }
    }
}
