package dev.oriel.rdp.core.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Caps on everything a client declares, checked before any buffering or allocation. Part of the server
 * configuration; never global.
 *
 * @param maxFrameLength        largest TPKT or fast-path frame accepted (TPKT allows 65 535, fast-path 32 767)
 * @param maxStaticChannels     static channels a client may declare in CS_NET (the protocol allows 31)
 * @param maxMonitors           monitors a client may declare in CS_MONITOR / CS_MONITOR_EX (the protocol allows 16)
 * @param maxCapabilitySets     capability sets accepted in Confirm Active
 * @param maxDesktopWidth       largest desktop width granted; larger requests are clamped
 * @param maxDesktopHeight      largest desktop height granted; larger requests are clamped
 * @param maxSvcMessageLength   largest reassembled static virtual channel message (default 64 MiB, what a clipboard
 *                              transfer may reach; memory follows the bytes actually received, and a longer message
 *                              is skipped whole, see {@code StaticChannelProcessor.messageDropped})
 * @param maxDvcMessageLength   largest reassembled dynamic virtual channel message
 * @param maxOpenDvcs           dynamic channels open at once on one connection
 * @param handshakeTimeout      time from TCP accept to the active state after which a stalled client is dropped
 */
public record Limits(
        int maxFrameLength,
        int maxStaticChannels,
        int maxMonitors,
        int maxCapabilitySets,
        int maxDesktopWidth,
        int maxDesktopHeight,
        int maxSvcMessageLength,
        int maxDvcMessageLength,
        int maxOpenDvcs,
        Duration handshakeTimeout) {

    /** Protocol maximum for a TPKT frame (16-bit length). */
    public static final int TPKT_MAX = 0xFFFF;
    /** Protocol maximum for a fast-path frame (15-bit length). */
    public static final int FASTPATH_MAX = 0x7FFF;

    public Limits {
        requireRange(maxFrameLength, 64, TPKT_MAX, "maxFrameLength");
        requireRange(maxStaticChannels, 0, 31, "maxStaticChannels");
        requireRange(maxMonitors, 1, 16, "maxMonitors");
        requireRange(maxCapabilitySets, 1, 1024, "maxCapabilitySets");
        requireRange(maxDesktopWidth, 200, 32766, "maxDesktopWidth");
        requireRange(maxDesktopHeight, 200, 32766, "maxDesktopHeight");
        requireRange(maxSvcMessageLength, 1600, Integer.MAX_VALUE, "maxSvcMessageLength");
        requireRange(maxDvcMessageLength, 1600, Integer.MAX_VALUE, "maxDvcMessageLength");
        requireRange(maxOpenDvcs, 0, 65535, "maxOpenDvcs");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive");
        }
    }

    /** Defaults suitable for production: protocol maxima for frames, 16 MiB channel messages, 30 s handshake. */
    public static Limits defaults() {
        return new Limits(TPKT_MAX, 31, 16, 64, 8192, 8192, 64 << 20, 16 << 20, 64, Duration.ofSeconds(30));
    }

    public Limits withMaxFrameLength(int v) {
        return new Limits(v, maxStaticChannels, maxMonitors, maxCapabilitySets, maxDesktopWidth, maxDesktopHeight,
                maxSvcMessageLength, maxDvcMessageLength, maxOpenDvcs, handshakeTimeout);
    }

    public Limits withMaxStaticChannels(int v) {
        return new Limits(maxFrameLength, v, maxMonitors, maxCapabilitySets, maxDesktopWidth, maxDesktopHeight,
                maxSvcMessageLength, maxDvcMessageLength, maxOpenDvcs, handshakeTimeout);
    }

    public Limits withMaxMonitors(int v) {
        return new Limits(maxFrameLength, maxStaticChannels, v, maxCapabilitySets, maxDesktopWidth, maxDesktopHeight,
                maxSvcMessageLength, maxDvcMessageLength, maxOpenDvcs, handshakeTimeout);
    }

    public Limits withMaxCapabilitySets(int v) {
        return new Limits(maxFrameLength, maxStaticChannels, maxMonitors, v, maxDesktopWidth, maxDesktopHeight,
                maxSvcMessageLength, maxDvcMessageLength, maxOpenDvcs, handshakeTimeout);
    }

    public Limits withMaxDesktopSize(int width, int height) {
        return new Limits(maxFrameLength, maxStaticChannels, maxMonitors, maxCapabilitySets, width, height,
                maxSvcMessageLength, maxDvcMessageLength, maxOpenDvcs, handshakeTimeout);
    }

    public Limits withMaxSvcMessageLength(int v) {
        return new Limits(maxFrameLength, maxStaticChannels, maxMonitors, maxCapabilitySets, maxDesktopWidth,
                maxDesktopHeight, v, maxDvcMessageLength, maxOpenDvcs, handshakeTimeout);
    }

    public Limits withMaxDvcMessageLength(int v) {
        return new Limits(maxFrameLength, maxStaticChannels, maxMonitors, maxCapabilitySets, maxDesktopWidth,
                maxDesktopHeight, maxSvcMessageLength, v, maxOpenDvcs, handshakeTimeout);
    }

    public Limits withMaxOpenDvcs(int v) {
        return new Limits(maxFrameLength, maxStaticChannels, maxMonitors, maxCapabilitySets, maxDesktopWidth,
                maxDesktopHeight, maxSvcMessageLength, maxDvcMessageLength, v, handshakeTimeout);
    }

    public Limits withHandshakeTimeout(Duration v) {
        return new Limits(maxFrameLength, maxStaticChannels, maxMonitors, maxCapabilitySets, maxDesktopWidth,
                maxDesktopHeight, maxSvcMessageLength, maxDvcMessageLength, maxOpenDvcs, v);
    }

    private static void requireRange(long v, long min, long max, String name) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + v);
        }
    }
}
