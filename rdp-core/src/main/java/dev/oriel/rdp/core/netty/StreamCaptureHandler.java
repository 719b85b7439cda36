package dev.oriel.rdp.core.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debugging aid: appends the plaintext bytes of one connection to {@code <dir>/conn-<id>-c2s.bin} and
 * {@code -s2c.bin}. Sits after the TLS handler (which is inserted in front of it), so after the switch it sees
 * decrypted data. Writes synchronously on the event loop: never enable in production.
 */
final class StreamCaptureHandler extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamCaptureHandler.class);

    private final OutputStream c2s;
    private final OutputStream s2c;

    StreamCaptureHandler(Path dir, long connectionId) throws IOException {
        Files.createDirectories(dir);
        this.c2s = Files.newOutputStream(dir.resolve("conn-" + connectionId + "-c2s.bin"));
        this.s2c = Files.newOutputStream(dir.resolve("conn-" + connectionId + "-s2c.bin"));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf buf) {
            append(c2s, buf);
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf buf) {
            append(s2c, buf);
        }
        super.write(ctx, msg, promise);
    }

    private static void append(OutputStream out, ByteBuf buf) {
        try {
            buf.getBytes(buf.readerIndex(), out, buf.readableBytes());
            out.flush();
        } catch (IOException e) {
            log.warn("Capture write failed error={}", e.toString());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        close();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        close();
    }

    private void close() {
        try {
            c2s.close();
            s2c.close();
        } catch (IOException e) {
            log.debug("Capture close failed error={}", e.toString());
        }
    }
}
