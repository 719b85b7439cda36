package dev.oriel.rdp.core.api;

/**
 * One client monitor from CS_MONITOR, in desktop coordinates (exclusive edges).
 *
 * @param bounds  the monitor's area on the virtual desktop
 * @param primary whether this is the primary monitor
 */
public record MonitorInfo(Rect bounds, boolean primary) {
}
