package dev.oriel.rdp.core.channel.displaycontrol;

import dev.oriel.rdp.core.channel.dvc.DynamicChannelContext;
import dev.oriel.rdp.core.channel.dvc.DynamicChannelProcessor;
import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Display Control dynamic channel ([MS-RDPEDISP]): advertises the server's limits when the channel opens and
 * hands validated monitor layouts from the client to a {@link DisplayControlListener}.
 */
public final class DisplayControlServer implements DynamicChannelProcessor {
    private static final Logger log = LoggerFactory.getLogger(DisplayControlServer.class);
    public static final String CHANNEL_NAME = "Microsoft::Windows::RDS::DisplayControl";
    static final String NAME = "DisplayControlMonitorLayout";

    private final int maxNumMonitors;
    private final long maxMonitorAreaFactorA;
    private final long maxMonitorAreaFactorB;
    private final DisplayControlListener listener;
    private DynamicChannelContext context;

    public DisplayControlServer(int maxNumMonitors, long maxMonitorAreaFactorA, long maxMonitorAreaFactorB,
            DisplayControlListener listener) {
        this.maxNumMonitors = maxNumMonitors;
        this.maxMonitorAreaFactorA = maxMonitorAreaFactorA;
        this.maxMonitorAreaFactorB = maxMonitorAreaFactorB;
        this.listener = listener;
    }

    @Override
    public String name() {
        return CHANNEL_NAME;
    }

    /** Whether the client opened the channel (it does only when it can resize, e.g. xfreerdp /dynamic-resolution). */
    public boolean isOpen() {
        return context != null;
    }

    @Override
    public void onOpen(DynamicChannelContext ctx) {
        this.context = ctx;
        ctx.send(new DisplayControlPdu.Caps(maxNumMonitors, maxMonitorAreaFactorA, maxMonitorAreaFactorB));
    }

    @Override
    public void onData(ByteBuf message) {
        DisplayControlPdu pdu = DisplayControlPdu.decode(message);
        if (!(pdu instanceof DisplayControlPdu.MonitorLayout layout)) {
            throw DecodeException.unexpectedMessageType(DisplayControlPdu.NAME, DisplayControlPdu.DISPLAYCONTROL_PDU_TYPE_CAPS);
        }
        validate(layout.monitors());
        log.debug("Client requested monitor layout monitors={}", layout.monitors());
        listener.onMonitorLayout(layout.monitors());
    }

    private void validate(List<DisplayMonitorLayout> monitors) {
        if (monitors.isEmpty() || monitors.size() > maxNumMonitors) {
            throw DecodeException.invalidField(NAME, "NumMonitors", monitors.size() + " outside 1.." + maxNumMonitors);
        }
        long primaries = monitors.stream().filter(DisplayMonitorLayout::primary).count();
        if (primaries != 1) {
            throw DecodeException.invalidField(NAME, "Flags", primaries + " primary monitors");
        }
        for (DisplayMonitorLayout m : monitors) {
            // [MS-RDPEDISP] 2.2.2.2.1: width 200..8192 and even, height 200..8192.
            if (m.width() < 200 || m.width() > 8192 || m.width() % 2 != 0) {
                throw DecodeException.invalidField(NAME, "Width", "not an even value in 200..8192: " + m.width());
            }
            if (m.height() < 200 || m.height() > 8192) {
                throw DecodeException.invalidField(NAME, "Height", "not in 200..8192: " + m.height());
            }
        }
    }

    @Override
    public void onClose() {
        context = null;
    }
}
