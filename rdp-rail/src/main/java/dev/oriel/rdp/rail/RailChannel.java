package dev.oriel.rdp.rail;

import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.channel.svc.StaticChannelContext;
import dev.oriel.rdp.core.channel.svc.StaticChannelProcessor;
import dev.oriel.rdp.core.connection.ClientCapabilities;
import dev.oriel.rdp.core.error.SequenceException;
import dev.oriel.rdp.core.pdu.capability.RemoteProgramsCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.WindowListCapabilitySet;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.rail.pdu.Activate;
import dev.oriel.rdp.rail.pdu.CaretBlinkInfo;
import dev.oriel.rdp.rail.pdu.ClientStatus;
import dev.oriel.rdp.rail.pdu.Cloak;
import dev.oriel.rdp.rail.pdu.CompartmentInfo;
import dev.oriel.rdp.rail.pdu.Exec;
import dev.oriel.rdp.rail.pdu.ExecResult;
import dev.oriel.rdp.rail.pdu.GetAppIdRequest;
import dev.oriel.rdp.rail.pdu.GetAppIdResponse;
import dev.oriel.rdp.rail.pdu.GetAppIdResponseEx;
import dev.oriel.rdp.rail.pdu.Handshake;
import dev.oriel.rdp.rail.pdu.HandshakeEx;
import dev.oriel.rdp.rail.pdu.LangBarInfo;
import dev.oriel.rdp.rail.pdu.LanguageImeInfo;
import dev.oriel.rdp.rail.pdu.NotifyEvent;
import dev.oriel.rdp.rail.pdu.RailPdu;
import dev.oriel.rdp.rail.pdu.SnapArrange;
import dev.oriel.rdp.rail.pdu.SysCommand;
import dev.oriel.rdp.rail.pdu.SysMenu;
import dev.oriel.rdp.rail.pdu.SysParam;
import dev.oriel.rdp.rail.pdu.TextScaleInfo;
import dev.oriel.rdp.rail.pdu.WindowMove;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the {@code rail} static channel for one connection ([MS-RDPERP] 3.3): the handshake, the
 * client's status and system parameters, Client Execute checked against the published applications, and the
 * client's window requests, which go to the session's {@link RemoteAppDesktop}. Sans I/O beyond the
 * {@link StaticChannelContext}; confined to the connection's event loop.
 *
 * <p>Sequence ([MS-RDPERP] 1.3.2.1): once the connection is active the server sends Handshake (HandshakeEx when
 * the client's Remote Programs capability allows it, P-RAIL-8); the client answers with Handshake, Client Status,
 * one System Parameters PDU per parameter and Client Execute. Window orders start after the client's Handshake.
 */
public final class RailChannel implements StaticChannelProcessor {
    private static final Logger log = LoggerFactory.getLogger(RailChannel.class);
    public static final String CHANNEL_NAME = "rail";
    static final String NAME = "RailChannel";
    /** The build number the server reports in its Handshake; clients only log it. */
    static final long SERVER_BUILD = 0x1DB0;
    /**
     * HandshakeEx flags: extended system parameters and snap arrange are handled. HiDef (per-window graphics
     * surfaces) is added for clients that asked for it ({@link #hiDef()}).
     */
    static final long HANDSHAKE_EX_FLAGS = HandshakeEx.TS_RAIL_ORDER_HANDSHAKE_EX_FLAGS_EXTENDED_SPI_SUPPORTED
            | HandshakeEx.TS_RAIL_ORDER_HANDSHAKE_EX_FLAGS_SNAP_ARRANGE_SUPPORTED;

    private final SessionInfo info;
    private final List<PublishedApp> apps;
    private final boolean hiDef;
    private StaticChannelContext context;
    private RemoteAppDesktop desktop;
    private boolean clientHandshake;
    private long clientStatus;
    private int iconCaches;
    private int iconCacheEntries;

    RailChannel(SessionInfo info, List<PublishedApp> apps) {
        this(info, apps, true);
    }

    /** @param hiDef whether the server gives windows surfaces of their own when the client asks for it */
    RailChannel(SessionInfo info, List<PublishedApp> apps, boolean hiDef) {
        this.info = info;
        this.apps = List.copyOf(apps);
        this.hiDef = hiDef && (info.infoFlags() & SessionInfo.INFO_HIDEF_RAIL_SUPPORTED) != 0;
    }

    @Override
    public String name() {
        return CHANNEL_NAME;
    }

    /** Connects the session's window model; done by {@link RemoteAppDesktop#onStart}. */
    void attach(RemoteAppDesktop desktop) {
        this.desktop = desktop;
    }

    @Override
    public void start(StaticChannelContext context) {
        this.context = context;
        ClientCapabilities caps = context.clientCapabilities();
        long level = caps.find(RemoteProgramsCapabilitySet.class).map(RemoteProgramsCapabilitySet::railSupportLevel)
                .orElse(0L);
        WindowListCapabilitySet window = caps.find(WindowListCapabilitySet.class).orElse(null);
        iconCaches = window == null ? 0 : window.numIconCaches().orElse(0);
        iconCacheEntries = window == null ? 0 : window.numIconCacheEntries().orElse(0);
        if ((level & RemoteProgramsCapabilitySet.RAIL_LEVEL_HANDSHAKE_EX_SUPPORTED) != 0) {
            // [MS-RDPERP] 2.2.2.2.3: HIDEF tells the client that window pixels come on surfaces of their own.
            context.send(new HandshakeEx(SERVER_BUILD, HANDSHAKE_EX_FLAGS
                    | (hiDef ? HandshakeEx.TS_RAIL_ORDER_HANDSHAKEEX_FLAGS_HIDEF : 0)));
        } else {
            context.send(new Handshake(SERVER_BUILD));
        }
        log.debug("RAIL started connection={} railSupportLevel=0x{} iconCaches={}x{}", info.connectionId(),
                Long.toHexString(level), iconCaches, iconCacheEntries);
    }

    @Override
    public void process(ByteBuf message) {
        // One PDU per channel message is what clients send; several back to back are accepted too.
        do {
            onPdu(RailPdu.decode(message));
        } while (message.isReadable());
    }

    private void onPdu(RailPdu pdu) {
        log.trace("RAIL received connection={} pdu={}", info.connectionId(), pdu);
        if (pdu instanceof Handshake h) {
            onClientHandshake(h);
        } else if (pdu instanceof ClientStatus s) {
            clientStatus = s.flags();
        } else if (pdu instanceof SysParam p) {
            onSysParam(p);
        } else if (pdu instanceof Exec e) {
            onExec(e);
        } else if (pdu instanceof Activate a) {
            withDesktop(d -> d.clientActivate(a.windowId(), a.enabled()));
        } else if (pdu instanceof SysCommand c) {
            withDesktop(d -> d.clientSysCommand(c.windowId(), c.command()));
        } else if (pdu instanceof SysMenu m) {
            withDesktop(d -> d.clientSysMenu(m.windowId(), m.left(), m.top()));
        } else if (pdu instanceof NotifyEvent n) {
            withDesktop(d -> d.clientNotifyEvent(n.windowId(), n.notifyIconId(), n.message()));
        } else if (pdu instanceof WindowMove m) {
            withDesktop(d -> d.clientWindowMove(m.windowId(), m.rect(), false));
        } else if (pdu instanceof SnapArrange s) {
            withDesktop(d -> d.clientWindowMove(s.windowId(), s.rect(), true));
        } else if (pdu instanceof GetAppIdRequest r) {
            onGetAppId(r);
        } else if (pdu instanceof Cloak c) {
            withDesktop(d -> d.clientCloak(c.windowId(), c.cloaked()));
        } else if (pdu instanceof LangBarInfo || pdu instanceof LanguageImeInfo || pdu instanceof CompartmentInfo
                || pdu instanceof TextScaleInfo || pdu instanceof CaretBlinkInfo) {
            // Language bar, IME, text scale and caret blink: nothing in Oriel draws text input UI yet.
            log.debug("RAIL client setting connection={} pdu={}", info.connectionId(), pdu);
        } else {
            throw SequenceException.unexpected(NAME, pdu.name() + " (a server-to-client PDU)");
        }
    }

    private void onClientHandshake(Handshake h) {
        if (clientHandshake) {
            log.debug("RAIL repeated client handshake connection={}", info.connectionId());
            return;
        }
        clientHandshake = true;
        log.debug("RAIL client handshake connection={} build={}", info.connectionId(), h.buildNumber());
        withDesktop(RemoteAppDesktop::railReady);
    }

    private void onSysParam(SysParam p) {
        if (p.systemParam() == SysParam.SPI_SET_WORK_AREA && p.value() instanceof SysParam.Value.Rectangle r) {
            withDesktop(d -> d.clientWorkArea(r.left(), r.top(), r.right(), r.bottom()));
        } else {
            log.debug("RAIL system parameter connection={} param=0x{} value={}", info.connectionId(),
                    Long.toHexString(p.systemParam()), p.value());
        }
    }

    /**
     * Client Execute is a security boundary: only published applications start, and the client's strings are never
     * run. Anything else gets RAIL_EXEC_E_NOT_IN_ALLOWLIST, on which xfreerdp disconnects (P-RAIL-3).
     */
    private void onExec(Exec e) {
        Optional<PublishedApp> app = apps.stream().filter(a -> a.matches(e.exeOrFile())).findFirst();
        if (app.isEmpty() || desktop == null) {
            log.warn("RAIL exec refused connection={} program=\"{}\" reason={}", info.connectionId(),
                    printable(e.exeOrFile()), app.isEmpty() ? "not published" : "no RemoteAppDesktop in this session");
            context.send(new ExecResult(e.flags(), ExecResult.RAIL_EXEC_E_NOT_IN_ALLOWLIST, 0,
                    e.exeOrFile().isEmpty() ? "?" : e.exeOrFile()));
            return;
        }
        log.info("RAIL exec connection={} app={} arguments={}", info.connectionId(), app.get().alias(),
                e.arguments().length());
        context.send(new ExecResult(e.flags(), ExecResult.RAIL_EXEC_S_OK, 0, e.exeOrFile()));
        desktop.launch(app.get(), new LaunchRequest(e.exeOrFile(), e.arguments(), e.workingDir()));
    }

    private void onGetAppId(GetAppIdRequest r) {
        String appId = desktop == null ? "" : desktop.appIdOf(r.windowId());
        if ((clientStatus & ClientStatus.TS_RAIL_CLIENTSTATUS_GET_APPID_RESPONSE_EX_SUPPORTED) != 0) {
            context.send(new GetAppIdResponseEx(r.windowId(), appId, 0, appId));
        } else {
            context.send(new GetAppIdResponse(r.windowId(), appId));
        }
    }

    private void withDesktop(java.util.function.Consumer<RemoteAppDesktop> action) {
        if (desktop == null) {
            log.debug("RAIL event without a RemoteAppDesktop connection={}", info.connectionId());
            return;
        }
        action.accept(desktop);
    }

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    // ---- used by the desktop, on the event loop ------------------------------------------------------------

    boolean started() {
        return context != null;
    }

    boolean clientHandshakeDone() {
        return clientHandshake;
    }

    /** Whether the client moves and resizes windows itself when asked ([MS-RDPERP] 2.2.2.2.2 ALLOWLOCALMOVESIZE). */
    boolean localMoveSizeAllowed() {
        return (clientStatus & ClientStatus.TS_RAIL_CLIENTSTATUS_ALLOWLOCALMOVESIZE) != 0;
    }

    /** Whether the client announced {@code flag} (a TS_RAIL_CLIENTSTATUS_* bit) in its Client Status. */
    boolean clientSupports(long flag) {
        return (clientStatus & flag) != 0;
    }

    /** Whether the client accepts icons larger than 32×32 ([MS-RDPERP] 2.2.2.2.2 HIGH_DPI_ICONS_SUPPORTED). */
    /**
     * HiDef RemoteApp: the client said INFO_HIDEF_RAIL_SUPPORTED ([MS-RDPBCGR] 2.2.1.11.1.1) and the server allows
     * it, so once the graphics pipeline is up each window is drawn on a surface of its own ([MS-RDPEGFX] 2.2.2.23).
     */
    boolean hiDef() {
        return hiDef;
    }

    boolean highDpiIcons() {
        return (clientStatus & ClientStatus.TS_RAIL_CLIENTSTATUS_HIGH_DPI_ICONS_SUPPORTED) != 0;
    }

    void send(RailPdu pdu) {
        context.send(pdu);
    }

    void sendOrders(List<? extends Encodable> orders) {
        context.sendOrders(orders);
    }

    java.util.concurrent.Executor executor() {
        return context.executor();
    }

    @Override
    public void close() {
        if (desktop != null) {
            desktop.railClosed();
        }
    }
}
