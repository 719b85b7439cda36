package dev.oriel.rdp.core.channel.dvc;

import dev.oriel.rdp.core.channel.svc.StaticChannelContext;
import dev.oriel.rdp.core.channel.svc.StaticChannelProcessor;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the {@code drdynvc} static channel ([MS-RDPEDYC] 3.2): capability exchange, creation of the
 * dynamic channels of its {@link DynamicChannelProcessor}s, bounded reassembly of DataFirst/Data, splitting of
 * outgoing messages into PDUs of at most 1600 bytes, and closing.
 *
 * <p>Failure scope: a malformed drdynvc PDU is thrown out of {@link #process} (the session disables drdynvc); a
 * problem with one dynamic channel (oversized message, processor exception) closes that channel only.
 * Confined to the connection's event loop.
 */
public final class DrdynvcServer implements StaticChannelProcessor {
    private static final Logger log = LoggerFactory.getLogger(DrdynvcServer.class);
    public static final String CHANNEL_NAME = "drdynvc";
    /** DVC PDUs stay within 1600 bytes including their header (P-DVC-3), like FreeRDP's server. */
    public static final int MAX_PDU_SIZE = 1600;

    private final int offeredVersion;
    private final int maxMessageLength;
    private final int maxOpenChannels;
    private final List<DynamicChannelProcessor> pending = new ArrayList<>();
    private final Map<Long, Channel> channels = new LinkedHashMap<>();
    private StaticChannelContext svc;
    private boolean ready;
    private int version;
    private long nextId = 1;

    /**
     * @param processors       the dynamic channels to open once the client's capabilities are known
     * @param offeredVersion   1, 2 or 3; version 1 (as FreeRDP's server) keeps clients from compressing
     * @param maxMessageLength largest reassembled message accepted per channel
     * @param maxOpenChannels  dynamic channels open or being created at once
     */
    public DrdynvcServer(List<DynamicChannelProcessor> processors, int offeredVersion, int maxMessageLength,
            int maxOpenChannels) {
        if (offeredVersion < 1 || offeredVersion > 3) {
            throw new IllegalArgumentException("offeredVersion must be 1..3");
        }
        this.offeredVersion = offeredVersion;
        this.maxMessageLength = maxMessageLength;
        this.maxOpenChannels = maxOpenChannels;
        this.pending.addAll(processors);
    }

    @Override
    public String name() {
        return CHANNEL_NAME;
    }

    /** Whether the capability exchange is done. */
    public boolean isReady() {
        return ready;
    }

    /** The version the client confirmed (0 before). */
    public int version() {
        return version;
    }

    /** Names of the channels that are open. */
    public List<String> openChannels() {
        return channels.values().stream().filter(c -> c.open).map(c -> c.processor.name()).toList();
    }

    /** The processors of this connection (opened or not), for typed lookup. */
    public List<DynamicChannelProcessor> processors() {
        List<DynamicChannelProcessor> all = new ArrayList<>(pending);
        channels.values().forEach(c -> all.add(c.processor));
        return all;
    }

    @Override
    public void start(StaticChannelContext context) {
        this.svc = context;
        context.send(DvcPdu.CapabilitiesRequest.of(offeredVersion));
    }

    /** Opens another dynamic channel now, or once the capability exchange is done. */
    public void open(DynamicChannelProcessor processor) {
        if (ready) {
            create(processor);
        } else {
            pending.add(processor);
        }
    }

    @Override
    public void process(ByteBuf message) {
        DvcPdu pdu = DvcPdu.decodeFromClient(message);
        if (pdu instanceof DvcPdu.CapabilitiesResponse caps) {
            onCapabilities(caps);
        } else if (pdu instanceof DvcPdu.CreateResponse created) {
            onCreateResponse(created);
        } else if (pdu instanceof DvcPdu.DataFirst first) {
            onDataFirst(first);
        } else if (pdu instanceof DvcPdu.Data data) {
            onData(data);
        } else if (pdu instanceof DvcPdu.Close close) {
            onClose(close);
        } else if (pdu instanceof DvcPdu.Raw raw) {
            onRaw(raw, message);
        } else {
            throw DecodeException.invalidField(DvcPdu.NAME, "Cmd", pdu.name() + " is not sent by clients");
        }
    }

    private void onCapabilities(DvcPdu.CapabilitiesResponse caps) {
        if (caps.version() < 1 || caps.version() > offeredVersion) {
            throw DecodeException.unsupportedVersion("DvcCapabilitiesResponse", caps.version());
        }
        if (ready) {
            log.debug("Ignoring repeated DVC capabilities response version={}", caps.version());
            return;
        }
        ready = true;
        version = caps.version();
        log.debug("DVC capabilities agreed version={}", version);
        List<DynamicChannelProcessor> toOpen = new ArrayList<>(pending);
        pending.clear();
        toOpen.forEach(this::create);
    }

    private void create(DynamicChannelProcessor processor) {
        if (channels.size() >= maxOpenChannels) {
            log.warn("Not opening dynamic channel name={} error=too many open channels (limit {})", processor.name(),
                    maxOpenChannels);
            return;
        }
        long id = nextId++;
        channels.put(id, new Channel(id, processor));
        svc.send(DvcPdu.CreateRequest.of(id, processor.name()));
    }

    private void onCreateResponse(DvcPdu.CreateResponse response) {
        Channel c = channels.get(response.channelId());
        if (c == null || c.open) {
            log.debug("Ignoring DVC create response for unknown channel id={}", response.channelId());
            return;
        }
        if (response.creationStatus() < 0) {
            // P-DVC-2: no listener on the client; the feature is simply unavailable.
            channels.remove(c.id);
            log.debug("Client refused dynamic channel name={} status=0x{}", c.processor.name(),
                    Integer.toHexString(response.creationStatus()));
            guard(c, () -> c.processor.onCreateFailed(response.creationStatus()), false);
            return;
        }
        c.open = true;
        log.debug("Dynamic channel open name={} id={}", c.processor.name(), c.id);
        guard(c, () -> c.processor.onOpen(c), true);
    }

    private void onDataFirst(DvcPdu.DataFirst first) {
        Channel c = openChannel(first.channelId());
        if (c == null) {
            return;
        }
        if (c.partial != null) {
            failChannel(c, "DataFirst while a message is incomplete");
            return;
        }
        if (first.totalLength() > maxMessageLength) {
            failChannel(c, "message of " + first.totalLength() + " bytes exceeds the limit " + maxMessageLength);
            return;
        }
        if (first.data().length() > first.totalLength()) {
            failChannel(c, "DataFirst carries more than its Length");
            return;
        }
        if (first.data().length() == first.totalLength()) {
            deliver(c, first.data());
            return;
        }
        c.expected = (int) first.totalLength();
        c.partial = Unpooled.buffer(Math.min(c.expected, 4 * MAX_PDU_SIZE), c.expected);
        first.data().writeTo(c.partial);
    }

    private void onData(DvcPdu.Data data) {
        Channel c = openChannel(data.channelId());
        if (c == null) {
            return;
        }
        if (c.partial == null) {
            if (data.data().length() > maxMessageLength) {
                failChannel(c, "message exceeds the limit");
                return;
            }
            deliver(c, data.data());
            return;
        }
        if (c.partial.readableBytes() + (long) data.data().length() > c.expected) {
            failChannel(c, "data exceeds the Length of its DataFirst");
            return;
        }
        data.data().writeTo(c.partial);
        if (c.partial.readableBytes() == c.expected) {
            ByteBuf whole = c.partial;
            c.partial = null;
            try {
                deliver(c, whole);
            } finally {
                whole.release();
            }
        }
    }

    private void onClose(DvcPdu.Close close) {
        Channel c = channels.remove(close.channelId());
        if (c == null) {
            return; // The answer to our own Close, or an unknown id.
        }
        // [MS-RDPEDYC] 3.1.5.2.2: the receiver of a Close Request answers with a Close Response.
        svc.send(DvcPdu.Close.of(c.id));
        c.release();
        log.debug("Client closed dynamic channel name={} id={}", c.processor.name(), c.id);
        guard(c, c.processor::onClose, false);
    }

    private void onRaw(DvcPdu.Raw raw, ByteBuf message) {
        int cmd = raw.cmd();
        if (cmd == DvcPdu.CMD_DATA_FIRST_COMPRESSED || cmd == DvcPdu.CMD_DATA_COMPRESSED) {
            long id = DvcPdu.readVar(Unpooled.wrappedBuffer(raw.body().toArray()), raw.header() & 0x03, "ChannelId");
            Channel c = channels.get(id);
            if (c != null) {
                failChannel(c, "compressed data is not supported");
            }
            return;
        }
        log.debug("Ignoring DVC soft-sync PDU cmd={}", cmd);
    }

    /** The open channel with {@code id}; data for anything else is dropped (P-DVC-2). */
    private Channel openChannel(long id) {
        Channel c = channels.get(id);
        if (c == null || !c.open) {
            log.debug("Dropping DVC data for a channel that is not open id={}", id);
            return null;
        }
        return c;
    }

    private void deliver(Channel c, Bytes data) {
        ByteBuf buf = Unpooled.wrappedBuffer(data.toArray());
        deliver(c, buf);
    }

    private void deliver(Channel c, ByteBuf message) {
        guard(c, () -> c.processor.onData(message.duplicate()), true);
    }

    /** Runs a processor callback; a failure closes that channel only. */
    private void guard(Channel c, Runnable callback, boolean closeOnFailure) {
        try {
            callback.run();
        } catch (RuntimeException e) { // DecodeException, ChannelException or a bug in the processor
            log.warn("Dynamic channel failed name={} id={} error={}", c.processor.name(), c.id, e.toString());
            if (closeOnFailure && channels.containsKey(c.id)) {
                closeChannel(c);
            }
        }
    }

    private void failChannel(Channel c, String reason) {
        log.warn("Closing dynamic channel name={} id={} error={}", c.processor.name(), c.id, reason);
        closeChannel(c);
    }

    private void closeChannel(Channel c) {
        if (channels.remove(c.id) == null) {
            return;
        }
        svc.send(DvcPdu.Close.of(c.id));
        c.release();
        try {
            c.processor.onClose();
        } catch (RuntimeException e) {
            log.warn("Dynamic channel close failed name={} error={}", c.processor.name(), e.toString());
        }
    }

    @Override
    public void close() {
        for (Channel c : new ArrayList<>(channels.values())) {
            channels.remove(c.id);
            c.release();
            try {
                c.processor.onClose();
            } catch (RuntimeException e) {
                log.warn("Dynamic channel close failed name={} error={}", c.processor.name(), e.toString());
            }
        }
    }

    /** One dynamic channel: its processor, reassembly state, and the context handed to the processor. */
    private final class Channel implements DynamicChannelContext {
        final long id;
        final DynamicChannelProcessor processor;
        boolean open;
        ByteBuf partial;
        int expected;

        Channel(long id, DynamicChannelProcessor processor) {
            this.id = id;
            this.processor = processor;
        }

        void release() {
            if (partial != null) {
                partial.release();
                partial = null;
            }
        }

        @Override
        public String channelName() {
            return processor.name();
        }

        @Override
        public long channelId() {
            return id;
        }

        @Override
        public void send(Encodable message) {
            ByteBuf buf = Unpooled.buffer(message.size());
            try {
                message.encode(buf);
                sendMessage(buf);
            } finally {
                buf.release();
            }
        }

        @Override
        public void send(ByteBuf message) {
            try {
                sendMessage(message);
            } finally {
                message.release();
            }
        }

        /** {@code header} (a Data or DataFirst PDU without data) followed by the next {@code n} bytes of message. */
        private void sendPiece(DvcPdu header, ByteBuf message, int n) {
            ByteBuf pdu = message.alloc().buffer(header.size() + n);
            header.encode(pdu);
            pdu.writeBytes(message, n);
            svc.send(pdu);
        }

        private void sendMessage(ByteBuf message) {
            if (!open || !channels.containsKey(id)) {
                log.debug("Dropping data for closed dynamic channel name={}", processor.name());
                return;
            }
            int total = message.readableBytes();
            int cb = DvcPdu.cbFor(id);
            int dataHeader = 1 + DvcPdu.varSize(cb);
            // Each PDU is its header then a piece of the message, written straight into a pooled buffer: graphics
            // messages are large and frequent, so no intermediate arrays.
            if (total <= MAX_PDU_SIZE - dataHeader) {
                sendPiece(new DvcPdu.Data(cb, id, Bytes.EMPTY), message, total);
                return;
            }
            int lengthCb = DvcPdu.cbFor(total);
            int firstChunk = MAX_PDU_SIZE - dataHeader - DvcPdu.varSize(lengthCb);
            sendPiece(new DvcPdu.DataFirst(cb, lengthCb, id, total, Bytes.EMPTY), message, firstChunk);
            DvcPdu.Data next = new DvcPdu.Data(cb, id, Bytes.EMPTY);
            while (message.isReadable()) {
                sendPiece(next, message, Math.min(message.readableBytes(), MAX_PDU_SIZE - dataHeader));
            }
        }

        @Override
        public void close() {
            if (channels.containsKey(id)) {
                closeChannel(this);
            }
        }

        @Override
        public Executor executor() {
            return svc.executor();
        }

        @Override
        public boolean schedule(Runnable task, java.time.Duration delay) {
            return svc.schedule(task, delay);
        }
    }
}
