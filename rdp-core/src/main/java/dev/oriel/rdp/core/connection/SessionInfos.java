package dev.oriel.rdp.core.connection;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.pdu.gcc.ClientCoreData;
import dev.oriel.rdp.core.pdu.gcc.ClientDataBlocks;
import dev.oriel.rdp.core.pdu.rdp.ClientInfoPdu;
import dev.oriel.rdp.core.pdu.rdp.ExtendedClientInfo;
import dev.oriel.rdp.core.pdu.x224.ConnectionRequestPdu;
import dev.oriel.rdp.core.pdu.x224.SecurityProtocol;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/** Builds the public {@link SessionInfo} from the PDUs of the connection sequence. */
final class SessionInfos {
    private SessionInfos() {
    }

    static SessionInfo of(long connectionId, InetSocketAddress remote, ConnectionRequestPdu request, int selectedProtocol,
            ClientDataBlocks data, ClientInfoPdu info, List<StaticChannel> channels, int colorDepth) {
        ClientCoreData core = data.core();
        DesktopSize requested = new DesktopSize(clamp(core.desktopWidth()), clamp(core.desktopHeight()));
        return new SessionInfo(connectionId, remote, request.cookie(), request.routingToken(),
                SecurityProtocol.describe(selectedProtocol), core.clientName(), core.clientBuild(), requested, colorDepth,
                core.keyboardLayout(), (int) core.keyboardType(), (int) core.keyboardSubType(),
                (int) core.keyboardFunctionKey(), Acceptor.monitorsOf(data),
                channels.stream().map(StaticChannel::name).toList(), info.userName(), info.domain(), info.password(),
                info.alternateShell(), info.workingDir(), info.flags(),
                info.extraInfo().map(ExtendedClientInfo::clientAddressText).filter(s -> !s.isEmpty()).or(Optional::empty));
    }

    /** Desktop sizes from the wire are 16-bit; keep them inside what {@link DesktopSize} accepts. */
    private static int clamp(int v) {
        return Math.max(1, Math.min(v, 32766));
    }
}
