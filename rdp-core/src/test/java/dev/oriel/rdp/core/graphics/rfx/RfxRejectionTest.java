package dev.oriel.rdp.core.graphics.rfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed RemoteFX messages: each listed case, then seeded mutations of valid messages. */
class RfxRejectionTest {
    // Offsets in a data message of one 1-rect region and one quant set, as RfxMessageEncoder writes it.
    private static final int REGION = 14;
    private static final int TILESET = REGION + 23;
    private static final int NUM_QUANT = TILESET + 14;
    private static final int TILES_DATA_SIZE = TILESET + 18;
    private static final int QUANT = TILESET + 22;
    private static final int TILE = TILESET + 27;
    private static final int QUANT_IDX_Y = TILE + 6;
    private static final int X_IDX = TILE + 9;
    private static final int Y_LEN = TILE + 13;

    private static final int W = 128;
    private static final int H = 64;

    /** A valid data message (no headers) for a 128×64 image: two tiles. */
    private static byte[] dataMessage() {
        int[] px = new int[W * H];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF00_0000 | (i * 7 & 0xFF) << 16 | (i >> 7) << 8 | (i & 0x7F);
        }
        ByteBuf buf = Unpooled.buffer();
        int n = new RfxMessageEncoder().encode(px, 0, W, W, H, List.of(new Rect(0, 0, W, H)), false, 1, buf);
        byte[] out = new byte[n];
        buf.readBytes(out);
        buf.release();
        return out;
    }

    private static byte[] headers() {
        ByteBuf buf = Unpooled.buffer();
        new RfxMessageEncoder().writeHeaders(W, H, buf);
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        buf.release();
        return out;
    }

    /** Decodes headers, then the patched data message, with a fresh decoder. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Consumer<byte[]> patch) {
        byte[] msg = dataMessage();
        patch.accept(msg);
        RfxDecoder decoder = new RfxDecoder();
        int[] dst = new int[W * H];
        decoder.decode(Unpooled.wrappedBuffer(headers()), dst, 0, W, W, H);
        return assertThatThrownBy(() -> decoder.decode(Unpooled.wrappedBuffer(msg), dst, 0, W, W, H))
                .isInstanceOf(DecodeException.class);
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void putInt(byte[] b, int at, int v) {
        putShort(b, at, v);
        putShort(b, at + 2, v >> 16);
    }

    @Test
    void unpatchedMessageDecodes() {
        byte[] msg = dataMessage();
        assertThat(msg[NUM_QUANT]).isEqualTo((byte) 1);
        assertThat(msg[QUANT_IDX_Y - 6] & 0xFF | (msg[QUANT_IDX_Y - 5] & 0xFF) << 8).isEqualTo(RfxBlock.CBT_TILE);
        RfxDecoder decoder = new RfxDecoder();
        int[] dst = new int[W * H];
        decoder.decode(Unpooled.wrappedBuffer(headers()), dst, 0, W, W, H);
        assertThat(decoder.decode(Unpooled.wrappedBuffer(msg), dst, 0, W, W, H)).hasSize(1);
    }

    @Test
    void unknownBlockType() {
        assertRejected(m -> putShort(m, REGION, 0xCCC8)).hasMessageContaining("RfxBlock");
    }

    @Test
    void blockLengthPastTheEnd() {
        assertRejected(m -> putInt(m, TILESET + 2, m.length)).hasMessageContaining("blockLen");
    }

    @Test
    void blockLengthShorterThanItsHeader() {
        assertRejected(m -> putInt(m, REGION + 2, 5)).hasMessageContaining("blockLen");
    }

    @Test
    void blockTooShortForItsFields() {
        // The region claims only its codec channel header: the fields are missing.
        assertRejected(m -> putInt(m, REGION + 2, 8));
    }

    @Test
    void noQuantisationSet() {
        assertRejected(m -> m[NUM_QUANT] = 0).hasMessageContaining("numQuant");
    }

    @Test
    void moreQuantisationSetsThanTheBlockHolds() {
        // 255 sets: either they pass the block's end or the tile bytes read as sets hold factors below 6.
        assertRejected(m -> m[NUM_QUANT] = (byte) 255);
    }

    @Test
    void quantisationFactorOutOfRange() {
        assertRejected(m -> m[QUANT] = 0x05).hasMessageContaining("quantValue");
    }

    @Test
    void quantIndexOutOfRange() {
        assertRejected(m -> m[QUANT_IDX_Y] = 1).hasMessageContaining("quantIdxY");
        assertRejected(m -> m[QUANT_IDX_Y + 2] = (byte) 0xFF).hasMessageContaining("quantIdxCr");
    }

    @Test
    void tileOutsideTheFrame() {
        assertRejected(m -> putShort(m, X_IDX, 2)).hasMessageContaining("outside");
        assertRejected(m -> putShort(m, X_IDX + 2, 1)).hasMessageContaining("outside");
    }

    @Test
    void componentDataPastTheTileBlock() {
        assertRejected(m -> putShort(m, Y_LEN, 0xFFFF)).hasMessageContaining("YLen");
    }

    @Test
    void tilesDataSizeMismatch() {
        assertRejected(m -> putInt(m, TILES_DATA_SIZE, 0x7FFF_FFFF)).hasMessageContaining("tilesDataSize");
        assertRejected(m -> putInt(m, TILES_DATA_SIZE, 10)).hasMessageContaining("RfxTile");
    }

    @Test
    void wrongCodecOrChannelId() {
        assertRejected(m -> m[REGION + 6] = 2).hasMessageContaining("codecId");
        assertRejected(m -> m[REGION + 7] = (byte) 0xFF).hasMessageContaining("channelId");
    }

    @Test
    void wrongRegionType() {
        assertRejected(m -> putShort(m, TILESET - 4, 0xCAC2)).hasMessageContaining("regionType");
    }

    @Test
    void dataBlocksOutOfOrder() {
        // The tile set where the region belongs: swap the two blocks' type codes.
        assertRejected(m -> {
            putShort(m, REGION, RfxBlock.WBT_EXTENSION);
            putShort(m, TILESET, RfxBlock.WBT_REGION);
        });
        // A frame end right after the frame begin.
        assertRejected(m -> putShort(m, REGION, RfxBlock.WBT_FRAME_END));
    }

    @Test
    void truncatedEverywhere() {
        byte[] msg = dataMessage();
        int tileSetEnd = msg.length - RfxBlock.FrameEnd.SIZE;
        for (int len = 1; len < msg.length; len++) {
            byte[] prefix = Arrays.copyOf(msg, len);
            RfxDecoder decoder = new RfxDecoder();
            decoder.decode(Unpooled.wrappedBuffer(headers()), new int[W * H], 0, W, W, H);
            if (len == REGION || len == TILESET || len == tileSetEnd) {
                // Cut at a block boundary: what is there is valid, and no frame is complete yet.
                assertThat(decoder.decode(Unpooled.wrappedBuffer(prefix), new int[W * H], 0, W, W, H)).isEmpty();
                continue;
            }
            assertThatThrownBy(() -> decoder.decode(Unpooled.wrappedBuffer(prefix), new int[W * H], 0, W, W, H))
                    .as("length %d", len).isInstanceOf(DecodeException.class);
        }
    }

    /** Seeded byte flips and truncations of valid messages: only DecodeException, and no hang. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutationsGiveOnlyDecodeExceptions() {
        byte[] header = RfxVectors.freerdp("encodeHeaderSample");
        byte[] data = RfxVectors.freerdp("encodeDataSample");
        byte[] sample = new byte[header.length + data.length];
        System.arraycopy(header, 0, sample, 0, header.length);
        System.arraycopy(data, 0, sample, header.length, data.length);
        byte[] ours = new byte[headers().length + dataMessage().length];
        System.arraycopy(headers(), 0, ours, 0, headers().length);
        System.arraycopy(dataMessage(), 0, ours, headers().length, dataMessage().length);
        SplittableRandom rnd = new SplittableRandom(20261207);
        int rejected = 0;
        int accepted = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] base = i % 2 == 0 ? sample : ours;
            byte[] m = base.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int at = rnd.nextInt(m.length);
                m[at] = rnd.nextInt(3) == 0 ? (byte) rnd.nextInt(256) : (byte) (m[at] ^ 1 << rnd.nextInt(8));
            }
            if (rnd.nextInt(4) == 0) {
                m = Arrays.copyOf(m, rnd.nextInt(m.length));
            }
            int w = base == sample ? 64 : W;
            int h = base == sample ? 64 : H;
            try {
                new RfxDecoder().decode(Unpooled.wrappedBuffer(m), new int[w * h], 0, w, w, h);
                accepted++;
            } catch (DecodeException e) {
                rejected++;
            }
        }
        System.out.printf("RFX mutations: %d rejected, %d decoded%n", rejected, accepted);
        assertThat(rejected).isPositive();
    }
}
