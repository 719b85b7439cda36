package dev.oriel.rdp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.graphics.InterleavedDecoder;
import dev.oriel.rdp.core.pdu.fastpath.FastPathOutputPdu;
import dev.oriel.rdp.core.pdu.fastpath.FastPathUpdate;
import dev.oriel.rdp.core.pdu.update.BitmapData;
import dev.oriel.rdp.core.pdu.update.BitmapUpdate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bitmap updates at 24, 16 and 15 bpp: interleaved RLE ([MS-RDPBCGR] 3.1.9) unless it would be larger. */
class BitmapUpdateEncoderTest {
    private static final int W = 125; // a partial tile column, 61 pixels wide (bitmap width padded to 64)
    private static final int H = 100;

    @Test
    void uiLikeTilesGoInterleavedCompressedAndDecodeToTheDesktop() {
        int[] desktop = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                desktop[y * W + x] = y % 10 < 2 ? 0xFF3366CC : (x / 7 + y / 5) % 3 == 0 ? 0xFF202020 : 0xFFF0F0F0;
            }
        }
        for (int depth : new int[] {24, 16, 15}) {
            for (boolean noHeader : new boolean[] {true, false}) {
                List<BitmapData> rects = encode(desktop, depth, noHeader);
                assertThat(rects).hasSize(4);
                for (BitmapData d : rects) {
                    assertThat(d.compressed()).isTrue();
                    assertThat(d.bitsPerPixel()).isEqualTo(depth);
                    assertThat(d.width() % 4).isZero();
                    int bytesPerPixel = depth == 24 ? 3 : 2;
                    assertThat(d.compressedDataHeader().isPresent()).isEqualTo(!noHeader);
                    d.compressedDataHeader().ifPresent(h -> {
                        assertThat(h.cbCompMainBodySize()).isEqualTo(d.bitmapDataStream().length());
                        assertThat(h.cbScanWidth()).isEqualTo(d.width() * bytesPerPixel);
                        assertThat(h.cbUncompressedSize()).isEqualTo(d.width() * d.height() * bytesPerPixel);
                    });
                    assertThat(d.bitmapDataStream().length()).isLessThan(d.width() * d.height() * bytesPerPixel / 4);
                    int[] px = InterleavedDecoder.decode(Unpooled.wrappedBuffer(d.bitmapDataStream().toArray()),
                            d.width(), d.height(), depth);
                    for (int y = d.destTop(); y <= d.destBottom(); y++) {
                        for (int x = d.destLeft(); x <= d.destRight(); x++) {
                            int got = px[(y - d.destTop()) * d.width() + x - d.destLeft()];
                            assertThat(got).isEqualTo(quantise(desktop[y * W + x], depth));
                        }
                    }
                }
            }
        }
    }

    @Test
    void noiseTilesGoUncompressed() {
        int[] desktop = new int[W * H];
        Random random = new Random(1);
        for (int i = 0; i < desktop.length; i++) {
            desktop[i] = 0xFF000000 | random.nextInt(1 << 24);
        }
        for (int depth : new int[] {24, 16, 15}) {
            for (BitmapData d : encode(desktop, depth, false)) {
                assertThat(d.compressed()).isFalse();
                assertThat(d.bitmapDataStream().length()).isEqualTo(d.width() * d.height() * (depth == 24 ? 3 : 2));
            }
        }
    }

    private static List<BitmapData> encode(int[] desktop, int depth, boolean noHeader) {
        Framebuffer fb = new Framebuffer(W, H);
        fb.copyFrom(PixelBuffer.ofInts(desktop, W, H, PixelFormat.XRGB32), List.of(new Rect(0, 0, W, H)));
        List<ByteBuf> pdus = new ArrayList<>();
        new BitmapUpdateEncoder(depth, noHeader).encode(fb, UnpooledByteBufAllocator.DEFAULT, () -> true, pdus::add);
        List<BitmapData> rects = new ArrayList<>();
        for (ByteBuf pdu : pdus) {
            try {
                for (FastPathUpdate u : FastPathOutputPdu.decode(pdu).updates()) {
                    rects.addAll(BitmapUpdate.decode(Unpooled.wrappedBuffer(u.data().toArray())).rectangles());
                }
            } finally {
                pdu.release();
            }
        }
        return rects;
    }

    private static int quantise(int p, int depth) {
        int r = p >> 16 & 0xFF;
        int g = p >> 8 & 0xFF;
        int b = p & 0xFF;
        if (depth == 16) {
            r >>= 3;
            g >>= 2;
            b >>= 3;
            return 0xFF000000 | (r << 3 | r >> 2) << 16 | (g << 2 | g >> 4) << 8 | (b << 3 | b >> 2);
        }
        if (depth == 15) {
            r >>= 3;
            g >>= 3;
            b >>= 3;
            return 0xFF000000 | (r << 3 | r >> 2) << 16 | (g << 3 | g >> 2) << 8 | (b << 3 | b >> 2);
        }
        return 0xFF000000 | p & 0xFFFFFF;
    }
}
