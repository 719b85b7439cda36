package dev.oriel.rdp.core.graphics.progressive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.rfx.Rlgr;
import dev.oriel.rdp.core.graphics.rfx.RlgrMode;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes built by hand from the block layouts of [MS-RDPEGFX] 2.2.4.2.1: what the encoder writes for a flat
 * tile, and hand-assembled TILE_SIMPLE / TILE_FIRST streams the decoder must paint with known grey levels.
 */
class ProgressiveGoldenTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The RLGR1 stream of a component whose only non-zero coefficient is the first of LL3. */
    private static byte[] ll3Only(int value) {
        short[] c = new short[4096];
        c[ReduceExtrapolateDwt.LL3] = (short) value;
        byte[] out = new byte[256];
        int n = Rlgr.encode(RlgrMode.RLGR1, c, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }

    private static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8)};
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * A tile block holding {@code y} as Y data and all-zero Cb and Cr, quantIdx 0, at (0, 0); TILE_FIRST when
     * {@code quality} ≥ 0.
     */
    private static byte[] tile(byte[] y, byte[] zero, int quality) {
        boolean first = quality >= 0;
        byte[] fields = cat(HEX.parseHex("000000" + "0000" + "0000" + "00"), // quantIdx Y/Cb/Cr, xIdx, yIdx, flags
                first ? new byte[] {(byte) quality} : new byte[0],
                le16(y.length), le16(zero.length), le16(zero.length), le16(0));
        int len = 6 + fields.length + y.length + 2 * zero.length;
        return cat(le16(first ? 0xCCC6 : 0xCCC5), le32(len), fields, y, zero, zero);
    }

    /** A region with one 64 × 64 rect, the default quant table, the given progressive tables and one tile. */
    private static byte[] region(byte[] progQuant, int numProgQuant, byte[] tile) {
        byte[] body = cat(new byte[] {0x40}, le16(1), new byte[] {1, (byte) numProgQuant, 0x01}, le16(1),
                le32(tile.length), HEX.parseHex("0000000040004000"), HEX.parseHex("6666778898"), progQuant, tile);
        return cat(le16(0xCCC4), le32(6 + body.length), body);
    }

    private static final byte[] SYNC = HEX.parseHex("c0cc0c000000caacccca0001");
    private static final byte[] CONTEXT = HEX.parseHex("c3cc0a00000000400000");
    private static final byte[] FRAME_BEGIN = HEX.parseHex("c1cc0c000000" + "01000000" + "0100");
    private static final byte[] FRAME_END = HEX.parseHex("c2cc06000000");

    @Test
    void encoderWritesTheSpecLayoutForAFlatBlackTile() {
        int[] black = new int[64 * 64];
        Arrays.fill(black, 0xFF00_0000);
        byte[] ours = ProgressiveFixtures.encode(new ProgressiveEncoder(), black, 64, 64, List.of(new Rect(0, 0, 64,
                64)));
        // Y of black is −4096 in 11.5 fixed point; the DWT of a constant leaves it in every LL3 coefficient; LL3's
        // factor 6 shifts by 5, rounding −128.0 to −128; the differential keeps the first only.
        byte[] expected = cat(SYNC, CONTEXT, FRAME_BEGIN,
                region(new byte[0], 0, tile(ll3Only(-128), ll3Only(0), -1)), FRAME_END);
        assertThat(HEX.formatHex(ours)).isEqualTo(HEX.formatHex(expected));
    }

    @Test
    void decoderPaintsATileSimpleAtFullQuality() {
        // LL3 = −32 at shift 5: Y = −1024, i.e. 96 after the +4096 offset and the 11.5 scale.
        byte[] stream = cat(SYNC, CONTEXT, FRAME_BEGIN, region(new byte[0], 0, tile(ll3Only(-32), ll3Only(0), -1)),
                FRAME_END);
        int[] out = new int[64 * 64];
        ProgressiveDecoder.Frame f = new ProgressiveDecoder(64, 64).decode(Unpooled.wrappedBuffer(stream), out, 64);
        assertThat(f.frameIndex()).isEqualTo(1);
        assertThat(f.tiles()).containsExactly(new ProgressiveDecoder.Tile(0xCCC5, 0, 0, 0xFF));
        assertThat(out).containsOnly(0xFF60_6060);
    }

    @Test
    void decoderAppliesTheProgressiveTableOfATileFirst() {
        // RFX_PROGRESSIVE_CODEC_QUANT: quality 50, then Y, Cb, Cr tables; LL3 of Y adds 1 to the shift (5 → 6).
        byte[] progQuant = cat(new byte[] {50}, HEX.parseHex("0100000000"), HEX.parseHex("0000000000"),
                HEX.parseHex("0000000000"));
        byte[] stream = cat(FRAME_BEGIN, region(progQuant, 1, tile(ll3Only(-32), ll3Only(0), 0)), FRAME_END);
        int[] out = new int[64 * 64];
        ProgressiveDecoder.Frame f = new ProgressiveDecoder(64, 64).decode(Unpooled.wrappedBuffer(stream), out, 64);
        assertThat(f.tiles()).containsExactly(new ProgressiveDecoder.Tile(0xCCC6, 0, 0, 0));
        // Y = −32 << 6 = −2048: 64.
        assertThat(out).containsOnly(0xFF40_4040);
    }

    @Test
    void decoderAddsTheRawBitsOfATileUpgrade() {
        // First pass: LL3 of Y coarsened by one bit (shift 6): −32 << 6 = −2048, grey 64.
        byte[] progQuant = cat(new byte[] {50}, HEX.parseHex("0100000000"), HEX.parseHex("0000000000"),
                HEX.parseHex("0000000000"));
        byte[] first = cat(FRAME_BEGIN, region(progQuant, 1, tile(ll3Only(-32), ll3Only(0), 0)), FRAME_END);
        // Upgrade to full quality (0xFF): only Y's LL3 has a bit to add (numBits 1), unsigned, in the RAW stream:
        // 81 one bits, padded; no SRL data (no other band moves), empty Cb and Cr.
        byte[] yRaw = HEX.parseHex("ffffffffffffffffffff80");
        byte[] fields = cat(HEX.parseHex("000000" + "0000" + "0000" + "ff"), le16(0), le16(yRaw.length), le16(0),
                le16(0), le16(0), le16(0));
        byte[] upgrade = cat(le16(0xCCC7), le32(6 + fields.length + yRaw.length), fields, yRaw);
        byte[] second = cat(FRAME_BEGIN, region(progQuant, 1, upgrade), FRAME_END);
        int[] out = new int[64 * 64];
        ProgressiveDecoder decoder = new ProgressiveDecoder(64, 64);
        decoder.decode(Unpooled.wrappedBuffer(first), out, 64);
        assertThat(out).containsOnly(0xFF40_4040);
        ProgressiveDecoder.Frame f = decoder.decode(Unpooled.wrappedBuffer(second), out, 64);
        assertThat(f.tiles()).containsExactly(new ProgressiveDecoder.Tile(0xCCC7, 0, 0, 0xFF));
        // Each LL3 coefficient gains 1 << 5: −2016, grey 65.
        assertThat(out).containsOnly(0xFF41_4141);
    }

    @Test
    void headersOnlyMessageHasNoFrame() {
        assertThat(new ProgressiveDecoder(64, 64).decode(Unpooled.wrappedBuffer(cat(SYNC, CONTEXT)), new int[4096],
                64)).isNull();
    }

    @Test
    void componentQuantNibbleOrderIsTheProgressiveOne() {
        // LL3, HL3 | LH3, HH3 | HL2, LH2 | HH2, HL1 | LH1, HH1 — low nibble first (2.2.4.2.1.5.2).
        ComponentQuant q = ComponentQuant.decode(Unpooled.wrappedBuffer(HEX.parseHex("2143658709")));
        assertThat(q).isEqualTo(new ComponentQuant(1, 2, 3, 4, 5, 6, 7, 8, 9, 0));
        io.netty.buffer.ByteBuf buf = Unpooled.buffer();
        q.encode(buf);
        assertThat(io.netty.buffer.ByteBufUtil.hexDump(buf)).isEqualTo("2143658709");
        buf.release();
    }
}
