package dev.oriel.rdp.core.api;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * What the server knows about a connecting client once it has sent its Client Info PDU: the basis of the
 * admission decision ({@link SessionAdmission}) and of per-connection channel setup.
 *
 * @param connectionId       unique per server instance, for logs
 * @param remoteAddress      the client's TCP address
 * @param cookie             the {@code mstshash} cookie of the X.224 request (usually the user name)
 * @param routingToken       a load-balancer routing token from the X.224 request
 * @param securityProtocol   the negotiated protocol, e.g. {@code "SSL"}
 * @param clientName         the client's computer name (CS_CORE clientName)
 * @param clientBuild        the client's build number
 * @param requestedSize      the desktop size the client asked for
 * @param colorDepth         the colour depth the session will use (32, 24, 16 or 15)
 * @param keyboardLayout     the client's keyboard layout (input locale identifier, e.g. 0x409)
 * @param keyboardType       the keyboard type (4 = IBM enhanced 101/102)
 * @param keyboardSubType    the OEM keyboard subtype
 * @param keyboardFunctionKeys the number of function keys
 * @param monitors           the client's monitors (empty when it sent none)
 * @param staticChannels     names of the static channels the client declared
 * @param userName           user name from the Client Info PDU
 * @param domain             domain from the Client Info PDU
 * @param password           password from the Client Info PDU (TLS security sends it here); never logged
 * @param alternateShell     the program the client asked to start instead of a shell (RemoteApp clients put their request elsewhere)
 * @param workingDirectory   working directory for {@code alternateShell}
 * @param infoFlags          raw INFO_* flags of the Client Info PDU
 * @param clientAddress      the client's own idea of its address, if it sent one
 */
public record SessionInfo(
        long connectionId,
        InetSocketAddress remoteAddress,
        Optional<String> cookie,
        Optional<String> routingToken,
        String securityProtocol,
        String clientName,
        long clientBuild,
        DesktopSize requestedSize,
        int colorDepth,
        long keyboardLayout,
        int keyboardType,
        int keyboardSubType,
        int keyboardFunctionKeys,
        List<MonitorInfo> monitors,
        List<String> staticChannels,
        String userName,
        String domain,
        String password,
        String alternateShell,
        String workingDirectory,
        int infoFlags,
        Optional<String> clientAddress) {

    /** INFO_RAIL: the client wants RemoteApp mode ([MS-RDPBCGR] 2.2.1.11.1.1). */
    public static final int INFO_RAIL = 0x0000_8000;
    /** INFO_HIDEF_RAIL_SUPPORTED: the client can draw per-window graphics surfaces. */
    public static final int INFO_HIDEF_RAIL_SUPPORTED = 0x0200_0000;

    public SessionInfo {
        monitors = List.copyOf(monitors);
        staticChannels = List.copyOf(staticChannels);
    }

    /** Whether the client asked for RemoteApp (RAIL) mode. */
    public boolean remoteApp() {
        return (infoFlags & INFO_RAIL) != 0;
    }

    /** Whether the client declared the static channel {@code name}. */
    public boolean hasStaticChannel(String name) {
        return staticChannels.contains(name);
    }

    @Override
    public String toString() {
        return "SessionInfo[id=" + connectionId + ", remote=" + remoteAddress + ", client=" + clientName + " build "
                + clientBuild + ", user=" + (domain.isEmpty() ? "" : domain + "\\") + userName + ", size=" + requestedSize
                + ", bpp=" + colorDepth + ", keyboard=0x" + Long.toHexString(keyboardLayout) + ", channels="
                + staticChannels + ", remoteApp=" + remoteApp() + "]";
    }
}
