package dev.oriel.rdp.testkit.client;

import dev.oriel.rdp.core.channel.svc.ChannelPduHeader;
import dev.oriel.rdp.core.channel.svc.SvcChunker;
import dev.oriel.rdp.core.channel.svc.SvcDechunker;
import dev.oriel.rdp.core.graphics.InterleavedDecoder;
import dev.oriel.rdp.core.graphics.PlanarDecoder;
import dev.oriel.rdp.core.pdu.capability.BitmapCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.pdu.capability.FontCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.GeneralCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.InputCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.LargePointerCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.MultifragmentUpdateCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.OrderCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.PointerCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.RemoteProgramsCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.ShareCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.WindowListCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.VirtualChannelCapabilitySet;
import dev.oriel.rdp.core.pdu.fastpath.FastPathInputEvent;
import dev.oriel.rdp.core.pdu.fastpath.FastPathInputPdu;
import dev.oriel.rdp.core.pdu.fastpath.FastPathOutputPdu;
import dev.oriel.rdp.core.pdu.fastpath.FastPathUpdate;
import dev.oriel.rdp.core.pdu.gcc.ChannelDef;
import dev.oriel.rdp.core.pdu.gcc.ClientCoreData;
import dev.oriel.rdp.core.pdu.gcc.ClientDataBlocks;
import dev.oriel.rdp.core.pdu.gcc.ClientNetworkData;
import dev.oriel.rdp.core.pdu.gcc.ClientSecurityData;
import dev.oriel.rdp.core.pdu.gcc.ConferenceCreateRequest;
import dev.oriel.rdp.core.pdu.gcc.ServerNetworkData;
import dev.oriel.rdp.core.pdu.mcs.AttachUserConfirm;
import dev.oriel.rdp.core.pdu.mcs.AttachUserRequest;
import dev.oriel.rdp.core.pdu.mcs.ChannelJoinConfirm;
import dev.oriel.rdp.core.pdu.mcs.ChannelJoinRequest;
import dev.oriel.rdp.core.pdu.mcs.DisconnectProviderUltimatum;
import dev.oriel.rdp.core.pdu.mcs.DomainParameters;
import dev.oriel.rdp.core.pdu.mcs.ErectDomainRequest;
import dev.oriel.rdp.core.pdu.mcs.McsConnectInitial;
import dev.oriel.rdp.core.pdu.mcs.McsConnectResponse;
import dev.oriel.rdp.core.pdu.mcs.McsDomainPdu;
import dev.oriel.rdp.core.pdu.mcs.SendDataHeader;
import dev.oriel.rdp.core.pdu.rdp.BasicSecurityHeader;
import dev.oriel.rdp.core.pdu.rdp.ClientInfoPdu;
import dev.oriel.rdp.core.pdu.rdp.ConfirmActivePdu;
import dev.oriel.rdp.core.pdu.rdp.ControlPdu;
import dev.oriel.rdp.core.pdu.rdp.DemandActivePdu;
import dev.oriel.rdp.core.pdu.rdp.FontListPdu;
import dev.oriel.rdp.core.pdu.rdp.FontMapPdu;
import dev.oriel.rdp.core.pdu.rdp.ServerLicenseErrorPdu;
import dev.oriel.rdp.core.pdu.rdp.SetErrorInfoPdu;
import dev.oriel.rdp.core.pdu.rdp.ShareControlPdu;
import dev.oriel.rdp.core.pdu.rdp.ShareDataBody;
import dev.oriel.rdp.core.pdu.rdp.ShareDataPdu;
import dev.oriel.rdp.core.pdu.rdp.SynchronizePdu;
import dev.oriel.rdp.core.pdu.update.BitmapData;
import dev.oriel.rdp.core.pdu.update.BitmapUpdate;
import dev.oriel.rdp.core.pdu.x224.ConnectionConfirmPdu;
import dev.oriel.rdp.core.pdu.x224.ConnectionRequestPdu;
import dev.oriel.rdp.core.pdu.x224.NegotiationFailure;
import dev.oriel.rdp.core.pdu.x224.NegotiationOutcome;
import dev.oriel.rdp.core.pdu.x224.NegotiationRequest;
import dev.oriel.rdp.core.pdu.x224.NegotiationResponse;
import dev.oriel.rdp.core.pdu.x224.X224Data;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A minimal RDP client for tests and benchmarks against Oriel on loopback: TLS security, the full connection sequence
 * built from Oriel's own PDU records, fast-path and slow-path output decoded into a framebuffer, static channel
 * traffic exposed as queues of whole messages, fast-path input.
 *
 * <p>Blocking and simple on purpose: {@link #connect} runs the sequence on the caller's thread, then one reader thread
 * per client processes what the server sends. It trusts any certificate: loopback test use only.
 */
public final class RdpTestClient implements AutoCloseable {
    /** What the server sent besides bitmaps, in order, for assertions. */
    public sealed interface Event {
        /** A fast-path update other than a bitmap (pointers, …), decoded only to its code and bytes. */
        record Update(int updateCode, Bytes data) implements Event {
        }

        /** A share data PDU from the server (Set Error Info, Shutdown Denied, …). */
        record ShareData(ShareDataBody body) implements Event {
        }

        /** The server's Disconnect Provider Ultimatum. */
        record Disconnected(int reason) implements Event {
        }
    }

    private final ClientOptions options;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int userId;
    private final Map<String, Integer> channelIds;
    private final Map<Integer, SvcDechunker> dechunkers = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<byte[]>> channelMessages = new ConcurrentHashMap<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final int[] framebuffer;
    private final int width;
    private final int height;
    private final DemandActivePdu demandActive;
    private final long connectNanos;
    private volatile long firstBitmapNanos;
    private volatile Throwable readerError;
    private volatile boolean closed;
    private final Thread reader;
    private long bitmapRects;
    private final java.util.concurrent.atomic.AtomicLong bytesReceived = new java.util.concurrent.atomic.AtomicLong();

    private RdpTestClient(ClientOptions options, Socket socket, DataInputStream in, OutputStream out, int userId,
            Map<String, Integer> channelIds, DemandActivePdu demand, long startNanos) {
        this.options = options;
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.userId = userId;
        this.channelIds = channelIds;
        this.demandActive = demand;
        BitmapCapabilitySet bitmap = CapabilitySet.find(demand.capabilitySets(), BitmapCapabilitySet.class).orElseThrow();
        this.width = bitmap.desktopWidth();
        this.height = bitmap.desktopHeight();
        this.framebuffer = new int[width * height];
        this.connectNanos = System.nanoTime() - startNanos;
        channelIds.forEach((name, id) -> {
            dechunkers.put(id, new SvcDechunker(name, 64 << 20, UnpooledByteBufAllocator.DEFAULT));
            channelMessages.put(name, new LinkedBlockingQueue<>());
        });
        try {
            // The reader blocks until the server sends something; idle sessions are fine.
            socket.setSoTimeout(0);
        } catch (java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
        this.reader = new Thread(this::readLoop, "rdp-testkit-reader-" + options.user());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects, runs the whole connection sequence and returns once the server's Font Map arrived. */
    public static RdpTestClient connect(InetSocketAddress server, ClientOptions options) throws IOException {
        long start = System.nanoTime();
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.setSoTimeout((int) options.timeout().toMillis());
        plain.connect(server, (int) options.timeout().toMillis());
        boolean ok = false;
        try {
            OutputStream plainOut = plain.getOutputStream();
            DataInputStream plainIn = new DataInputStream(plain.getInputStream());
            write(plainOut, new ConnectionRequestPdu(Optional.of(options.user()), Optional.empty(),
                    Optional.of(new NegotiationRequest(0, options.requestedProtocols())), Optional.empty()));
            ConnectionConfirmPdu cc = ConnectionConfirmPdu.decode(Unpooled.wrappedBuffer(readFrame(plainIn)));
            NegotiationOutcome outcome = cc.outcome().orElseThrow(() -> new IOException("no negotiation response"));
            if (outcome instanceof NegotiationFailure f) {
                throw new NegotiationRefusedException(f.failureCode());
            }
            int selected = ((NegotiationResponse) outcome).selectedProtocol();

            SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(plain, server.getHostString(),
                    server.getPort(), true);
            tls.setUseClientMode(true);
            tls.startHandshake();
            DataInputStream in = new DataInputStream(tls.getInputStream());
            OutputStream out = tls.getOutputStream();

            // MCS Connect-Initial with the client data blocks.
            writeX224(out, connectInitial(options, selected));
            McsConnectResponse response = McsConnectResponse.decode(X224Data.unwrap(Unpooled.wrappedBuffer(readFrame(in))));
            ServerNetworkData net = response.conferenceCreateResponse().serverData().find(ServerNetworkData.class).orElseThrow();
            Map<String, Integer> ids = new ConcurrentHashMap<>();
            for (int i = 0; i < options.channels().size(); i++) {
                ids.put(options.channels().get(i), net.channelIds().get(i));
            }
            writeX224(out, new ErectDomainRequest(0, 0));
            writeX224(out, new AttachUserRequest());
            AttachUserConfirm attach = (AttachUserConfirm) McsDomainPdu.decode(X224Data.unwrap(Unpooled.wrappedBuffer(readFrame(in))));
            int user = attach.initiator().orElseThrow();
            List<Integer> toJoin = new ArrayList<>(List.of(user, net.mcsChannelId()));
            toJoin.addAll(net.channelIds());
            for (int id : toJoin) {
                writeX224(out, new ChannelJoinRequest(user, id));
                ChannelJoinConfirm join = (ChannelJoinConfirm) McsDomainPdu.decode(X224Data.unwrap(Unpooled.wrappedBuffer(readFrame(in))));
                if (join.result() != 0) {
                    throw new IOException("join of channel " + id + " refused");
                }
            }

            // Client Info behind a SEC_INFO_PKT security header.
            ClientInfoPdu info = new ClientInfoPdu(0, ClientInfoPdu.INFO_MOUSE | ClientInfoPdu.INFO_UNICODE
                    | ClientInfoPdu.INFO_LOGONNOTIFY | options.infoFlags(), "", options.user(), options.password(), "", "",
                    Optional.empty());
            sendData(out, user, net.mcsChannelId(), new Concat(new BasicSecurityHeader(BasicSecurityHeader.SEC_INFO_PKT, 0), info));

            // Licensing, then Demand Active (or a refusal: Set Error Info + Disconnect Provider Ultimatum).
            DemandActivePdu demand = null;
            while (demand == null) {
                ByteBuf frame = Unpooled.wrappedBuffer(readFrame(in));
                ByteBuf mcs = X224Data.unwrap(frame);
                McsDomainPdu pdu = McsDomainPdu.decode(mcs);
                if (pdu instanceof DisconnectProviderUltimatum d) {
                    throw new ConnectionRefusedException(d.reason());
                }
                SendDataHeader h = (SendDataHeader) pdu;
                ByteBuf body = mcs.readSlice(h.userDataLength());
                if ((body.getUnsignedShortLE(0) & BasicSecurityHeader.SEC_LICENSE_PKT) != 0 && body.getUnsignedByte(4) == 0xFF) {
                    ServerLicenseErrorPdu.decode(body);
                    continue;
                }
                ShareControlPdu sc = ShareControlPdu.decode(body);
                if (sc instanceof DemandActivePdu d) {
                    demand = d;
                } else if (sc instanceof ShareDataPdu data && data.body() instanceof SetErrorInfoPdu err) {
                    throw new ConnectionRefusedException(err.errorInfo());
                }
            }

            // Confirm Active and the client's finalization PDUs.
            sendData(out, user, net.mcsChannelId(), new ConfirmActivePdu(user, demand.shareId(), 1002,
                    Bytes.of("MSTSC\0".getBytes()), clientCapabilities(options, demand)));
            for (ShareDataBody b : List.of(new SynchronizePdu(1, 1002), new ControlPdu(ControlPdu.CTRLACTION_COOPERATE, 0, 0),
                    new ControlPdu(ControlPdu.CTRLACTION_REQUEST_CONTROL, 0, 0), FontListPdu.client())) {
                sendData(out, user, net.mcsChannelId(), new ShareDataPdu(user, demand.shareId(), ShareDataPdu.STREAM_LOW, b));
            }
            boolean fontMap = false;
            while (!fontMap) {
                ByteBuf mcs = X224Data.unwrap(Unpooled.wrappedBuffer(readFrame(in)));
                SendDataHeader h = (SendDataHeader) McsDomainPdu.decode(mcs);
                ShareControlPdu sc = ShareControlPdu.decode(mcs.readSlice(h.userDataLength()));
                fontMap = sc instanceof ShareDataPdu d && d.body() instanceof FontMapPdu;
            }
            RdpTestClient client = new RdpTestClient(options, tls, in, out, user, ids, demand, start);
            ok = true;
            return client;
        } finally {
            if (!ok) {
                plain.close();
            }
        }
    }

    private static McsConnectInitial connectInitial(ClientOptions o, int selected) {
        int supported = ClientCoreData.RNS_UD_24BPP_SUPPORT | ClientCoreData.RNS_UD_16BPP_SUPPORT
                | ClientCoreData.RNS_UD_15BPP_SUPPORT | (o.colorDepth() == 32 ? ClientCoreData.RNS_UD_32BPP_SUPPORT : 0);
        int early = ClientCoreData.RNS_UD_CS_SUPPORT_ERRINFO_PDU | (o.colorDepth() == 32 ? ClientCoreData.RNS_UD_CS_WANT_32BPP_SESSION : 0);
        ClientCoreData core = new ClientCoreData(0x0008_0004, o.width(), o.height(), ClientCoreData.RNS_UD_COLOR_8BPP, 0xAA03,
                0x409, 1, ClientCoreData.fixedUtf16(o.clientName(), 32), 4, 0, 12, Bytes.of(new byte[64]),
                OptionalInt.of(ClientCoreData.RNS_UD_COLOR_8BPP), OptionalInt.of(1), OptionalLong.of(0),
                OptionalInt.of(o.colorDepth() == 32 ? 24 : o.colorDepth()), OptionalInt.of(supported), OptionalInt.of(early),
                Optional.of(Bytes.of(new byte[64])), OptionalInt.of(0), OptionalInt.of(0), OptionalInt.of(selected),
                OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty());
        List<ChannelDef> defs = o.channels().stream()
                .map(n -> new ChannelDef(n, ChannelDef.CHANNEL_OPTION_INITIALIZED)).toList();
        ClientDataBlocks blocks = new ClientDataBlocks(List.of(core, new ClientSecurityData(0, 0), new ClientNetworkData(defs)));
        return new McsConnectInitial(Bytes.of(new byte[] {1}), Bytes.of(new byte[] {1}), true,
                new DomainParameters(34, 2, 0, 1, 0, 1, 0xFFFF, 2), new DomainParameters(1, 1, 1, 1, 0, 1, 0x420, 2),
                new DomainParameters(0xFFFF, 0xFC17, 0xFFFF, 1, 0, 1, 0xFFFF, 2), new ConferenceCreateRequest(blocks));
    }

    private static List<CapabilitySet> clientCapabilities(ClientOptions o, DemandActivePdu demand) {
        BitmapCapabilitySet server = CapabilitySet.find(demand.capabilitySets(), BitmapCapabilitySet.class).orElseThrow();
        List<CapabilitySet> sets = new ArrayList<>(List.of(
                new GeneralCapabilitySet(1, 3, 0x200, 0, GeneralCapabilitySet.FASTPATH_OUTPUT_SUPPORTED
                        | GeneralCapabilitySet.NO_BITMAP_COMPRESSION_HDR | GeneralCapabilitySet.LONG_CREDENTIALS_SUPPORTED,
                        0, 0, 0, 1, 1),
                new BitmapCapabilitySet(server.preferredBitsPerPixel(), 1, 1, 1, server.desktopWidth(), server.desktopHeight(),
                        1, 1, 0, 0, 1),
                OrderCapabilitySet.server(),
                new PointerCapabilitySet(1, 25, OptionalInt.of(25)),
                InputCapabilitySet.server(),
                new VirtualChannelCapabilitySet(0, OptionalLong.of(1600)),
                new ShareCapabilitySet(0),
                new FontCapabilitySet(FontCapabilitySet.FONTSUPPORT_FONTLIST),
                new MultifragmentUpdateCapabilitySet(0x3F_FFFF),
                new LargePointerCapabilitySet(LargePointerCapabilitySet.LARGE_POINTER_FLAG_96x96)));
        if ((o.infoFlags() & ClientInfoPdu.INFO_RAIL) != 0) {
            // What mstsc confirms for RemoteApp ([MS-RDPERP] 2.2.1.1.1, 2.2.1.1.2): every RAIL level (the extended
            // handshake included), window list support with FreeRDP's icon cache sizes.
            sets.add(new RemoteProgramsCapabilitySet(0xFF));
            sets.add(new WindowListCapabilitySet(WindowListCapabilitySet.WINDOW_LEVEL_SUPPORTED_EX, OptionalInt.of(3),
                    OptionalInt.of(12)));
        }
        return sets;
    }

    // ---- reading --------------------------------------------------------------------------------------------

    private void readLoop() {
        try {
            while (!closed) {
                byte[] frame = readFrame(in);
                bytesReceived.addAndGet(frame.length);
                if ((frame[0] & 0x03) == 0) {
                    onFastPath(frame);
                } else {
                    onSlowPath(frame);
                }
            }
        } catch (EOFException | java.net.SocketException e) {
            // The server closed the connection (or we did).
        } catch (Throwable t) {
            if (!closed) {
                readerError = t;
            }
        } finally {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
        }
    }

    /** Reassembly of a fragmented fast-path update ([MS-RDPBCGR] 2.2.9.1.2.1, FIRST/NEXT/LAST). */
    private java.io.ByteArrayOutputStream fragments;

    private void onFastPath(byte[] frame) {
        FastPathOutputPdu pdu = FastPathOutputPdu.decode(Unpooled.wrappedBuffer(frame));
        for (FastPathUpdate u : pdu.updates()) {
            Bytes data;
            switch (u.fragmentation()) {
                case FastPathUpdate.FASTPATH_FRAGMENT_SINGLE -> data = u.data();
                case FastPathUpdate.FASTPATH_FRAGMENT_FIRST -> {
                    fragments = new java.io.ByteArrayOutputStream();
                    fragments.writeBytes(u.data().toArray());
                    continue;
                }
                case FastPathUpdate.FASTPATH_FRAGMENT_NEXT -> {
                    fragments.writeBytes(u.data().toArray());
                    continue;
                }
                default -> {
                    fragments.writeBytes(u.data().toArray());
                    data = Bytes.of(fragments.toByteArray());
                    fragments = null;
                }
            }
            if (u.updateCode() == FastPathUpdate.FASTPATH_UPDATETYPE_BITMAP) {
                onBitmap(BitmapUpdate.decode(Unpooled.wrappedBuffer(data.toArray())));
            } else {
                events.add(new Event.Update(u.updateCode(), data));
            }
        }
        synchronized (this) {
            notifyAll();
        }
    }

    private void onBitmap(BitmapUpdate update) {
        synchronized (this) {
            for (BitmapData d : update.rectangles()) {
                int[] px = decodeBitmap(d);
                for (int y = d.destTop(); y <= d.destBottom() && y < height; y++) {
                    for (int x = d.destLeft(); x <= d.destRight() && x < width; x++) {
                        framebuffer[y * width + x] = px[(y - d.destTop()) * d.width() + (x - d.destLeft())] | 0xFF00_0000;
                    }
                }
                bitmapRects++;
            }
            if (firstBitmapNanos == 0) {
                firstBitmapNanos = System.nanoTime();
            }
        }
    }

    /** Pixels of one bitmap, top row first, {@code d.width()} per row. */
    private static int[] decodeBitmap(BitmapData d) {
        int w = d.width();
        int h = d.height();
        ByteBuf data = Unpooled.wrappedBuffer(d.bitmapDataStream().toArray());
        if (d.compressed()) {
            if (d.bitsPerPixel() != 32) {
                return InterleavedDecoder.decode(data, w, h, d.bitsPerPixel());
            }
            return PlanarDecoder.decode(data, w, h, true);
        }
        int[] px = new int[w * h];
        for (int row = h - 1; row >= 0; row--) {
            for (int x = 0; x < w; x++) {
                int v;
                switch (d.bitsPerPixel()) {
                    case 32 -> v = data.readIntLE();
                    case 24 -> v = data.readUnsignedByte() | data.readUnsignedByte() << 8 | data.readUnsignedByte() << 16;
                    case 16 -> {
                        int p = data.readUnsignedShortLE();
                        v = expand5(p >> 11) << 16 | expand6((p >> 5) & 0x3F) << 8 | expand5(p & 0x1F);
                    }
                    default -> {
                        int p = data.readUnsignedShortLE();
                        v = expand5((p >> 10) & 0x1F) << 16 | expand5((p >> 5) & 0x1F) << 8 | expand5(p & 0x1F);
                    }
                }
                px[row * w + x] = v;
            }
        }
        return px;
    }

    private static int expand5(int v) {
        return (v << 3) | (v >> 2);
    }

    private static int expand6(int v) {
        return (v << 2) | (v >> 4);
    }

    private void onSlowPath(byte[] frame) {
        ByteBuf mcs = X224Data.unwrap(Unpooled.wrappedBuffer(frame));
        McsDomainPdu pdu = McsDomainPdu.decode(mcs);
        if (pdu instanceof DisconnectProviderUltimatum d) {
            events.add(new Event.Disconnected(d.reason()));
            return;
        }
        SendDataHeader h = (SendDataHeader) pdu;
        ByteBuf body = mcs.readSlice(h.userDataLength());
        SvcDechunker dechunker = dechunkers.get(h.channelId());
        if (dechunker != null) {
            ByteBuf message = dechunker.accept(body);
            if (message != null) {
                byte[] b = new byte[message.readableBytes()];
                message.readBytes(b);
                message.release();
                channelMessages.get(dechunker.channelName()).add(b);
            }
            return;
        }
        ShareControlPdu sc = ShareControlPdu.decode(body);
        if (sc instanceof ShareDataPdu data) {
            events.add(new Event.ShareData(data.body()));
            synchronized (this) {
                notifyAll();
            }
        }
    }

    // ---- public API -----------------------------------------------------------------------------------------

    /** The server's Demand Active. */
    public DemandActivePdu demandActive() {
        return demandActive;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int userId() {
        return userId;
    }

    /** Nanoseconds from the TCP connect to the server's Font Map. */
    public long connectNanos() {
        return connectNanos;
    }

    /** When the first bitmap arrived ({@link System#nanoTime()}), 0 before. */
    public long firstBitmapNanos() {
        return firstBitmapNanos;
    }

    /** A copy of the client's framebuffer (0xFFRRGGBB). */
    public synchronized int[] framebuffer() {
        return framebuffer.clone();
    }

    public synchronized long bitmapRectangles() {
        return bitmapRects;
    }

    /** Waits until {@code condition} holds for the framebuffer. */
    public boolean awaitFramebuffer(Predicate<int[]> condition) throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        synchronized (this) {
            while (!condition.test(framebuffer)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return condition.test(framebuffer);
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Waits until an event matching {@code condition} arrived; returns it. */
    public Event awaitEvent(Predicate<Event> condition) throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        synchronized (this) {
            while (true) {
                for (Event e : events) {
                    if (condition.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    for (Event e : events) {
                        if (condition.test(e)) {
                            return e;
                        }
                    }
                    throw new AssertionError("no matching event; got " + events + (readerError != null ? ", reader failed: " + readerError : ""));
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Whole messages the server sent on static channel {@code name}. */
    public BlockingQueue<byte[]> channelMessages(String name) {
        return channelMessages.get(name);
    }

    /** Sends fast-path input events. */
    public void sendInput(FastPathInputEvent... events) throws IOException {
        write(out, new FastPathInputPdu(List.of(events)));
    }

    /** Sends a share data PDU (Suppress Output, Refresh Rect, slow-path input, …) on the I/O channel. */
    public void sendShareData(ShareDataBody body) throws IOException {
        sendData(out, userId, 1003, new ShareDataPdu(userId, demandActive.shareId(), ShareDataPdu.STREAM_LOW, body));
    }

    /** Sends a whole message on static channel {@code name}, chunked at 1600 bytes. */
    public void sendChannel(String name, byte[] message) throws IOException {
        int id = channelIds.get(name);
        List<ByteBuf> chunks = new ArrayList<>();
        SvcChunker.chunk(Unpooled.wrappedBuffer(message), SvcChunker.CHANNEL_CHUNK_LENGTH, 0,
                UnpooledByteBufAllocator.DEFAULT, chunks::add);
        for (ByteBuf c : chunks) {
            byte[] b = new byte[c.readableBytes()];
            c.readBytes(b);
            c.release();
            sendData(out, userId, id, new Raw(b));
        }
    }

    /** Forgets what the framebuffer shows (to see what a Refresh Rect brings back). */
    /** Bytes of RDP frames received since the session became active (after TLS, before decoding). */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    public synchronized void clearFramebuffer() {
        java.util.Arrays.fill(framebuffer, 0);
    }

    /** Sends raw bytes as they are (for robustness tests). */
    public void sendRaw(byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    /** Waits until the server closed the connection. */
    public boolean awaitClosed() throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        synchronized (this) {
            while (!closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** A failure of the reader thread (a PDU the test client could not decode), if any. */
    public Optional<Throwable> readerError() {
        return Optional.ofNullable(readerError);
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        dechunkers.values().forEach(SvcDechunker::close);
    }

    // ---- framing ------------------------------------------------------------------------------------------

    static byte[] readFrame(DataInputStream in) throws IOException {
        int b0 = in.readUnsignedByte();
        if (b0 == 3) {
            byte[] head = new byte[3];
            in.readFully(head);
            int length = (head[1] & 0xFF) << 8 | (head[2] & 0xFF);
            byte[] frame = new byte[length];
            frame[0] = 3;
            System.arraycopy(head, 0, frame, 1, 3);
            in.readFully(frame, 4, length - 4);
            return frame;
        }
        int b1 = in.readUnsignedByte();
        int length;
        int header;
        if ((b1 & 0x80) != 0) {
            length = ((b1 & 0x7F) << 8) | in.readUnsignedByte();
            header = 3;
        } else {
            length = b1;
            header = 2;
        }
        byte[] frame = new byte[length];
        frame[0] = (byte) b0;
        frame[1] = (byte) b1;
        if (header == 3) {
            frame[2] = (byte) (length & 0xFF);
        }
        in.readFully(frame, header, length - header);
        return frame;
    }

    private static void write(OutputStream out, Encodable pdu) throws IOException {
        synchronized (out) {
            out.write(pdu.toByteArray());
            out.flush();
        }
    }

    private static void writeX224(OutputStream out, Encodable mcs) throws IOException {
        ByteBuf buf = Unpooled.buffer();
        X224Data.writeHeader(buf, mcs.size());
        mcs.encode(buf);
        writeBuf(out, buf);
    }

    private static void sendData(OutputStream out, int user, int channel, Encodable payload) throws IOException {
        SendDataHeader h = SendDataHeader.request(user, channel, payload.size());
        ByteBuf buf = Unpooled.buffer();
        X224Data.writeHeader(buf, h.size() + payload.size());
        h.encode(buf);
        payload.encode(buf);
        writeBuf(out, buf);
    }

    private static void writeBuf(OutputStream out, ByteBuf buf) throws IOException {
        try {
            byte[] b = new byte[buf.readableBytes()];
            buf.readBytes(b);
            synchronized (out) {
                out.write(b);
                out.flush();
            }
        } finally {
            buf.release();
        }
    }

    private static SSLContext trustAll() throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** Two structures written back to back. */
    private record Concat(Encodable a, Encodable b) implements Encodable {
        @Override
        public void encode(ByteBuf dst) {
            a.encode(dst);
            b.encode(dst);
        }

        @Override
        public int size() {
            return a.size() + b.size();
        }

        @Override
        public String name() {
            return a.name() + "+" + b.name();
        }
    }

    /** Bytes written as they are. */
    private record Raw(byte[] bytes) implements Encodable {
        @Override
        public void encode(ByteBuf dst) {
            dst.writeBytes(bytes);
        }

        @Override
        public int size() {
            return bytes.length;
        }

        @Override
        public String name() {
            return "Raw";
        }
    }

    /** The server answered the X.224 request with RDP_NEG_FAILURE. */
    public static final class NegotiationRefusedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int failureCode;

        NegotiationRefusedException(int failureCode) {
            super("negotiation refused, failureCode " + failureCode);
            this.failureCode = failureCode;
        }

        public int failureCode() {
            return failureCode;
        }
    }

    /** The server refused the session (Set Error Info and/or Disconnect Provider Ultimatum). */
    public static final class ConnectionRefusedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long code;

        ConnectionRefusedException(long code) {
            super("connection refused by the server, code " + code);
            this.code = code;
        }

        public long code() {
            return code;
        }
    }
}
