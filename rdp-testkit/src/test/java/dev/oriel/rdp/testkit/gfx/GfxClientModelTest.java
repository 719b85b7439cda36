package dev.oriel.rdp.testkit.gfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.graphics.Uncompressed;
import dev.oriel.rdp.core.graphics.gfx.GfxCapabilityNegotiation;
import dev.oriel.rdp.core.pdu.gfx.CapsConfirm;
import dev.oriel.rdp.core.pdu.gfx.CreateSurface;
import dev.oriel.rdp.core.pdu.gfx.EndFrame;
import dev.oriel.rdp.core.pdu.gfx.GfxCapabilitySet;
import dev.oriel.rdp.core.pdu.gfx.GfxPdu;
import dev.oriel.rdp.core.pdu.gfx.GfxRect;
import dev.oriel.rdp.core.pdu.gfx.StartFrame;
import dev.oriel.rdp.core.pdu.gfx.WireToSurface1;
import dev.oriel.rdp.core.pdu.gfx.ZgfxSegments;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test kit's client model on codecs Oriel's server does not choose, as another server may send them. */
class GfxClientModelTest {

    /** Hands {@code pdus} to the model as one uncompressed server message. */
    static void send(GfxClientModel model, GfxPdu... pdus) {
        ByteBuf raw = Unpooled.buffer();
        for (GfxPdu p : pdus) {
            p.encode(raw);
        }
        ByteBuf message = ZgfxSegments.wrap(raw, UnpooledByteBufAllocator.DEFAULT);
        raw.release();
        try {
            model.accept(message);
        } finally {
            message.release();
        }
    }

    @Test
    void uncompressedRectanglesLandWhereTheySayWithAlphaOnArgbSurfaces() {
        GfxClientModel model = new GfxClientModel(GfxCapabilityNegotiation.CACHE_SLOTS);
        int[] px = {0x80112233, 0xFF445566, 0x00778899, 0xFFAABBCC};
        ByteBuf data = Unpooled.buffer();
        Uncompressed.encode(px, 0, 2, 2, 2, true, data);
        byte[] bytes = ByteBufUtil.getBytes(data);
        data.release();
        send(model, new CapsConfirm(GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_10_7, 0)));
        send(model, new CreateSurface(5, 4, 3, GfxPdu.PIXEL_FORMAT_ARGB_8888), new StartFrame(0, 1),
                new WireToSurface1(5, WireToSurface1.CODEC_UNCOMPRESSED, GfxPdu.PIXEL_FORMAT_ARGB_8888,
                        new GfxRect(1, 1, 3, 3), Bytes.of(bytes)),
                new EndFrame(1));
        int[] s = model.surface(5);
        assertThat(new int[] {s[5], s[6], s[9], s[10]}).containsExactly(px);
        assertThat(s[0]).isZero();

        // Three bytes short: the rectangle needs 16 bytes, and a client refuses the PDU.
        assertThatThrownBy(() -> send(model, new StartFrame(0, 2),
                new WireToSurface1(5, WireToSurface1.CODEC_UNCOMPRESSED, GfxPdu.PIXEL_FORMAT_ARGB_8888,
                        new GfxRect(1, 1, 3, 3), Bytes.of(new byte[13])), new EndFrame(2)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("bitmapDataLength");
        assertThat(model.endedFrames()).isEqualTo(List.of(1L));
    }
}
