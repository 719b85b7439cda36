package dev.oriel.rdp.core.channel.displaycontrol;

import java.util.List;

/** Receives the monitor layouts a client asks for (e.g. when its window is resized). Runs on the event loop. */
@FunctionalInterface
public interface DisplayControlListener {

    /** A validated layout: 1..max monitors, exactly one primary, sizes within [MS-RDPEDISP] 2.2.2.2.1 ranges. */
    void onMonitorLayout(List<DisplayMonitorLayout> monitors);
}
