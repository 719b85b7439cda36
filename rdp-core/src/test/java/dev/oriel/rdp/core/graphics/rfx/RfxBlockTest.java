package dev.oriel.rdp.core.graphics.rfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RemoteFX blocks: IronRDP's PDU vectors (decode fields exactly, re-encode exactly) and its rejection vectors. */
class RfxBlockTest {

    private static byte[] pdu(String symbol) {
        return RfxVectors.ironrdp("pdu__rfx.rs", symbol);
    }

    private static RfxBlock decodeWhole(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        RfxBlock block = RfxBlock.decode(buf);
        assertThat(buf.readableBytes()).as("bytes left").isZero();
        return block;
    }

    private static void assertReencodes(RfxBlock block, byte[] bytes) {
        assertThat(block.size()).isEqualTo(bytes.length);
        ByteBuf out = Unpooled.buffer();
        block.encode(out);
        byte[] written = new byte[out.readableBytes()];
        out.readBytes(written);
        assertThat(written).isEqualTo(bytes);
    }

    @Test
    void sync() {
        byte[] bytes = pdu("SYNC_PDU_BUFFER");
        RfxBlock block = decodeWhole(bytes);
        assertThat(block).isEqualTo(new RfxBlock.Sync());
        assertReencodes(block, bytes);
    }

    @Test
    void codecVersions() {
        byte[] bytes = pdu("CODEC_VERSIONS_PDU_BUFFER");
        RfxBlock block = decodeWhole(bytes);
        assertThat(block).isEqualTo(new RfxBlock.CodecVersions());
        assertReencodes(block, bytes);
    }

    @Test
    void channels() {
        byte[] bytes = pdu("CHANNELS_PDU_BUFFER");
        RfxBlock block = decodeWhole(bytes);
        assertThat(block).isEqualTo(new RfxBlock.Channels(
                List.of(new RfxBlock.Channel(0, 64, 64), new RfxBlock.Channel(0, 32, 32))));
        assertReencodes(block, bytes);
    }

    @Test
    void context() {
        byte[] bytes = pdu("CONTEXT_PDU_BUFFER");
        RfxBlock block = decodeWhole(bytes);
        assertThat(block).isEqualTo(new RfxBlock.Context(0, 0x40, 0x2828));
        assertThat(((RfxBlock.Context) block).entropy()).isEqualTo(RlgrMode.RLGR3);
        assertThat(RfxBlock.Context.of(RlgrMode.RLGR3, false)).isEqualTo(block);
        assertReencodes(block, bytes);
    }

    @Test
    void frameBeginAndEnd() {
        byte[] begin = pdu("FRAME_BEGIN_PDU_BUFFER");
        RfxBlock b = decodeWhole(begin);
        assertThat(b).isEqualTo(new RfxBlock.FrameBegin(0, 1));
        assertReencodes(b, begin);
        byte[] end = pdu("FRAME_END_PDU_BUFFER");
        RfxBlock e = decodeWhole(end);
        assertThat(e).isEqualTo(new RfxBlock.FrameEnd());
        assertReencodes(e, end);
    }

    @Test
    void region() {
        byte[] bytes = pdu("REGION_PDU_BUFFER");
        RfxBlock block = decodeWhole(bytes);
        assertThat(block).isEqualTo(new RfxBlock.Region(1,
                List.of(new Rect(0, 0, 64, 64), new Rect(64, 64, 255, 255)), RfxBlock.CBT_REGION, 1));
        assertReencodes(block, bytes);
    }

    @Test
    void tileSet() {
        byte[] bytes = pdu("TILESET_PDU_BUFFER");
        RfxBlock block = decodeWhole(bytes);
        RfxQuant q = RfxQuant.DEFAULT;
        RfxBlock.Tile t1 = new RfxBlock.Tile(0, 0, 0, 0, 0, Bytes.of(pdu("TILE1_Y_DATA")), Bytes.of(pdu("TILE1_CB_DATA")),
                Bytes.of(pdu("TILE1_CR_DATA")));
        // The second tile's indices are 0xFF/0xFFFF: structurally fine, rejected only when decoding a frame.
        RfxBlock.Tile t2 = new RfxBlock.Tile(0xFF, 0xFF, 0xFF, 0xFFFF, 0xFFFF, Bytes.of(pdu("TILE2_Y_DATA")),
                Bytes.of(pdu("TILE2_CB_DATA")), Bytes.of(pdu("TILE2_CR_DATA")));
        assertThat(block).isEqualTo(new RfxBlock.TileSet(0, 0x5051, List.of(q, q), List.of(t1, t2)));
        assertThat(RfxBlock.TileSet.properties(RlgrMode.RLGR3, false)).isEqualTo(0x5051);
        assertReencodes(block, bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SYNC_PDU_BUFFER_WITH_ZERO_DATA_LENGTH", "SYNC_PDU_BUFFER_WITH_BIG_DATA_LENGTH",
            "SYNC_PDU_BUFFER_WITH_SMALL_BUFFER", "CHANNELS_PDU_BUFFER_WITH_INVALID_DATA_LENGTH",
            "CONTEXT_PDU_BUFFER_WITH_ZERO_DATA_LENGTH", "CONTEXT_PDU_BUFFER_WITH_BIG_DATA_LENGTH",
            "TILESET_PDU_BUFFER_WITH_INVALID_NUMBER_OF_QUANTS", "TILESET_PDU_BUFFER_WITH_INVALID_TILES_DATA_SIZE"})
    void ironrdpInvalidBuffersAreRejected(String symbol) {
        assertThatThrownBy(() -> RfxBlock.decode(Unpooled.wrappedBuffer(pdu(symbol))))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void freerdpSampleBlocksDecodeAndReencode() {
        byte[] header = RfxVectors.freerdp("encodeHeaderSample");
        byte[] data = RfxVectors.freerdp("encodeDataSample");
        List<RfxBlock> h = RfxBlock.decodeAll(Unpooled.wrappedBuffer(header));
        // The spec's sample order (FreeRDP writes the same): sync, context, codec versions, channels. Its context
        // properties set the reserved top bit (0xA828); encoders here leave it clear.
        assertThat(h).containsExactly(new RfxBlock.Sync(), new RfxBlock.Context(0, 0x40, 0xA828),
                new RfxBlock.CodecVersions(), new RfxBlock.Channels(List.of(new RfxBlock.Channel(0, 64, 64))));
        List<RfxBlock> d = RfxBlock.decodeAll(Unpooled.wrappedBuffer(data));
        assertThat(d).hasSize(4);
        assertThat(d.get(0)).isEqualTo(new RfxBlock.FrameBegin(0, 1));
        assertThat(d.get(1)).isEqualTo(new RfxBlock.Region(0xCD, List.of(new Rect(0, 0, 64, 64)), RfxBlock.CBT_REGION, 1));
        RfxBlock.TileSet set = (RfxBlock.TileSet) d.get(2);
        assertThat(set.quants()).containsExactly(RfxQuant.DEFAULT);
        assertThat(set.tiles()).hasSize(1);
        assertThat(set.properties()).isEqualTo(0x5051);
        assertThat(d.get(3)).isEqualTo(new RfxBlock.FrameEnd());
        ByteBuf out = Unpooled.buffer();
        for (RfxBlock b : h) {
            b.encode(out);
        }
        for (RfxBlock b : d) {
            b.encode(out);
        }
        byte[] all = new byte[out.readableBytes()];
        out.readBytes(all);
        byte[] expected = RfxVectors.ironrdp("session__rfx.rs", "ENCODED_MESSAGES");
        assertThat(all).isEqualTo(expected);
    }
}
