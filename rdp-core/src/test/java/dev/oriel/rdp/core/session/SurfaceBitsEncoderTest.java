package dev.oriel.rdp.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.graphics.Psnr;
import dev.oriel.rdp.core.graphics.rfx.RfxDecoder;
import dev.oriel.rdp.core.pdu.fastpath.FastPathUpdate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RemoteFX in Stream Surface Bits commands, decoded the way a client does. */
class SurfaceBitsEncoderTest {

    /** One Stream Surface Bits command as sent: destination and the RemoteFX message. */
    record Command(Rect dest, int codecId, int width, int height, ByteBuf rfx) {
    }

    /** Parses unfragmented fast-path Surface Commands PDUs ([MS-RDPBCGR] 2.2.9.1.2, 2.2.9.2.2). */
    static List<Command> parse(List<ByteBuf> pdus) {
        List<Command> out = new ArrayList<>();
        for (ByteBuf p : pdus) {
            assertThat(p.readUnsignedByte()).isZero(); // fpOutputHeader
            int len = p.readUnsignedByte();
            if ((len & 0x80) != 0) {
                p.readUnsignedByte();
            }
            int updateHeader = p.readUnsignedByte();
            assertThat(updateHeader & 0x0F).isEqualTo(FastPathUpdate.FASTPATH_UPDATETYPE_SURFCMDS);
            assertThat(updateHeader >> 4 & 0x3).as("single fragment").isZero();
            int size = p.readUnsignedShortLE();
            assertThat(p.readableBytes()).isEqualTo(size);
            assertThat(p.readUnsignedShortLE()).isEqualTo(SurfaceBitsEncoder.CMDTYPE_STREAM_SURFACE_BITS);
            int l = p.readUnsignedShortLE();
            int t = p.readUnsignedShortLE();
            int r = p.readUnsignedShortLE();
            int b = p.readUnsignedShortLE();
            assertThat((int) p.readUnsignedByte()).as("bpp").isEqualTo(32);
            assertThat(p.readUnsignedByte()).as("flags").isZero();
            p.readUnsignedByte();
            int codec = p.readUnsignedByte();
            int w = p.readUnsignedShortLE();
            int h = p.readUnsignedShortLE();
            long length = p.readUnsignedIntLE();
            assertThat(p.readableBytes()).isEqualTo(length);
            out.add(new Command(new Rect(l, t, r - l, b - t), codec, w, h, p.readSlice((int) length)));
        }
        return out;
    }

    @Test
    void dirtyTilesGoAsRemoteFxCommandsWithTheHeadersOnlyInTheFirst() {
        int w = 200;
        int h = 100;
        int[] px = new int[w * h];
        Random rnd = new Random(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = (x + y) & 0xFF;
                px[y * w + x] = 0xFF000000 | g << 16 | ((g + rnd.nextInt(9)) & 0xFF) << 8 | (255 - g);
            }
        }
        Framebuffer fb = new Framebuffer(w, h);
        fb.copyFrom(PixelBuffer.ofInts(px, w, h, PixelFormat.XRGB32), List.of(new Rect(0, 0, w, h)));
        SurfaceBitsEncoder encoder = new SurfaceBitsEncoder(3, 0x3F0000);
        List<ByteBuf> pdus = new ArrayList<>();
        assertThat(encoder.encode(fb, ByteBufAllocator.DEFAULT, () -> true, pdus::add)).isEqualTo(8);
        try {
            List<Command> commands = parse(pdus);
            assertThat(commands).hasSize(8).allSatisfy(c -> {
                assertThat(c.codecId()).isEqualTo(3);
                assertThat(c.width()).isEqualTo(c.dest().width());
                assertThat(c.height()).isEqualTo(c.dest().height());
            });
            // A client that missed the first message cannot decode the second: the headers are not repeated.
            assertThatThrownBy(() -> new RfxDecoder().decode(commands.get(1).rfx().duplicate(), new int[w * h], 0, w,
                    w, h)).isInstanceOf(DecodeException.class);
            // One decoder for the connection, as a client keeps, draws everything.
            RfxDecoder client = new RfxDecoder();
            int[] shown = new int[w * h];
            for (Command c : commands) {
                Rect d = c.dest();
                client.decode(c.rfx(), shown, d.y() * w + d.x(), w, w - d.x(), h - d.y());
            }
            assertThat(Psnr.of(px, shown)).isGreaterThan(35.0);
            assertThat(fb.hasDamage()).isFalse();
        } finally {
            pdus.forEach(ByteBuf::release);
        }
    }

}
