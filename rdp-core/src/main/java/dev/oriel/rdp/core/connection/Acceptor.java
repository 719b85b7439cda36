package dev.oriel.rdp.core.connection;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Limits;
import dev.oriel.rdp.core.api.MonitorInfo;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.error.SequenceException;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.pdu.gcc.ChannelDef;
import dev.oriel.rdp.core.pdu.gcc.ClientCoreData;
import dev.oriel.rdp.core.pdu.gcc.ClientDataBlocks;
import dev.oriel.rdp.core.pdu.gcc.ConferenceCreateResponse;
import dev.oriel.rdp.core.pdu.gcc.MonitorDef;
import dev.oriel.rdp.core.pdu.gcc.ServerDataBlocks;
import dev.oriel.rdp.core.pdu.mcs.AttachUserConfirm;
import dev.oriel.rdp.core.pdu.mcs.AttachUserRequest;
import dev.oriel.rdp.core.pdu.mcs.ChannelJoinConfirm;
import dev.oriel.rdp.core.pdu.mcs.ChannelJoinRequest;
import dev.oriel.rdp.core.pdu.mcs.DisconnectProviderUltimatum;
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
import dev.oriel.rdp.core.pdu.rdp.PersistentKeyListPdu;
import dev.oriel.rdp.core.pdu.rdp.ServerLicenseErrorPdu;
import dev.oriel.rdp.core.pdu.rdp.SetErrorInfoPdu;
import dev.oriel.rdp.core.pdu.rdp.ShareControlPdu;
import dev.oriel.rdp.core.pdu.rdp.ShareDataBody;
import dev.oriel.rdp.core.pdu.rdp.ShareDataPdu;
import dev.oriel.rdp.core.pdu.rdp.SynchronizePdu;
import dev.oriel.rdp.core.pdu.x224.ConnectionConfirmPdu;
import dev.oriel.rdp.core.pdu.x224.ConnectionRequestPdu;
import dev.oriel.rdp.core.pdu.x224.NegotiationFailure;
import dev.oriel.rdp.core.pdu.x224.NegotiationResponse;
import dev.oriel.rdp.core.pdu.x224.SecurityProtocol;
import dev.oriel.rdp.core.pdu.x224.X224Data;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the RDP connection sequence ([MS-RDPBCGR] 1.3.1.1, 3.3.5), sans I/O: whole frames in, bytes
 * out, hand-offs (TLS upgrade, admission) requested from the driver rather than performed.
 *
 * <pre>
 * X.224 request → confirm → [TLS] → MCS Connect-Initial → Connect-Response → Erect Domain → Attach User →
 * Channel Joins → Client Info → [admission] → licensing (valid client) → Demand Active → Confirm Active →
 * finalization (Synchronize, Cooperate, Granted Control, Font Map) → accepted
 * </pre>
 *
 * <p>Not thread-safe: confined to its connection's event loop. Any {@link dev.oriel.rdp.core.error.RdpException}
 * thrown by {@link #step} is connection-fatal; the driver then calls {@link #writeFailure} and closes.
 */
public final class Acceptor {
    private static final Logger log = LoggerFactory.getLogger(Acceptor.class);
    static final String NAME = "Acceptor";

    /** MCS channel of the server itself ([MS-RDPBCGR] 2.2.1.14, pduSource of server PDUs). */
    public static final int SERVER_CHANNEL_ID = 1002;
    /** The MCS I/O channel. */
    public static final int IO_CHANNEL_ID = 1003;
    /** SC_CORE version: RDP 5.0 and later ([MS-RDPBCGR] 2.2.1.4.2), what FreeRDP's server announces too. */
    static final int RDP_VERSION_5_PLUS = 0x0008_0004;
    /** shareId of Demand Active: FreeRDP's and Windows' convention, 0x10000 + the server channel id. */
    public static final long SHARE_ID = 0x0001_0000L + SERVER_CHANNEL_ID;

    /** Phases of the sequence, in order. */
    public enum Phase {
        WAIT_CONNECTION_REQUEST, SECURITY_UPGRADE, WAIT_MCS_CONNECT_INITIAL, WAIT_ERECT_DOMAIN, WAIT_ATTACH_USER,
        CHANNEL_JOIN, ADMISSION, WAIT_CONFIRM_ACTIVE, FINALIZATION, ACCEPTED, REFUSED
    }

    private final Limits limits;
    private final long connectionId;
    private final InetSocketAddress remoteAddress;
    private final ServerCapabilitySets serverCapabilities;

    private Phase phase = Phase.WAIT_CONNECTION_REQUEST;
    private String refusal;

    // Facts established along the way; each is set in the phase named in its comment and never changes after.
    private ConnectionRequestPdu connectionRequest; // WAIT_CONNECTION_REQUEST
    private int selectedProtocol;                    // WAIT_CONNECTION_REQUEST
    private ClientDataBlocks clientData;             // WAIT_MCS_CONNECT_INITIAL
    private List<StaticChannel> channels;            // WAIT_MCS_CONNECT_INITIAL
    private int userChannelId;                       // WAIT_MCS_CONNECT_INITIAL
    private final BitSet joined = new BitSet();      // CHANNEL_JOIN
    private SessionInfo sessionInfo;                 // CHANNEL_JOIN (Client Info)
    private SessionDecision.Accept decision;         // ADMISSION
    private DesktopSize desktopSize;                 // ADMISSION
    private int colorDepth;                          // ADMISSION
    private ClientCapabilities clientCapabilities;   // WAIT_CONFIRM_ACTIVE
    private int finalizationSeen;                    // FINALIZATION: bits of the client PDUs seen

    private static final int SEEN_SYNCHRONIZE = 1;
    private static final int SEEN_COOPERATE = 2;
    private static final int SEEN_REQUEST_CONTROL = 4;

    /**
     * @param limits             caps on client-declared values
     * @param connectionId       for logs and {@link SessionInfo}
     * @param remoteAddress      the client's address, for {@link SessionInfo}
     * @param serverCapabilities what the server advertises in Demand Active
     */
    public Acceptor(Limits limits, long connectionId, InetSocketAddress remoteAddress,
            ServerCapabilitySets serverCapabilities) {
        this.limits = limits;
        this.connectionId = connectionId;
        this.remoteAddress = remoteAddress;
        this.serverCapabilities = serverCapabilities;
    }

    public Phase phase() {
        return phase;
    }

    /** Consumes one whole frame (the driver releases it) and writes the server's answers to {@code out}. */
    public void step(ByteBuf frame, ByteBuf out) {
        switch (phase) {
            case WAIT_CONNECTION_REQUEST -> onConnectionRequest(frame, out);
            case WAIT_MCS_CONNECT_INITIAL -> onConnectInitial(frame, out);
            case WAIT_ERECT_DOMAIN, WAIT_ATTACH_USER, CHANNEL_JOIN -> onDomainPdu(frame, out);
            case WAIT_CONFIRM_ACTIVE, FINALIZATION -> onIoData(frame, out);
            case SECURITY_UPGRADE, ADMISSION ->
                    throw new SequenceException(NAME, "unexpected data while " + phase.name().toLowerCase());
            case ACCEPTED, REFUSED -> throw new SequenceException(NAME, "sequence already finished (" + phase + ")");
        }
    }

    // ---- X.224 -------------------------------------------------------------------------------------------

    private void onConnectionRequest(ByteBuf frame, ByteBuf out) {
        if (isFastPath(frame)) {
            throw new SequenceException(NAME, "fast-path data before the X.224 Connection Request");
        }
        connectionRequest = ConnectionRequestPdu.decode(frame);
        if (connectionRequest.negotiationRequest().isEmpty()) {
            // A legacy client that speaks only Standard RDP Security cannot parse a negotiation failure.
            throw new SequenceException(NAME, "client offers only Standard RDP Security (no RDP_NEG_REQ), which is not supported");
        }
        int requested = connectionRequest.requestedProtocols();
        if ((requested & SecurityProtocol.SSL) == 0) {
            // [MS-RDPBCGR] 3.3.5.3.1: the server requires TLS; NLA (HYBRID) is not implemented yet.
            ConnectionConfirmPdu.of(new NegotiationFailure(NegotiationFailure.SSL_REQUIRED_BY_SERVER)).encode(out);
            refuse("client requested " + SecurityProtocol.describe(requested) + " without SSL; Oriel requires TLS");
            return;
        }
        selectedProtocol = SecurityProtocol.SSL;
        // EXTENDED_CLIENT_DATA_SUPPORTED lets the client send its monitor layout (P-CORE-3).
        ConnectionConfirmPdu.of(new NegotiationResponse(NegotiationResponse.EXTENDED_CLIENT_DATA_SUPPORTED,
                selectedProtocol)).encode(out);
        log.debug("Negotiated connection={} requested={} selected=SSL cookie={}", connectionId,
                SecurityProtocol.describe(requested), connectionRequest.cookie().orElse(""));
        phase = Phase.SECURITY_UPGRADE;
    }

    private void refuse(String reason) {
        refusal = reason;
        phase = Phase.REFUSED;
    }

    /** Whether the sequence ended with a polite refusal already written; the driver flushes and closes. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** True while the driver must switch the transport to TLS (after flushing the Connection Confirm). */
    public boolean securityUpgradePending() {
        return phase == Phase.SECURITY_UPGRADE;
    }

    public void markSecurityUpgradeDone() {
        expect(Phase.SECURITY_UPGRADE);
        phase = Phase.WAIT_MCS_CONNECT_INITIAL;
    }

    // ---- MCS ---------------------------------------------------------------------------------------------

    private void onConnectInitial(ByteBuf frame, ByteBuf out) {
        ByteBuf mcs = X224Data.unwrap(frame);
        McsConnectInitial initial = McsConnectInitial.decode(mcs);
        Wire.ensureFullyConsumed(mcs, "McsConnectInitial");
        clientData = initial.conferenceCreateRequest().clientData();
        ClientCoreData core = clientData.core();

        // [MS-RDPBCGR] 3.3.5.3.3: serverSelectedProtocol must repeat what the server chose (downgrade protection).
        core.serverSelectedProtocol().ifPresent(p -> {
            if (p != selectedProtocol) {
                throw DecodeException.invalidField("ClientCoreData", "serverSelectedProtocol",
                        "client says " + p + ", server selected " + selectedProtocol);
            }
        });
        List<ChannelDef> defs = clientData.network().map(n -> n.channels()).orElse(List.of());
        Wire.checkLimit(defs.size(), limits.maxStaticChannels(), "ClientNetworkData", "channelCount");
        int monitors = clientData.monitor().map(m -> m.monitors().size()).orElse(0);
        Wire.checkLimit(monitors, limits.maxMonitors(), "ClientMonitorData", "monitorCount");

        List<StaticChannel> list = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            int id = IO_CHANNEL_ID + 1 + i;
            list.add(new StaticChannel(defs.get(i).channelName(), defs.get(i).options(), id, false));
            ids.add(id);
        }
        channels = list;
        userChannelId = IO_CHANNEL_ID + 1 + defs.size();

        ServerDataBlocks server = ServerDataBlocks.forTls(RDP_VERSION_5_PLUS, connectionRequest.requestedProtocols(), 0, ids);
        McsConnectResponse response = new McsConnectResponse(0, 0, initial.targetParameters(),
                new ConferenceCreateResponse(server));
        writeX224(out, response);
        log.debug("MCS connected connection={} client={} build={} size={}x{} channels={}", connectionId,
                core.clientName(), core.clientBuild(), core.desktopWidth(), core.desktopHeight(),
                channels.stream().map(StaticChannel::name).toList());
        phase = Phase.WAIT_ERECT_DOMAIN;
    }

    private void onDomainPdu(ByteBuf frame, ByteBuf out) {
        ByteBuf mcs = X224Data.unwrap(frame);
        McsDomainPdu pdu = McsDomainPdu.decode(mcs);
        if (pdu instanceof SendDataHeader send && phase == Phase.CHANNEL_JOIN) {
            onClientInfo(send, mcs);
            return;
        }
        Wire.ensureFullyConsumed(mcs, pdu.name());
        if (pdu instanceof ErectDomainRequest && phase == Phase.WAIT_ERECT_DOMAIN) {
            phase = Phase.WAIT_ATTACH_USER;
        } else if (pdu instanceof AttachUserRequest && phase == Phase.WAIT_ATTACH_USER) {
            writeX224(out, new AttachUserConfirm(0, java.util.OptionalInt.of(userChannelId)));
            phase = Phase.CHANNEL_JOIN;
        } else if (pdu instanceof ChannelJoinRequest join && phase == Phase.CHANNEL_JOIN) {
            onChannelJoin(join, out);
        } else if (pdu instanceof DisconnectProviderUltimatum) {
            throw new SequenceException(NAME, "client disconnected during " + phase.name().toLowerCase());
        } else {
            throw SequenceException.unexpected(NAME + " " + phase.name().toLowerCase(), pdu.name());
        }
    }

    private void onChannelJoin(ChannelJoinRequest join, ByteBuf out) {
        if (join.initiator() != userChannelId) {
            throw DecodeException.invalidField("ChannelJoinRequest", "initiator",
                    "expected user channel " + userChannelId + ", got " + join.initiator());
        }
        int id = join.channelId();
        boolean known = id == userChannelId || id == IO_CHANNEL_ID
                || channels.stream().anyMatch(c -> c.id() == id);
        if (!known) {
            throw DecodeException.invalidField("ChannelJoinRequest", "channelId", "no such channel " + id);
        }
        if (joined.get(id)) {
            throw DecodeException.invalidField("ChannelJoinRequest", "channelId", "channel " + id + " joined twice");
        }
        joined.set(id);
        writeX224(out, new ChannelJoinConfirm(0, userChannelId, id, java.util.OptionalInt.of(id)));
    }

    // ---- Client Info and admission ---------------------------------------------------------------------

    private void onClientInfo(SendDataHeader send, ByteBuf mcs) {
        if (!joined.get(userChannelId) || !joined.get(IO_CHANNEL_ID)) {
            throw new SequenceException(NAME, "Client Info before joining the user and I/O channels");
        }
        ByteBuf body = checkedSendData(send, mcs);
        BasicSecurityHeader sec = BasicSecurityHeader.decode(body);
        if ((sec.flags() & BasicSecurityHeader.SEC_INFO_PKT) == 0) {
            throw DecodeException.invalidField("BasicSecurityHeader", "flags",
                    "expected SEC_INFO_PKT, got 0x" + Integer.toHexString(sec.flags()));
        }
        ClientInfoPdu info = ClientInfoPdu.decode(body);
        Wire.ensureFullyConsumed(body, ClientInfoPdu.NAME);
        channels = channels.stream().map(c -> new StaticChannel(c.name(), c.options(), c.id(), joined.get(c.id()))).toList();
        sessionInfo = SessionInfos.of(connectionId, remoteAddress, connectionRequest, selectedProtocol, clientData, info,
                channels, colorDepthFor(clientData.core()));
        log.info("Client connected connection={} remote={} client={} build={} user={} size={} remoteApp={}",
                connectionId, remoteAddress, sessionInfo.clientName(), sessionInfo.clientBuild(),
                sessionInfo.userName(), sessionInfo.requestedSize(), sessionInfo.remoteApp());
        phase = Phase.ADMISSION;
    }

    /** Reads the Send Data Request user data as a slice, after checking initiator and channel. */
    private ByteBuf checkedSendData(SendDataHeader send, ByteBuf mcs) {
        if (send.kind() != SendDataHeader.Kind.REQUEST) {
            throw DecodeException.invalidField(SendDataHeader.NAME, "type", "server-to-client Send Data Indication from client");
        }
        if (send.channelId() != IO_CHANNEL_ID) {
            throw new SequenceException(NAME, "data on channel " + send.channelId() + " during the connection sequence");
        }
        ByteBuf body = Wire.readSlice(mcs, send.userDataLength(), SendDataHeader.NAME, "userData");
        Wire.ensureFullyConsumed(mcs, SendDataHeader.NAME);
        return body;
    }

    /** The session information waiting for an admission decision, while {@link #phase()} is ADMISSION. */
    public Optional<SessionInfo> admissionPending() {
        return phase == Phase.ADMISSION ? Optional.of(sessionInfo) : Optional.empty();
    }

    /** Admits the client: writes the licensing shortcut and Demand Active. */
    public void admit(SessionDecision.Accept accept, ByteBuf out) {
        expect(Phase.ADMISSION);
        decision = accept;
        desktopSize = new DesktopSize(Math.min(accept.size().width(), limits.maxDesktopWidth()),
                Math.min(accept.size().height(), limits.maxDesktopHeight()));
        colorDepth = sessionInfo.colorDepth();
        // [MS-RDPBCGR] 2.2.1.12: the licensing phase is skipped with a STATUS_VALID_CLIENT error alert (P-CORE-5).
        writeSendData(out, ServerLicenseErrorPdu.validClient());
        List<CapabilitySet> caps = serverCapabilities.forSession(desktopSize, colorDepth, sessionInfo);
        DemandActivePdu demand = new DemandActivePdu(SERVER_CHANNEL_ID, SHARE_ID, SOURCE_DESCRIPTOR, caps, 0);
        writeSendData(out, demand);
        phase = Phase.WAIT_CONFIRM_ACTIVE;
    }

    /**
     * Refuses the client after admission said no: Set Error Info (server denied), Disconnect Provider Ultimatum.
     */
    public void reject(String reason, ByteBuf out) {
        expect(Phase.ADMISSION);
        writeSendData(out, shareData(new SetErrorInfoPdu(SetErrorInfoPdu.ERRINFO_SERVER_DENIED_CONNECTION)));
        writeX224(out, new DisconnectProviderUltimatum(DisconnectProviderUltimatum.RN_PROVIDER_INITIATED));
        refuse("rejected by the application: " + reason);
    }

    /** sourceDescriptor of server PDUs. */
    static final Bytes SOURCE_DESCRIPTOR = Bytes.of("RDP\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    // ---- capabilities and finalization ------------------------------------------------------------------

    private void onIoData(ByteBuf frame, ByteBuf out) {
        if (isFastPath(frame)) {
            // Input sent while the client finishes activation is not delivered: there is no session yet.
            log.trace("Dropping early fast-path input connection={}", connectionId);
            frame.skipBytes(frame.readableBytes());
            return;
        }
        ByteBuf mcs = X224Data.unwrap(frame);
        McsDomainPdu pdu = McsDomainPdu.decode(mcs);
        if (pdu instanceof DisconnectProviderUltimatum) {
            throw new SequenceException(NAME, "client disconnected during " + phase.name().toLowerCase());
        }
        if (!(pdu instanceof SendDataHeader send)) {
            throw SequenceException.unexpected(NAME + " " + phase.name().toLowerCase(), pdu.name());
        }
        if (send.channelId() != IO_CHANNEL_ID) {
            // Static channel data before activation has nowhere to go yet; clients do not send it.
            log.debug("Dropping early data connection={} channel={}", connectionId, send.channelId());
            mcs.skipBytes(mcs.readableBytes());
            return;
        }
        ByteBuf body = checkedSendData(send, mcs);
        ShareControlPdu pdu2 = ShareControlPdu.decode(body);
        Wire.ensureFullyConsumed(body, pdu2.name());
        if (phase == Phase.WAIT_CONFIRM_ACTIVE) {
            if (!(pdu2 instanceof ConfirmActivePdu confirm)) {
                throw SequenceException.unexpected(NAME + " wait_confirm_active", pdu2.name());
            }
            onConfirmActive(confirm);
        } else if (pdu2 instanceof ShareDataPdu data) {
            onFinalization(data.body(), out);
        } else {
            throw SequenceException.unexpected(NAME + " finalization", pdu2.name());
        }
    }

    private void onConfirmActive(ConfirmActivePdu confirm) {
        if (confirm.shareId() != SHARE_ID) {
            throw DecodeException.invalidField(ConfirmActivePdu.NAME, "shareId",
                    "expected 0x" + Long.toHexString(SHARE_ID) + ", got 0x" + Long.toHexString(confirm.shareId()));
        }
        Wire.checkLimit(confirm.capabilitySets().size(), limits.maxCapabilitySets(), ConfirmActivePdu.NAME,
                "numberCapabilities");
        clientCapabilities = ClientCapabilitiesReader.read(confirm.capabilitySets(), desktopSize, colorDepth);
        log.debug("Confirm Active connection={} capabilities={}", connectionId, clientCapabilities);
        phase = Phase.FINALIZATION;
    }

    private void onFinalization(ShareDataBody body, ByteBuf out) {
        // [MS-RDPBCGR] 1.3.1.1 (finalization): answer each client PDU with its server counterpart; Font Map last.
        if (body instanceof SynchronizePdu) {
            finalizationSeen |= SEEN_SYNCHRONIZE;
            writeSendData(out, shareData(new SynchronizePdu(SynchronizePdu.SYNCMSGTYPE_SYNC, userChannelId)));
        } else if (body instanceof ControlPdu control && control.action() == ControlPdu.CTRLACTION_COOPERATE) {
            finalizationSeen |= SEEN_COOPERATE;
            writeSendData(out, shareData(new ControlPdu(ControlPdu.CTRLACTION_COOPERATE, 0, 0)));
        } else if (body instanceof ControlPdu control && control.action() == ControlPdu.CTRLACTION_REQUEST_CONTROL) {
            finalizationSeen |= SEEN_REQUEST_CONTROL;
            writeSendData(out, shareData(new ControlPdu(ControlPdu.CTRLACTION_GRANTED_CONTROL, userChannelId,
                    SERVER_CHANNEL_ID)));
        } else if (body instanceof PersistentKeyListPdu) {
            log.trace("Ignoring persistent key list connection={}", connectionId);
        } else if (body instanceof FontListPdu) {
            int missing = (SEEN_SYNCHRONIZE | SEEN_COOPERATE | SEEN_REQUEST_CONTROL) & ~finalizationSeen;
            if (missing != 0) {
                throw new SequenceException(NAME, "Font List before Synchronize/Cooperate/Request Control (missing 0x"
                        + Integer.toHexString(missing) + ")");
            }
            writeSendData(out, shareData(FontMapPdu.server()));
            phase = Phase.ACCEPTED;
        } else {
            log.debug("Ignoring PDU during finalization connection={} pdu={}", connectionId, body.name());
        }
    }

    public boolean isAccepted() {
        return phase == Phase.ACCEPTED;
    }

    /** The outcome, once {@link #isAccepted()}. */
    public AcceptorResult result() {
        expect(Phase.ACCEPTED);
        return new AcceptorResult(sessionInfo, decision.listener(), desktopSize, userChannelId, IO_CHANNEL_ID, SHARE_ID,
                channels, clientCapabilities);
    }

    /**
     * Writes the polite goodbye for a connection-fatal error in the current phase: a Disconnect Provider Ultimatum
     * once MCS is up, nothing before (the client would not understand it).
     */
    public void writeFailure(ByteBuf out) {
        if (phase.ordinal() >= Phase.WAIT_ERECT_DOMAIN.ordinal() && phase != Phase.REFUSED) {
            writeX224(out, new DisconnectProviderUltimatum(DisconnectProviderUltimatum.RN_PROVIDER_INITIATED));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private void expect(Phase p) {
        if (phase != p) {
            throw new IllegalStateException("acceptor is in " + phase + ", not " + p);
        }
    }

    private static boolean isFastPath(ByteBuf frame) {
        return (frame.getUnsignedByte(frame.readerIndex()) & 0x03) == 0;
    }

    private ShareDataPdu shareData(ShareDataBody body) {
        return new ShareDataPdu(SERVER_CHANNEL_ID, SHARE_ID, ShareDataPdu.STREAM_LOW, body);
    }

    /** TPKT + X.224 Data + an MCS PDU. */
    private static void writeX224(ByteBuf out, Encodable mcsPdu) {
        X224Data.writeHeader(out, mcsPdu.size());
        mcsPdu.encode(out);
    }

    /** TPKT + X.224 Data + MCS Send Data Indication on the I/O channel + {@code payload}. */
    private static void writeSendData(ByteBuf out, Encodable payload) {
        Framing.writeSendData(out, IO_CHANNEL_ID, payload);
    }

    /**
     * The colour depth the session will use: 32 bpp when the client supports it, else its high colour depth
     * (24, 16 or 15). [MS-RDPBCGR] 2.2.1.3.2 supportedColorDepths / highColorDepth.
     */
    static int colorDepthFor(ClientCoreData core) {
        int supported = core.supportedColorDepths().orElse(0);
        if ((supported & ClientCoreData.RNS_UD_32BPP_SUPPORT) != 0) {
            return 32;
        }
        int high = core.highColorDepth().orElse(16);
        return switch (high) {
            case 24 -> 24;
            case 15 -> 15;
            default -> 16;
        };
    }

    /** For {@link SessionInfo}: monitors of CS_MONITOR as exclusive rectangles. */
    static List<MonitorInfo> monitorsOf(ClientDataBlocks data) {
        List<MonitorInfo> out = new ArrayList<>();
        data.monitor().ifPresent(m -> {
            for (MonitorDef d : m.monitors()) {
                out.add(new MonitorInfo(new Rect(d.left(), d.top(), Math.max(0, d.right() - d.left() + 1),
                        Math.max(0, d.bottom() - d.top() + 1)), (d.flags() & MonitorDef.MONITOR_PRIMARY) != 0));
            }
        });
        return out;
    }
}
