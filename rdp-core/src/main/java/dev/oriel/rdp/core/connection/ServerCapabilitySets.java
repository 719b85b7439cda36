package dev.oriel.rdp.core.connection;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.pdu.capability.BitmapCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.BitmapCodecsCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.pdu.capability.FontCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.GeneralCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.InputCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.LargePointerCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.MultifragmentUpdateCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.OrderCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.PointerCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.ShareCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.SurfaceCommandsCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.VirtualChannelCapabilitySet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The capability sets the server puts in Demand Active ([MS-RDPBCGR] 2.2.1.13.1.1): the core sets plus whatever
 * feature modules contribute for a session (RAIL adds Remote Programs and Window List).
 */
public final class ServerCapabilitySets {
    /**
     * MaxRequestSize the server advertises. A FreeRDP client raises its own limit to the server's value
     * ([MS-RDPBCGR] 2.2.7.2.6), so this bounds the largest reassembled update Oriel can send.
     */
    public static final int MULTIFRAGMENT_MAX_REQUEST_SIZE = 256 * 1024;

    private final List<Function<SessionInfo, List<CapabilitySet>>> contributors;

    public ServerCapabilitySets(List<Function<SessionInfo, List<CapabilitySet>>> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    public static ServerCapabilitySets core() {
        return new ServerCapabilitySets(List.of());
    }

    /**
     * Surface bits with RemoteFX for clients without the graphics pipeline ([MS-RDPBCGR] 2.2.7.2.9, 2.2.7.2.10):
     * a contributor for servers that allow RemoteFX. Clients such as FreeRDP confirm these sets only when the server
     * sent them.
     */
    public static List<CapabilitySet> remoteFxSurfaceBits(SessionInfo info) {
        return List.of(new SurfaceCommandsCapabilitySet(SurfaceCommandsCapabilitySet.SURFCMDS_SET_SURFACE_BITS
                | SurfaceCommandsCapabilitySet.SURFCMDS_STREAM_SURFACE_BITS, 0),
                BitmapCodecsCapabilitySet.serverRemoteFx());
    }

    public List<CapabilitySet> forSession(DesktopSize size, int colorDepth, SessionInfo info) {
        List<CapabilitySet> sets = new ArrayList<>(List.of(
                GeneralCapabilitySet.server(),
                BitmapCapabilitySet.server(colorDepth, size.width(), size.height()),
                OrderCapabilitySet.server(),
                PointerCapabilitySet.server(),
                InputCapabilitySet.server(),
                VirtualChannelCapabilitySet.server(),
                new ShareCapabilitySet(Acceptor.SERVER_CHANNEL_ID),
                new FontCapabilitySet(FontCapabilitySet.FONTSUPPORT_FONTLIST),
                new MultifragmentUpdateCapabilitySet(MULTIFRAGMENT_MAX_REQUEST_SIZE),
                new LargePointerCapabilitySet(LargePointerCapabilitySet.LARGE_POINTER_FLAG_96x96
                        | LargePointerCapabilitySet.LARGE_POINTER_FLAG_384x384)));
        for (Function<SessionInfo, List<CapabilitySet>> c : contributors) {
            sets.addAll(c.apply(info));
        }
        return sets;
    }
}
