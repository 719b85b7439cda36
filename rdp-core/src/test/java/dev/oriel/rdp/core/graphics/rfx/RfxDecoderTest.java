package dev.oriel.rdp.core.graphics.rfx;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding whole messages: FreeRDP's sample stream (conformance README B1) and IronRDP's session vector. */
class RfxDecoderTest {

    static int[] decodeSample(byte[] message, RfxColor.Reconstruction how) {
        RfxDecoder decoder = new RfxDecoder(how);
        int[] px = new int[64 * 64];
        List<RfxDecoder.Frame> frames = decoder.decode(Unpooled.wrappedBuffer(message), px, 0, 64, 64, 64);
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).tiles()).containsExactly(new RfxDecoder.TilePosition(0, 0, 0, 0, 0));
        return px;
    }

    @Test
    void freerdpSampleDecodesToTheReferenceImage() {
        byte[] header = RfxVectors.freerdp("encodeHeaderSample");
        byte[] data = RfxVectors.freerdp("encodeDataSample");
        byte[] message = new byte[header.length + data.length];
        System.arraycopy(header, 0, message, 0, header.length);
        System.arraycopy(data, 0, message, header.length, data.length);
        int[] px = decodeSample(message, RfxColor.Reconstruction.FREERDP_GENERIC);
        int[] sref = RfxVectors.ints(RfxVectors.freerdp("srefImage"));
        assertThat(RfxVectors.maxChannelDiff(decodeSample(message, RfxColor.Reconstruction.FREERDP_SSE2), sref))
                .isLessThanOrEqualTo(1);
        // FreeRDP's test passes within ±1 per channel ([MS-RDPRFX] 4.2.4.4 reference image).
        assertThat(RfxVectors.maxChannelDiff(px, sref)).isLessThanOrEqualTo(1);
        int exact = 0;
        for (int i = 0; i < px.length; i++) {
            exact += (px[i] & 0xFFFFFF) == (sref[i] & 0xFFFFFF) ? 1 : 0;
        }
        // As IronRDP's decoder: 751 pixels exact, the other 3 345 off by one somewhere.
        assertThat(exact).isEqualTo(751);
    }

    @Test
    void headersInAnEarlierMessageCarryOver() {
        RfxDecoder decoder = new RfxDecoder();
        int[] px = new int[64 * 64];
        assertThat(decoder.decode(Unpooled.wrappedBuffer(RfxVectors.freerdp("encodeHeaderSample")), px, 0, 64, 64, 64))
                .isEmpty();
        assertThat(decoder.entropy()).isEqualTo(RlgrMode.RLGR3);
        assertThat(decoder.decode(Unpooled.wrappedBuffer(RfxVectors.freerdp("encodeDataSample")), px, 0, 64, 64, 64))
                .hasSize(1);
        assertThat(RfxVectors.maxChannelDiff(px, RfxVectors.ints(RfxVectors.freerdp("srefImage"))))
                .isLessThanOrEqualTo(1);
    }

    /** IronRDP decodes the same stream to DECODED_IMAGE (BGRA bytes): identical here, pixel for pixel. */
    @Test
    void ironrdpSessionVectorDecodesExactly() {
        int[] px = decodeSample(RfxVectors.ironrdp("session__rfx.rs", "ENCODED_MESSAGES"),
                RfxColor.Reconstruction.FREERDP_GENERIC);
        int[] ironrdp = RfxVectors.ints(RfxVectors.ironrdp("session__rfx.rs", "DECODED_IMAGE"));
        assertThat(px).isEqualTo(ironrdp);
    }

    @Test
    void singleTileHelperMatchesTheMessageDecoder() {
        byte[] data = RfxVectors.freerdp("encodeDataSample");
        RfxBlock.TileSet set = (RfxBlock.TileSet) RfxBlock.decodeAll(Unpooled.wrappedBuffer(data)).get(2);
        RfxBlock.Tile tile = set.tiles().get(0);
        RfxQuant q = set.quants().get(0);
        int[] px = RfxDecoder.decodeTile(RfxColor.Reconstruction.FREERDP_GENERIC, RlgrMode.RLGR3, q, q, q,
                tile.yData().toArray(), tile.cbData().toArray(), tile.crData().toArray());
        assertThat(px).isEqualTo(RfxVectors.ints(RfxVectors.ironrdp("session__rfx.rs", "DECODED_IMAGE")));
    }
}
