package dev.oriel.rdp.core.testutil;

import dev.oriel.rdp.core.channel.svc.StaticChannelContext;
import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** A {@link StaticChannelContext} that records every message sent (as bytes). Runs executor tasks inline. */
public final class RecordingStaticChannelContext implements StaticChannelContext {
    private final String name;
    private final int id;
    public final List<byte[]> sent = new ArrayList<>();

    public RecordingStaticChannelContext(String name, int id) {
        this.name = name;
        this.id = id;
    }

    @Override
    public String channelName() {
        return name;
    }

    @Override
    public int channelId() {
        return id;
    }

    @Override
    public void send(Encodable message) {
        sent.add(message.toByteArray());
    }

    @Override
    public void send(ByteBuf message) {
        try {
            byte[] b = new byte[message.readableBytes()];
            message.readBytes(b);
            sent.add(b);
        } finally {
            message.release();
        }
    }

    @Override
    public Executor executor() {
        return Runnable::run;
    }

    /** Hex of every sent message, in order; clears the record. */
    public List<String> drainHex() {
        List<String> out = sent.stream().map(PduAssertions::hex).toList();
        sent.clear();
        return out;
    }
}
