package dev.oriel.rdp.core.netty;

import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.Frames;
import dev.oriel.rdp.core.wire.RdpFrameHint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdpFrameDecoderEmbeddedTest {
    static final byte[] STREAM = Fixtures.bytes("xfreerdp/connect-tls-c2s.bin");

    private static List<byte[]> drain(EmbeddedChannel ch) {
        List<byte[]> out = new ArrayList<>();
        ByteBuf f;
        while ((f = ch.readInbound()) != null) {
            out.add(ByteBufUtil.getBytes(f));
            f.release();
        }
        return out;
    }

    @Test
    void wholeStreamInOneBufferGivesEveryFrame() {
        EmbeddedChannel ch = new EmbeddedChannel(new RdpFrameDecoder(RdpFrameHint.TPKT_OR_FAST_PATH, 0xFFFF));
        ByteBuf in = Unpooled.copiedBuffer(STREAM);
        ch.writeInbound(in);
        List<byte[]> frames = drain(ch);
        assertThat(frames).usingRecursiveComparison().isEqualTo(Frames.split(STREAM));
        assertThat(frames).hasSize(32);
        assertThat(in.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void oneByteAtATimeGivesTheSameFrames() {
        EmbeddedChannel ch = new EmbeddedChannel(new RdpFrameDecoder(RdpFrameHint.TPKT_OR_FAST_PATH, 0xFFFF));
        List<byte[]> frames = new ArrayList<>();
        for (byte b : STREAM) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            frames.addAll(drain(ch));
        }
        assertThat(frames).usingRecursiveComparison().isEqualTo(Frames.split(STREAM));
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void oversizedLengthIsRejectedBeforeTheBodyArrives() {
        EmbeddedChannel ch = new EmbeddedChannel(new RdpFrameDecoder(RdpFrameHint.TPKT_OR_FAST_PATH, 100));
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(hex("030000c8"))))
                .isInstanceOf(DecoderException.class).hasCauseInstanceOf(DecodeException.class)
                .hasMessageContaining("RdpFrame: length 200 exceeds limit 100");
        // After the error everything is discarded.
        ch.writeInbound(Unpooled.wrappedBuffer(STREAM));
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void garbageIsRejected() {
        EmbeddedChannel ch = new EmbeddedChannel(new RdpFrameDecoder(RdpFrameHint.TPKT_OR_FAST_PATH, 0xFFFF));
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer("GET / HTTP/1.1\r\n".getBytes())))
                .isInstanceOf(DecoderException.class).hasMessageContaining("RdpFrame: unsupported version 71");
        assertThat(ch.finish()).isFalse();
        assertThatThrownBy(() -> new EmbeddedChannel(new RdpFrameDecoder(RdpFrameHint.TPKT_OR_FAST_PATH, 0xFFFF))
                .writeInbound(Unpooled.wrappedBuffer(hex("03000002")))).hasMessageContaining("TPKT length");
        assertThatThrownBy(() -> new EmbeddedChannel(new RdpFrameDecoder(RdpFrameHint.TPKT_OR_FAST_PATH, 0xFFFF))
                .writeInbound(Unpooled.wrappedBuffer(hex("0100")))).hasMessageContaining("neither TPKT nor fast-path");
        assertThatThrownBy(() -> new EmbeddedChannel(new RdpFrameDecoder(RdpFrameHint.TPKT_OR_FAST_PATH, 0xFFFF))
                .writeInbound(Unpooled.wrappedBuffer(hex("0001")))).hasMessageContaining("fast-path length");
    }
}
