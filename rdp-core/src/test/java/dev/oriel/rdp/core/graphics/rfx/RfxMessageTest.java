package dev.oriel.rdp.core.graphics.rfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.graphics.Psnr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Whole messages from {@link RfxMessageEncoder}: layout, tile selection, the two carriers, edges and modes. */
class RfxMessageTest {

    private static byte[] encode(RfxMessageEncoder enc, int[] px, int w, int h, List<Rect> rects, boolean headers) {
        ByteBuf buf = Unpooled.buffer();
        try {
            int n = enc.encode(px, 0, w, w, h, rects, headers, 3, buf);
            byte[] out = new byte[n];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }

    @Test
    void headerBlocksMatchTheSpecSampleButForTheReservedBit() {
        ByteBuf buf = Unpooled.buffer();
        new RfxMessageEncoder().writeHeaders(64, 64, buf);
        byte[] ours = new byte[buf.readableBytes()];
        buf.readBytes(ours);
        byte[] sample = RfxVectors.freerdp("encodeHeaderSample");
        sample[24] &= 0x7F; // context properties 0xA828 → 0x2828: bit 15 is reserved
        assertThat(ours).isEqualTo(sample);
    }

    /** The blocks the encoder writes itself equal IronRDP's PDU vectors for the same field values. */
    @Test
    void encoderBlocksEqualIronrdpVectors() {
        ByteBuf buf = Unpooled.buffer();
        new RfxMessageEncoder().writeHeaders(64, 64, buf);
        byte[] headers = new byte[buf.readableBytes()];
        buf.readBytes(headers);
        byte[] sync = RfxVectors.ironrdp("pdu__rfx.rs", "SYNC_PDU_BUFFER");
        byte[] context = RfxVectors.ironrdp("pdu__rfx.rs", "CONTEXT_PDU_BUFFER");
        byte[] versions = RfxVectors.ironrdp("pdu__rfx.rs", "CODEC_VERSIONS_PDU_BUFFER");
        assertThat(Arrays.copyOfRange(headers, 0, 12)).isEqualTo(sync);
        assertThat(Arrays.copyOfRange(headers, 12, 25)).isEqualTo(context);
        assertThat(Arrays.copyOfRange(headers, 25, 35)).isEqualTo(versions);
        int[] px = new int[64 * 64];
        ByteBuf msg = Unpooled.buffer();
        new RfxMessageEncoder().encode(px, 0, 64, 64, 64, List.of(new Rect(0, 0, 64, 64)), false, 0, msg);
        byte[] bytes = new byte[msg.readableBytes()];
        msg.readBytes(bytes);
        assertThat(Arrays.copyOfRange(bytes, 0, 14)).isEqualTo(RfxVectors.ironrdp("pdu__rfx.rs", "FRAME_BEGIN_PDU_BUFFER"));
        assertThat(Arrays.copyOfRange(bytes, bytes.length - 8, bytes.length))
                .isEqualTo(RfxVectors.ironrdp("pdu__rfx.rs", "FRAME_END_PDU_BUFFER"));
        buf.release();
        msg.release();
    }

    @Test
    void messageLayoutAndTileSelection() {
        int w = 300;
        int h = 190;
        int[] px = RfxVectors.bench("desktop-ui-crop-1180-100-300x190.bgra.gz");
        // Two rectangles: one inside tile (0, 0), one spanning tiles (3..4, 2); one outside the image, one empty.
        List<Rect> rects = List.of(new Rect(10, 10, 20, 20), new Rect(200, 150, 90, 30), new Rect(400, 0, 10, 10),
                new Rect(50, 50, 0, 5));
        byte[] msg = encode(new RfxMessageEncoder(), px, w, h, rects, false);
        List<RfxBlock> blocks = RfxBlock.decodeAll(Unpooled.wrappedBuffer(msg));
        assertThat(blocks).hasSize(4);
        assertThat(blocks.get(0)).isEqualTo(new RfxBlock.FrameBegin(3, 1));
        assertThat(blocks.get(1)).isEqualTo(new RfxBlock.Region(1,
                List.of(new Rect(10, 10, 20, 20), new Rect(200, 150, 90, 30)), RfxBlock.CBT_REGION, 1));
        RfxBlock.TileSet set = (RfxBlock.TileSet) blocks.get(2);
        assertThat(set.quants()).containsExactly(RfxQuant.DEFAULT);
        assertThat(set.properties()).isEqualTo(0x5051);
        assertThat(set.tiles()).extracting(t -> t.xIdx() + "," + t.yIdx()).containsExactly("0,0", "3,2", "4,2");
        assertThat(blocks.get(3)).isEqualTo(new RfxBlock.FrameEnd());
        // Re-encoding the parsed blocks gives the same bytes (lengths and tilesDataSize were patched right).
        ByteBuf again = Unpooled.buffer();
        blocks.forEach(b -> b.encode(again));
        byte[] bytes = new byte[again.readableBytes()];
        again.readBytes(bytes);
        assertThat(bytes).isEqualTo(msg);
    }

    @Test
    void partialEdgeTilesRoundTripAndOnlyRectsArePainted() {
        int w = 300;
        int h = 190;
        int[] px = RfxVectors.bench("desktop-ui-crop-1180-100-300x190.bgra.gz");
        int[] bytes = new int[1];
        int[] out = RfxEncoderTest.roundTrip(px, w, h, new RfxMessageEncoder(), bytes);
        double psnr = Psnr.of(px, out);
        System.out.printf("desktop crop 300x190: PSNR %.2f dB, %d bytes%n", psnr, bytes[0]);
        assertThat(psnr).isGreaterThanOrEqualTo(40.0);

        // Only the rectangles are painted: the rest of the destination keeps its old content.
        int[] dst = new int[w * h];
        Arrays.fill(dst, 0x12345678);
        Rect r = new Rect(70, 60, 100, 80);
        byte[] msg = encode(new RfxMessageEncoder(), px, w, h, List.of(r), true);
        new RfxDecoder().decode(Unpooled.wrappedBuffer(msg), dst, 0, w, w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!r.contains(x, y)) {
                    assertThat(dst[y * w + x]).isEqualTo(0x12345678);
                }
            }
        }
        int[] inside = new int[r.width() * r.height()];
        int[] source = new int[inside.length];
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(dst, (r.y() + y) * w + r.x(), inside, y * r.width(), r.width());
            System.arraycopy(px, (r.y() + y) * w + r.x(), source, y * r.width(), r.width());
        }
        assertThat(Psnr.of(source, inside)).isGreaterThanOrEqualTo(40.0);
    }

    @Test
    void subImageWithOffsetAndStride() {
        int[] px = RfxVectors.bench("desktop-ui-crop-1180-100-300x190.bgra.gz");
        // Encode the 100x70 region at (37, 41) of the 300-wide image through offset and stride.
        int w = 100;
        int h = 70;
        ByteBuf buf = Unpooled.buffer();
        new RfxMessageEncoder().encode(px, 41 * 300 + 37, 300, w, h, List.of(new Rect(0, 0, w, h)), true, 0, buf);
        int[] out = new int[w * h];
        new RfxDecoder().decode(buf, out, 0, w, w, h);
        buf.release();
        int[] expected = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(px, (41 + y) * 300 + 37, expected, y * w, w);
        }
        assertThat(Psnr.of(expected, out)).isGreaterThanOrEqualTo(38.0);
    }

    @Test
    void gfxMessagesCarryHeadersEveryTime() {
        int[] px = RfxVectors.bench("tile-ui-64x64.bgra.gz");
        RfxMessageEncoder enc = new RfxMessageEncoder();
        for (int frame = 0; frame < 2; frame++) {
            ByteBuf buf = Unpooled.buffer();
            enc.encodeForGfx(px, 0, 64, 64, 64, List.of(new Rect(0, 0, 64, 64)), frame, buf);
            List<RfxBlock> blocks = RfxBlock.decodeAll(buf.duplicate());
            assertThat(blocks).extracting(RfxBlock::blockType).containsExactly(RfxBlock.WBT_SYNC,
                    RfxBlock.WBT_CONTEXT, RfxBlock.WBT_CODEC_VERSIONS, RfxBlock.WBT_CHANNELS, RfxBlock.WBT_FRAME_BEGIN,
                    RfxBlock.WBT_REGION, RfxBlock.WBT_EXTENSION, RfxBlock.WBT_FRAME_END);
            // Each message decodes on its own, as on a fresh client codec context.
            int[] out = new int[4096];
            assertThat(new RfxDecoder().decode(buf, out, 0, 64, 64, 64)).hasSize(1);
            assertThat(Psnr.of(px, out)).isGreaterThan(40.0);
            buf.release();
        }
    }

    @Test
    void rlgr1AndOtherQuantisation() {
        int[] px = RfxVectors.bench("tile-photo-64x64.bgra.gz");
        RfxQuant fine = new RfxQuant(6, 6, 6, 6, 6, 6, 6, 6, 6, 6);
        RfxMessageEncoder enc = new RfxMessageEncoder(RlgrMode.RLGR1, fine);
        int[] bytes = new int[1];
        int[] out = RfxEncoderTest.roundTrip(px, 64, 64, enc, bytes);
        RfxDecoder probe = new RfxDecoder();
        ByteBuf buf = Unpooled.buffer();
        enc.encode(px, 0, 64, 64, 64, List.of(new Rect(0, 0, 64, 64)), true, 0, buf);
        probe.decode(buf, new int[4096], 0, 64, 64, 64);
        buf.release();
        assertThat(probe.entropy()).isEqualTo(RlgrMode.RLGR1);
        assertThat(Psnr.of(px, out)).isGreaterThanOrEqualTo(40.0);
    }

    /** Conformance README B2: the spec's sample tile re-encoded with the spec's quantisation. */
    @Test
    void specSampleTileReencodes() {
        int[] sref = RfxVectors.ints(RfxVectors.freerdp("srefImage"));
        int[] out = RfxEncoderTest.roundTrip(sref, 64, 64, new RfxMessageEncoder(), null);
        double psnr = Psnr.of(sref, out);
        int maxDiff = RfxVectors.maxChannelDiff(sref, out);
        System.out.printf("srefImage re-encoded: PSNR %.2f dB, max channel diff %d%n", psnr, maxDiff);
        assertThat(psnr).isGreaterThanOrEqualTo(40.0);
    }

    @Test
    void randomImagesOfManySizes() {
        SplittableRandom rnd = new SplittableRandom(11);
        RfxMessageEncoder enc = new RfxMessageEncoder();
        int[][] sizes = {{1, 1}, {63, 65}, {64, 64}, {65, 1}, {129, 70}, {7, 200}};
        for (int[] s : sizes) {
            int w = s[0];
            int h = s[1];
            int[] px = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    // Smooth gradient plus a little noise: lossy but well within the codec's reach.
                    px[y * w + x] = 0xFF00_0000 | (x * 2 + rnd.nextInt(4) & 0xFF) << 16 | (y * 3 & 0xFF) << 8
                            | ((x + y) & 0xFF);
                }
            }
            int[] out = RfxEncoderTest.roundTrip(px, w, h, enc, null);
            assertThat(Psnr.of(px, out)).as("%dx%d", w, h).isGreaterThanOrEqualTo(35.0);
        }
    }

    @Test
    void nothingIsWrittenWithoutAVisibleRectangle() {
        ByteBuf buf = Unpooled.buffer();
        int n = new RfxMessageEncoder().encode(new int[64 * 64], 0, 64, 64, 64,
                List.of(new Rect(64, 0, 10, 10), new Rect(5, 5, 0, 3)), true, 0, buf);
        assertThat(n).isZero();
        assertThat(buf.readableBytes()).isZero();
        buf.release();
    }

    @Test
    void encoderRejectsBadArguments() {
        RfxMessageEncoder enc = new RfxMessageEncoder();
        assertThatThrownBy(() -> enc.encode(new int[1], 0, 1, 0, 1, List.of(), false, 0, Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RfxQuant(5, 6, 6, 6, 6, 6, 6, 6, 6, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decoderNeedsHeadersBeforeData() {
        byte[] data = RfxVectors.freerdp("encodeDataSample");
        assertThatThrownBy(() -> new RfxDecoder().decode(Unpooled.wrappedBuffer(data), new int[4096], 0, 64, 64, 64))
                .isInstanceOf(DecodeException.class).hasMessageContaining("before the sync");
    }
}
