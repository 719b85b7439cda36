package dev.oriel.rdp.core.netty;

import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.Limits;
import dev.oriel.rdp.core.api.ServerConfig;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.TlsIdentity;
import dev.oriel.rdp.core.security.TlsContexts;
import dev.oriel.rdp.core.security.TlsIdentities;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.testutil.Frames;
import dev.oriel.rdp.core.testutil.PduAssertions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connection handler on an {@link EmbeddedChannel}: the X.224 phase, the TLS switch, failures and the deadline. */
class RdpConnectionHandlerEmbeddedTest {
    static SslContext ssl;
    static final byte[] CR = Frames.split(Fixtures.bytes("xfreerdp/connect-tls-c2s.bin")).get(0);
    static final byte[] CC = java.util.Arrays.copyOf(Fixtures.bytes("xfreerdp/connect-tls-s2c.bin"), 19);

    @BeforeAll
    static void tls() {
        TlsIdentity id = TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom());
        ssl = TlsContexts.server(id);
    }

    static EmbeddedChannel channel(Limits limits) {
        TlsIdentity id = TlsIdentities.generateSelfSigned(List.of("localhost"), new SecureRandom());
        ServerConfig config = new ServerConfig(new InetSocketAddress("127.0.0.1", 0), id,
                info -> CompletableFuture.completedFuture(SessionDecision.reject("test")), limits, List.of(), List.of(), 0,
                Optional.empty(), dev.oriel.rdp.core.api.GraphicsOptions.defaults());
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        RdpConnectionHandler.install(ch, 1, config, ssl, new ConcurrentHashMap<>());
        ch.pipeline().fireChannelActive();
        return ch;
    }

    private static byte[] outbound(EmbeddedChannel ch) {
        List<byte[]> parts = new ArrayList<>();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            ByteBuf b = (ByteBuf) o;
            parts.add(ByteBufUtil.getBytes(b));
            b.release();
        }
        return Frames.join(parts);
    }

    @Test
    void connectionRequestByteByByteGetsTheConfirmThenTls() {
        EmbeddedChannel ch = channel(Limits.defaults());
        for (byte b : CR) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat(PduAssertions.hex(outbound(ch))).isEqualTo(PduAssertions.hex(CC));
        assertThat(ch.pipeline().first()).isInstanceOf(SslHandler.class);
        assertThat(ch.isOpen()).isTrue();
        ch.close();
        ch.finishAndReleaseAll();
    }

    @Test
    void bytesAfterTheConnectionRequestInTheSameReadAreRefused() {
        EmbeddedChannel ch = channel(Limits.defaults());
        byte[] withTrailer = Frames.join(List.of(CR, hex("16030100")));
        ch.writeInbound(Unpooled.wrappedBuffer(withTrailer));
        assertThat(ch.isOpen()).as("closed: plaintext after the confirm cannot be TLS").isFalse();
        assertThat(ch.pipeline().get(SslHandler.class)).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void nlaOnlyClientGetsAFailureAndTheConnectionCloses() {
        EmbeddedChannel ch = channel(Limits.defaults());
        ch.writeInbound(Unpooled.wrappedBuffer(hex("030000130ee000000000000100080002000000")));
        assertThat(PduAssertions.hex(outbound(ch))).isEqualTo("030000130ed000000000000300080001000000");
        assertThat(ch.isOpen()).isFalse();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void garbageClosesTheConnectionWithoutAnswer() {
        EmbeddedChannel ch = channel(Limits.defaults());
        ch.writeInbound(Unpooled.wrappedBuffer("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes()));
        assertThat(outbound(ch)).isEmpty();
        assertThat(ch.isOpen()).isFalse();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void oversizedFrameIsRefusedBeforeItsBody() {
        EmbeddedChannel ch = channel(Limits.defaults().withMaxFrameLength(100));
        ch.writeInbound(Unpooled.wrappedBuffer(hex("0300fff0")));
        ch.runPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(outbound(ch)).as("nothing is said before MCS").isEmpty();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aClientThatStallsIsDroppedAtTheDeadline() {
        EmbeddedChannel ch = channel(Limits.defaults().withHandshakeTimeout(Duration.ofSeconds(5)));
        ch.writeInbound(Unpooled.wrappedBuffer(CR));
        outbound(ch);
        ch.advanceTimeBy(4, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(2, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
        assertThat(ch.isOpen()).as("closed after 5 s without activation").isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void aSilentClientIsDroppedToo() {
        EmbeddedChannel ch = channel(Limits.defaults().withHandshakeTimeout(Duration.ofSeconds(1)));
        ch.advanceTimeBy(2, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(outbound(ch)).isEmpty();
        assertThat(ch.finish()).isFalse();
    }
}
