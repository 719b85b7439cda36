package dev.oriel.rdp.testkit.gfx;

import dev.oriel.rdp.core.channel.dvc.DvcPdu;
import dev.oriel.rdp.core.pdu.gfx.CapsAdvertise;
import dev.oriel.rdp.core.pdu.gfx.FrameAcknowledge;
import dev.oriel.rdp.core.pdu.gfx.GfxCapabilitySet;
import dev.oriel.rdp.core.pdu.gfx.GfxPdu;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.testkit.client.RdpTestClient;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The client side of the graphics pipeline for a {@link RdpTestClient} that declared {@code drdynvc}: answers the
 * dynamic channel capabilities, accepts the {@code Microsoft::Windows::RDS::Graphics} channel (refusing any other),
 * advertises graphics capabilities, reassembles the server's messages, applies them to a {@link GfxClientModel}
 * and acknowledges every frame once it is drawn, as a prompt client does ([MS-RDPEGFX] 3.2.5.12). Runs on its own
 * daemon thread; the model is read under this object's lock.
 */
public final class GfxTestClient implements AutoCloseable {
    public static final String CHANNEL = "Microsoft::Windows::RDS::Graphics";
    /** What xfreerdp 2.11 advertises first: version 10.7 with AVC off. */
    public static final CapsAdvertise DEFAULT_CAPS = new CapsAdvertise(List.of(GfxCapabilitySet.withFlags(
            GfxCapabilitySet.VERSION_10_7, GfxCapabilitySet.FLAG_AVC_DISABLED)));
    private static final long MAX_MESSAGE = 64L << 20;
    private static final int STATUS_REFUSED = 0xC000_0001;

    private final RdpTestClient rdp;
    private final CapsAdvertise caps;
    private final GfxClientModel model;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private long channelId = -1;
    private ByteBuf partial;
    private long partialTotal;
    private long framesDecoded;
    private long messageBytes;

    private GfxTestClient(RdpTestClient rdp, CapsAdvertise caps, int cacheSlots) {
        this.rdp = rdp;
        this.caps = caps;
        this.model = new GfxClientModel(cacheSlots);
        this.thread = new Thread(this::run, "gfx-test-client");
        this.thread.setDaemon(true);
    }

    /** Starts serving {@code rdp}'s drdynvc channel with {@link #DEFAULT_CAPS}. */
    public static GfxTestClient start(RdpTestClient rdp) {
        return start(rdp, DEFAULT_CAPS);
    }

    public static GfxTestClient start(RdpTestClient rdp, CapsAdvertise caps) {
        boolean small = caps.sets().stream().anyMatch(s -> s.has(GfxCapabilitySet.FLAG_SMALL_CACHE));
        GfxTestClient c = new GfxTestClient(rdp, caps, small ? 4096 : 25_600);
        c.thread.start();
        return c;
    }

    private void run() {
        BlockingQueue<byte[]> in = rdp.channelMessages("drdynvc");
        try {
            while (running) {
                byte[] m = in.poll(100, TimeUnit.MILLISECONDS);
                if (m != null) {
                    handle(Unpooled.wrappedBuffer(m));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        } finally {
            synchronized (this) {
                if (partial != null) {
                    partial.release();
                    partial = null;
                }
                notifyAll();
            }
        }
    }

    private void handle(ByteBuf buf) throws IOException {
        DvcPdu pdu = DvcPdu.decodeFromServer(buf);
        if (pdu instanceof DvcPdu.CapabilitiesRequest req) {
            send(new DvcPdu.CapabilitiesResponse(Math.min(req.version(), 3)));
        } else if (pdu instanceof DvcPdu.CreateRequest req) {
            boolean graphics = CHANNEL.equals(req.channelName());
            send(new DvcPdu.CreateResponse(req.cbId(), req.channelId(), graphics ? 0 : STATUS_REFUSED));
            if (graphics) {
                channelId = req.channelId();
                send(new DvcPdu.Data(req.cbId(), channelId, Bytes.of(caps.toByteArray())));
            }
        } else if (pdu instanceof DvcPdu.DataFirst first && first.channelId() == channelId) {
            if (first.totalLength() > MAX_MESSAGE) {
                throw new IOException("graphics message of " + first.totalLength() + " bytes");
            }
            partial = Unpooled.buffer((int) first.totalLength());
            partialTotal = first.totalLength();
            first.data().writeTo(partial);
            completeIfWhole();
        } else if (pdu instanceof DvcPdu.Data data && data.channelId() == channelId) {
            if (partial == null) {
                onMessage(Unpooled.wrappedBuffer(data.data().toArray()));
            } else {
                data.data().writeTo(partial);
                completeIfWhole();
            }
        } else if (pdu instanceof DvcPdu.Close close && close.channelId() == channelId) {
            channelId = -1;
        }
    }

    private void completeIfWhole() throws IOException {
        if (partial.readableBytes() > partialTotal) {
            throw new IOException("graphics message longer than announced " + partialTotal);
        }
        if (partial.readableBytes() == partialTotal) {
            ByteBuf whole = partial;
            partial = null;
            try {
                onMessage(whole);
            } finally {
                whole.release();
            }
        }
    }

    private void onMessage(ByteBuf message) throws IOException {
        List<Long> ended;
        synchronized (this) {
            messageBytes += message.readableBytes();
            int before = model.endedFrames().size();
            model.accept(message);
            ended = List.copyOf(model.endedFrames().subList(before, model.endedFrames().size()));
            framesDecoded += ended.size();
            notifyAll();
        }
        for (long frameId : ended) {
            send(new DvcPdu.Data(DvcPdu.cbFor(channelId), channelId, Bytes.of(
                    new FrameAcknowledge(0, frameId, framesDecoded).toByteArray())));
        }
    }

    private void send(DvcPdu pdu) throws IOException {
        rdp.sendChannel("drdynvc", pdu.toByteArray());
    }

    /** The client's view; read it inside {@code synchronized (client)} while frames may arrive. */
    public GfxClientModel model() {
        return model;
    }

    /** Frames drawn and acknowledged so far. */
    public synchronized long framesDecoded() {
        return framesDecoded;
    }

    /** Bytes of graphics messages received (after DVC reassembly, before bulk decompression). */
    public synchronized long messageBytes() {
        return messageBytes;
    }

    /** Waits until {@code condition} holds for the model; false on timeout or failure. */
    public synchronized boolean await(Predicate<GfxClientModel> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(model)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || failure != null || !thread.isAlive()) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** What stopped the client thread, if anything did (a broken protocol rule, an I/O error). */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
