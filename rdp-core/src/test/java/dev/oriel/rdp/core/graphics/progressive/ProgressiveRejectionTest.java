package dev.oriel.rdp.core.graphics.progressive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Mutator;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed progressive streams: each listed case, every truncation, then seeded mutations. */
class ProgressiveRejectionTest {
    private static final int W = 128;
    private static final int H = 64;

    // Offsets in a message with headers, one rect, one quant table, as ProgressiveEncoder writes it.
    private static final int CONTEXT = 12;
    private static final int FRAME_BEGIN = 22;
    private static final int REGION = 34;
    private static final int TILE_SIZE = REGION + 6;
    private static final int NUM_RECTS = REGION + 7;
    private static final int NUM_QUANT = REGION + 9;
    private static final int NUM_PROG_QUANT = REGION + 10;
    private static final int NUM_TILES = REGION + 12;
    private static final int TILE_DATA_SIZE = REGION + 14;
    private static final int RECT = REGION + 18;
    private static final int QUANT = RECT + 8;
    private static final int TILE = QUANT + 5;
    private static final int QUANT_IDX_Y = TILE + 6;
    private static final int X_IDX = TILE + 9;
    private static final int Y_LEN = TILE + 14;
    private static final int TAIL_LEN = TILE + 20;

    /** A valid message for a 128 × 64 surface: two tiles. */
    private static byte[] message() {
        return ProgressiveFixtures.encode(new ProgressiveEncoder(), ProgressiveFixtures.synthetic(W, H, 5), W, H,
                List.of(new Rect(0, 0, W, H)));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Consumer<byte[]> patch) {
        byte[] msg = message();
        patch.accept(msg);
        return assertThatThrownBy(() -> new ProgressiveDecoder(W, H).decode(Unpooled.wrappedBuffer(msg),
                new int[W * H], W)).isInstanceOf(DecodeException.class);
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void putInt(byte[] b, int at, int v) {
        putShort(b, at, v);
        putShort(b, at + 2, v >> 16);
    }

    private static int getShort(byte[] b, int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8;
    }

    @Test
    void offsetsAreWhereTheTestsPatch() {
        byte[] msg = message();
        assertThat(getShort(msg, CONTEXT)).isEqualTo(ProgressiveBlocks.WBT_CONTEXT);
        assertThat(getShort(msg, FRAME_BEGIN)).isEqualTo(ProgressiveBlocks.WBT_FRAME_BEGIN);
        assertThat(getShort(msg, REGION)).isEqualTo(ProgressiveBlocks.WBT_REGION);
        assertThat(getShort(msg, TILE)).isEqualTo(ProgressiveBlocks.WBT_TILE_SIMPLE);
        assertThat(msg[NUM_QUANT]).isEqualTo((byte) 1);
        assertThat(getShort(msg, NUM_TILES)).isEqualTo(2);
        assertThat(new ProgressiveDecoder(W, H).decode(Unpooled.wrappedBuffer(msg), new int[W * H], W).tiles())
                .hasSize(2);
    }

    @Test
    void badSync() {
        assertRejected(m -> m[6] ^= 1).hasMessageContaining("magic");
        assertRejected(m -> m[11] = 2).hasMessageContaining("version");
        assertRejected(m -> putInt(m, 2, 13)).hasMessageContaining("RfxProgressive");
    }

    @Test
    void badContext() {
        assertRejected(m -> putShort(m, CONTEXT + 7, 32)).hasMessageContaining("tileSize");
        assertRejected(m -> putInt(m, CONTEXT + 2, 11)).hasMessageContaining("RfxProgressive");
    }

    @Test
    void unknownBlockType() {
        assertRejected(m -> putShort(m, FRAME_BEGIN, 0xCCC8)).hasMessageContaining("blockType");
        // A tile block at the top level.
        assertRejected(m -> putShort(m, CONTEXT, ProgressiveBlocks.WBT_TILE_SIMPLE)).hasMessageContaining("blockType");
    }

    @Test
    void blockLengths() {
        assertRejected(m -> putInt(m, REGION + 2, m.length)).hasMessageContaining("blockLen");
        assertRejected(m -> putInt(m, REGION + 2, 5)).hasMessageContaining("blockLen");
        assertRejected(m -> putInt(m, FRAME_BEGIN + 2, 13)).hasMessageContaining("blockLen");
        assertRejected(m -> putInt(m, m.length - 4, 7)).hasMessageContaining("blockLen");
    }

    @Test
    void frameStructure() {
        // FRAME_BEGIN turned into a second SYNC: the region is ignored, and FRAME_END has no FRAME_BEGIN.
        assertRejected(m -> putShort(m, FRAME_BEGIN, ProgressiveBlocks.WBT_SYNC));
        // No FRAME_END.
        byte[] msg = message();
        byte[] cut = Arrays.copyOf(msg, msg.length - ProgressiveBlocks.FRAME_END_SIZE);
        assertThatThrownBy(() -> new ProgressiveDecoder(W, H).decode(Unpooled.wrappedBuffer(cut), new int[W * H], W))
                .isInstanceOf(DecodeException.class).hasMessageContaining("FRAME_END");
        // Something after FRAME_END.
        byte[] longer = Arrays.copyOf(msg, msg.length + 12);
        System.arraycopy(msg, 0, longer, msg.length, 12);
        assertThatThrownBy(() -> new ProgressiveDecoder(W, H).decode(Unpooled.wrappedBuffer(longer), new int[W * H],
                W)).isInstanceOf(DecodeException.class).hasMessageContaining("follows FRAME_END");
    }

    @Test
    void regionFields() {
        assertRejected(m -> m[TILE_SIZE] = 32).hasMessageContaining("tileSize");
        assertRejected(m -> putShort(m, NUM_RECTS, 0)).hasMessageContaining("numRects");
        assertRejected(m -> m[NUM_QUANT] = 0).hasMessageContaining("numQuant");
        assertRejected(m -> m[NUM_QUANT] = 8).hasMessageContaining("numQuant");
        assertRejected(m -> putShort(m, NUM_RECTS, 0xFFFF)).hasMessageContaining("RfxProgressiveRegion");
        assertRejected(m -> m[NUM_PROG_QUANT] = (byte) 0xFF).hasMessageContaining("RfxProgressiveRegion");
        assertRejected(m -> putShort(m, NUM_TILES, 1)).hasMessageContaining("numTiles");
        assertRejected(m -> putShort(m, NUM_TILES, 3)).hasMessageContaining("numTiles");
        assertRejected(m -> putInt(m, TILE_DATA_SIZE, 0x7FFF_FFFF)).hasMessageContaining("tileDataSize");
        assertRejected(m -> putInt(m, TILE_DATA_SIZE, 10)).hasMessageContaining("RfxProgressiveRegion");
    }

    @Test
    void rectOutsideTheSurface() {
        assertRejected(m -> putShort(m, RECT + 4, W + 1)).hasMessageContaining("rects");
        assertRejected(m -> putShort(m, RECT + 2, 1)).hasMessageContaining("rects");
    }

    @Test
    void quantisationFactorOutOfRange() {
        assertRejected(m -> m[QUANT] = 0x65).hasMessageContaining("quantVals");
        assertRejected(m -> m[QUANT + 4] = 0x08).hasMessageContaining("quantVals");
    }

    @Test
    void tileFields() {
        assertRejected(m -> m[QUANT_IDX_Y] = 1).hasMessageContaining("quantIdxY");
        assertRejected(m -> m[QUANT_IDX_Y + 1] = 1).hasMessageContaining("quantIdxCb");
        assertRejected(m -> m[QUANT_IDX_Y + 2] = (byte) 0xFF).hasMessageContaining("quantIdxCr");
        assertRejected(m -> putShort(m, X_IDX, 2)).hasMessageContaining("outside");
        assertRejected(m -> putShort(m, X_IDX + 2, 1)).hasMessageContaining("outside");
        assertRejected(m -> putShort(m, Y_LEN, 0xFFFF)).hasMessageContaining("yLen");
        assertRejected(m -> putShort(m, TAIL_LEN, 1)).hasMessageContaining("RfxProgressiveTileSimple");
        assertRejected(m -> putInt(m, TILE + 2, 5)).hasMessageContaining("tiles");
        assertRejected(m -> putShort(m, TILE, 0xCCC4)).hasMessageContaining("not a tile");
    }

    @Test
    void tileFirstQualityBeyondTheProgressiveTables() {
        // TILE_SIMPLE relabelled TILE_FIRST: its flags byte becomes progressiveQuality (0, with no table), and
        // the block is one byte short of its lengths.
        assertRejected(m -> putShort(m, TILE, ProgressiveBlocks.WBT_TILE_FIRST));
    }

    @Test
    void tileUpgradeOfATileNeverDrawn() {
        // A TILE_SIMPLE relabelled TILE_UPGRADE on a fresh decoder: its lengths no longer add up, or the tile has
        // had no first pass.
        assertRejected(m -> putShort(m, TILE, ProgressiveBlocks.WBT_TILE_UPGRADE))
                .hasMessageContaining("RfxProgressiveTileUpgrade");
    }

    // Offsets in an upgrade message of the same surface: FRAME_BEGIN, a region with two rects, one quant table and
    // three progressive tables, then the TILE_UPGRADE of tile (0, 0).
    private static final int U_REGION = 12;
    private static final int U_TABLES = U_REGION + ProgressiveBlocks.REGION_FIXED_SIZE + 2 * 8 + 5;
    private static final int U_TILE = U_TABLES + 3 * ProgressiveCodecQuant.SIZE;
    private static final int U_QUANT_IDX_Y = U_TILE + 6;
    private static final int U_X_IDX = U_TILE + 9;
    private static final int U_QUALITY = U_TILE + 13;
    private static final int U_Y_SRL_LEN = U_TILE + 14;
    private static final int U_DATA = U_TILE + ProgressiveBlocks.TILE_UPGRADE_FIXED_SIZE;

    /** A first pass of the 128 × 64 surface and its first upgrade pass. */
    private static List<byte[]> passes() {
        List<byte[]> all = new ProgressivePassesTest.Passes(new ProgressiveEncoder(), W, H).all(
                ProgressiveFixtures.synthetic(W, H, 5), List.of(new Rect(0, 0, W, H)));
        return all.subList(0, 2);
    }

    /** A decoder that has decoded the first pass. */
    private static ProgressiveDecoder afterFirstPass(byte[] first) {
        ProgressiveDecoder decoder = new ProgressiveDecoder(W, H);
        decoder.decode(Unpooled.wrappedBuffer(first), new int[W * H], W);
        return decoder;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertUpgradeRejected(Consumer<byte[]> patch) {
        List<byte[]> p = passes();
        byte[] msg = p.get(1).clone();
        patch.accept(msg);
        ProgressiveDecoder decoder = afterFirstPass(p.get(0));
        return assertThatThrownBy(() -> decoder.decode(Unpooled.wrappedBuffer(msg), new int[W * H], W))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void upgradeOffsetsAreWhereTheTestsPatch() {
        byte[] msg = passes().get(1);
        assertThat(getShort(msg, U_REGION)).isEqualTo(ProgressiveBlocks.WBT_REGION);
        assertThat(msg[U_REGION + 10]).isEqualTo((byte) 3);
        assertThat(getShort(msg, U_TILE)).isEqualTo(ProgressiveBlocks.WBT_TILE_UPGRADE);
        assertThat(msg[U_QUALITY]).isEqualTo((byte) 1);
        assertThat(afterFirstPass(passes().get(0)).decode(Unpooled.wrappedBuffer(msg), new int[W * H], W).tiles())
                .extracting(ProgressiveDecoder.Tile::blockType).containsOnly(ProgressiveBlocks.WBT_TILE_UPGRADE);
    }

    @Test
    void upgradeFields() {
        assertUpgradeRejected(m -> m[U_QUANT_IDX_Y] = 1).hasMessageContaining("quantIdxY");
        assertUpgradeRejected(m -> m[U_QUALITY] = 3).hasMessageContaining("progressiveQuality");
        assertUpgradeRejected(m -> putShort(m, U_X_IDX, 2)).hasMessageContaining("outside");
        assertUpgradeRejected(m -> putShort(m, U_Y_SRL_LEN, 0xFFFF)).hasMessageContaining("ySrlLen");
        assertUpgradeRejected(m -> putShort(m, U_Y_SRL_LEN + 2, 0xFFFF)).hasMessageContaining("yRawLen");
        // A table whose LL3 of Y leaves out 15 bits: coarser than the first pass.
        assertUpgradeRejected(m -> m[U_TABLES + ProgressiveCodecQuant.SIZE + 1] = 0x2F)
                .hasMessageContaining("coarser");
    }

    @Test
    void upgradeStreamLengthsMustMatchTheBitsRead() {
        // Two bytes moved from the Y RAW data to the Y SRL data: the SRL stream is then too long, or the RAW one
        // runs out.
        assertUpgradeRejected(m -> {
            putShort(m, U_Y_SRL_LEN, getShort(m, U_Y_SRL_LEN) + 2);
            putShort(m, U_Y_SRL_LEN + 2, getShort(m, U_Y_SRL_LEN + 2) - 2);
        }).hasMessageContaining("RfxProgressiveTileUpgrade");
        assertUpgradeRejected(m -> {
            putShort(m, U_Y_SRL_LEN, getShort(m, U_Y_SRL_LEN) - 1);
            putShort(m, U_Y_SRL_LEN + 2, getShort(m, U_Y_SRL_LEN + 2) + 1);
        }).hasMessageContaining("RfxProgressiveTileUpgrade");
    }

    @Test
    void oneSpareSrlByteIsAcceptedAsFreeRdpDoes() {
        List<byte[]> p = passes();
        byte[] m = p.get(1);
        int srlLen = getShort(m, U_Y_SRL_LEN);
        byte[] longer = new byte[m.length + 1];
        System.arraycopy(m, 0, longer, 0, U_DATA + srlLen);
        System.arraycopy(m, U_DATA + srlLen, longer, U_DATA + srlLen + 1, m.length - U_DATA - srlLen);
        putShort(longer, U_Y_SRL_LEN, srlLen + 1);
        putInt(longer, U_TILE + 2, getShort(m, U_TILE + 2) + 1);
        putInt(longer, U_REGION + 14, getShort(m, U_REGION + 14) + 1);
        putInt(longer, U_REGION + 2, getShort(m, U_REGION + 2) + 1);
        int[] a = new int[W * H];
        int[] b = new int[W * H];
        afterFirstPass(p.get(0)).decode(Unpooled.wrappedBuffer(m), a, W);
        afterFirstPass(p.get(0)).decode(Unpooled.wrappedBuffer(longer), b, W);
        assertThat(b).isEqualTo(a);
        // Two spare bytes are not.
        byte[] twoMore = longer.clone();
        putShort(twoMore, U_Y_SRL_LEN, srlLen + 2);
        putShort(twoMore, U_Y_SRL_LEN + 2, getShort(m, U_Y_SRL_LEN + 2) - 1);
        assertThatThrownBy(() -> afterFirstPass(p.get(0)).decode(Unpooled.wrappedBuffer(twoMore), new int[W * H],
                W)).isInstanceOf(DecodeException.class);
    }

    @Test
    void upgradeOfATileWithoutFirstPass() {
        byte[] msg = passes().get(1);
        assertThatThrownBy(() -> new ProgressiveDecoder(W, H).decode(Unpooled.wrappedBuffer(msg), new int[W * H],
                W)).isInstanceOf(DecodeException.class).hasMessageContaining("no first pass");
    }

    @Test
    void upgradeTruncatedEverywhere() {
        List<byte[]> p = passes();
        byte[] msg = p.get(1);
        for (int len = 1; len < msg.length; len++) {
            byte[] prefix = Arrays.copyOf(msg, len);
            ProgressiveDecoder decoder = afterFirstPass(p.get(0));
            assertThatThrownBy(() -> decoder.decode(Unpooled.wrappedBuffer(prefix), new int[W * H], W))
                    .as("length %d", len).isInstanceOf(DecodeException.class);
        }
    }

    /** Seeded mutations of an upgrade message, decoded after its first pass: only DecodeException, no hang. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void upgradeMutationsGiveOnlyDecodeExceptions() {
        List<byte[]> p = passes();
        int thrown = 0;
        int decoded = 0;
        for (long seed = 0; seed < 1500; seed++) {
            byte[] input = new Mutator(seed).mutate(p.get(1));
            ProgressiveDecoder decoder = afterFirstPass(p.get(0));
            boolean threw = Mutator.expectOnlyRdpExceptions(seed, input, () -> {
                decoder.decode(Unpooled.wrappedBuffer(input), new int[W * H], W);
            });
            if (threw) {
                thrown++;
            } else {
                decoded++;
            }
        }
        assertThat(thrown).isPositive();
        assertThat(decoded).isPositive();
    }

    @Test
    void truncatedEverywhere() {
        byte[] msg = message();
        for (int len = 1; len < msg.length; len++) {
            byte[] prefix = Arrays.copyOf(msg, len);
            ProgressiveDecoder decoder = new ProgressiveDecoder(W, H);
            if (len == CONTEXT || len == FRAME_BEGIN) {
                // Cut after SYNC or CONTEXT: a valid headers-only message.
                assertThat(decoder.decode(Unpooled.wrappedBuffer(prefix), new int[W * H], W)).isNull();
                continue;
            }
            assertThatThrownBy(() -> decoder.decode(Unpooled.wrappedBuffer(prefix), new int[W * H], W))
                    .as("length %d", len).isInstanceOf(DecodeException.class);
        }
    }

    /** Seeded byte flips, truncations and insertions of valid streams: only DecodeException, and no hang. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutationsGiveOnlyDecodeExceptions() {
        byte[][] bases = {message(), ProgressiveFixtures.encode(ProgressiveFixtures.bench("tile-ui-64x64.bgra.gz"),
                64, 64)};
        int thrown = 0;
        int decoded = 0;
        for (long seed = 0; seed < 3000; seed++) {
            Mutator mutator = new Mutator(seed);
            boolean ours = seed % 2 == 0;
            byte[] input = mutator.mutate(bases[ours ? 0 : 1]);
            int w = ours ? W : 64;
            int h = ours ? H : 64;
            boolean threw = Mutator.expectOnlyRdpExceptions(seed, input, () -> {
                new ProgressiveDecoder(w, h).decode(Unpooled.wrappedBuffer(input), new int[w * h], w);
            });
            if (threw) {
                thrown++;
            } else {
                decoded++;
            }
        }
        assertThat(thrown).isPositive();
        assertThat(decoded).isPositive();
    }
}
