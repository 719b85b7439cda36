package dev.oriel.rdp.core.graphics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class UncompressedTest {

    @Test
    void pixelsGoAsBgraRowsTopDownWithNoPadding() {
        // A 3 x 2 region out of a 4-wide array: red, green, blue / translucent white, black, transparent.
        int[] px = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0x11111111, 0x80FFFFFF, 0xFF000000, 0x00000000, 0x22222222};
        ByteBuf argb = Unpooled.buffer();
        assertThat(Uncompressed.encode(px, 0, 4, 3, 2, true, argb)).isEqualTo(24);
        assertThat(ByteBufUtil.hexDump(argb)).isEqualTo("0000ffff" + "00ff00ff" + "ff0000ff"
                + "ffffff80" + "000000ff" + "00000000");
        ByteBuf xrgb = Unpooled.buffer();
        Uncompressed.encode(px, 0, 4, 3, 2, false, xrgb);
        assertThat(ByteBufUtil.hexDump(xrgb)).endsWith("ffffffff" + "000000ff" + "000000ff");

        int[] out = new int[8];
        Uncompressed.decode(argb, 3, 2, true, out, 1, 4);
        assertThat(out).containsExactly(0, 0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0, 0x80FFFFFF, 0xFF000000, 0);
        int[] opaque = new int[6];
        Uncompressed.decode(Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 0, 4, 5, 6, 7, 0, 0, 0, 0, 9, 9, 9, 9, 0, 0,
            0, 0, 0, 0, 0, 0}), 3, 2, false, opaque, 0, 3);
        assertThat(opaque[0]).isEqualTo(0xFF030201);
        assertThat(opaque[1]).isEqualTo(0xFF060504);
        argb.release();
        xrgb.release();
    }

    @Test
    void anyOtherLengthIsRejected() {
        int[] out = new int[6];
        for (int n : new int[] {0, 23, 25, 48}) {
            assertThatThrownBy(() -> Uncompressed.decode(Unpooled.wrappedBuffer(new byte[n]), 3, 2, true, out, 0, 3))
                    .isInstanceOf(DecodeException.class).hasMessageContaining("bitmapDataLength");
        }
        assertThatThrownBy(() -> Uncompressed.encode(out, 0, 3, 0, 2, true, Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
