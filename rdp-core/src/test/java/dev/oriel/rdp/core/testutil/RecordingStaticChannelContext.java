package dev.oriel.rdp.core.testutil;

import dev.oriel.rdp.core.channel.svc.StaticChannelContext;
import dev.oriel.rdp.core.connection.ClientCapabilities;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** A {@link StaticChannelContext} that records every message sent (as bytes). Runs executor tasks inline. */
public final class RecordingStaticChannelContext implements StaticChannelContext {
    private final String name;
    private final int id;
    private final ClientCapabilities capabilities;
    public final List<byte[]> sent = new ArrayList<>();
    /** Drawing orders sent with {@link #sendOrders}, one list per call. */
    public final List<List<Encodable>> orders = new ArrayList<>();

    public RecordingStaticChannelContext(String name, int id) {
        this(name, id, List.of());
    }

    /** A context whose client confirmed {@code clientSets} (on top of a 1024×768, 32 bpp fast-path client). */
    public RecordingStaticChannelContext(String name, int id, List<CapabilitySet> clientSets) {
        this.name = name;
        this.id = id;
        this.capabilities = new ClientCapabilities(32, 1024, 768, true, true, 0x3F80, 25, false, false, true, true,
                clientSets);
    }

    @Override
    public void sendOrders(List<? extends Encodable> batch) {
        orders.add(List.copyOf(batch));
    }

    @Override
    public ClientCapabilities clientCapabilities() {
        return capabilities;
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
