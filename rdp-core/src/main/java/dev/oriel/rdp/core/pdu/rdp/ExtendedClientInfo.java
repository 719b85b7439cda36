package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * [MS-RDPBCGR] 2.2.1.11.1.1.1 Extended Info Packet (TS_EXTENDED_INFO_PACKET). Everything after {@code clientDir} is
 * optional and cumulative, and modelled so that decode → encode is exact.
 *
 * <p>{@code clientAddress}, {@code clientDir} and {@code dynamicDstTimeZoneKeyName} hold exactly the characters on
 * the wire, terminator included (their cb fields count it); the {@code *Text} accessors strip it. Strings use the
 * Client Info PDU's character set.
 *
 * @param cbAutoReconnectCookie present when the length field was sent (0, or 28 with the cookie)
 */
public record ExtendedClientInfo(
        int clientAddressFamily,
        String clientAddress,
        String clientDir,
        Optional<TimeZoneInformation> clientTimeZone,
        OptionalLong clientSessionId,
        OptionalLong performanceFlags,
        OptionalInt cbAutoReconnectCookie,
        Optional<AutoReconnectCookie> autoReconnectCookie,
        OptionalInt reserved1,
        OptionalInt reserved2,
        Optional<String> dynamicDstTimeZoneKeyName,
        OptionalInt dynamicDaylightTimeDisabled) {

    public static final String NAME = "ExtendedClientInfo";
    public static final int AF_INET = 0x0002;
    public static final int AF_INET6 = 0x0017;
    static final int MAX_CLIENT_ADDRESS = 80;
    static final int MAX_CLIENT_DIR = 512;
    static final int MAX_DST_KEY_NAME = 254;

    public static final int PERF_DISABLE_WALLPAPER = 0x0000_0001;
    public static final int PERF_DISABLE_FULLWINDOWDRAG = 0x0000_0002;
    public static final int PERF_DISABLE_MENUANIMATIONS = 0x0000_0004;
    public static final int PERF_DISABLE_THEMING = 0x0000_0008;
    public static final int PERF_DISABLE_CURSOR_SHADOW = 0x0000_0020;
    public static final int PERF_DISABLE_CURSORSETTINGS = 0x0000_0040;
    public static final int PERF_ENABLE_FONT_SMOOTHING = 0x0000_0080;
    public static final int PERF_ENABLE_DESKTOP_COMPOSITION = 0x0000_0100;

    public ExtendedClientInfo {
        if (autoReconnectCookie.isPresent() && cbAutoReconnectCookie.orElse(0) != AutoReconnectCookie.SIZE) {
            throw new IllegalArgumentException("cookie present needs cbAutoReconnectCookie 28");
        }
    }

    public String clientAddressText() {
        return Wire.stripNul(clientAddress);
    }

    public String clientDirText() {
        return Wire.stripNul(clientDir);
    }

    static ExtendedClientInfo decode(ByteBuf src, boolean unicode) {
        Wire.ensureReadable(src, 4, NAME);
        int family = src.readUnsignedShortLE();
        int cbAddress = src.readUnsignedShortLE();
        String address = InfoStrings.read(src, cbAddress, MAX_CLIENT_ADDRESS, unicode, NAME, "cbClientAddress");
        Wire.ensureReadable(src, 2, NAME);
        int cbDir = src.readUnsignedShortLE();
        String dir = InfoStrings.read(src, cbDir, MAX_CLIENT_DIR, unicode, NAME, "cbClientDir");

        Optional<TimeZoneInformation> tz = Optional.empty();
        OptionalLong sessionId = OptionalLong.empty();
        OptionalLong perf = OptionalLong.empty();
        OptionalInt cbCookie = OptionalInt.empty();
        Optional<AutoReconnectCookie> cookie = Optional.empty();
        OptionalInt r1 = OptionalInt.empty();
        OptionalInt r2 = OptionalInt.empty();
        Optional<String> dst = Optional.empty();
        OptionalInt dstDisabled = OptionalInt.empty();
        if (src.isReadable()) {
            tz = Optional.of(TimeZoneInformation.decode(src));
        }
        if (src.isReadable()) {
            Wire.ensureReadable(src, 4, NAME);
            sessionId = OptionalLong.of(src.readUnsignedIntLE());
        }
        if (src.isReadable()) {
            Wire.ensureReadable(src, 4, NAME);
            perf = OptionalLong.of(src.readUnsignedIntLE());
        }
        if (src.isReadable()) {
            Wire.ensureReadable(src, 2, NAME);
            int cb = src.readUnsignedShortLE();
            cbCookie = OptionalInt.of(cb);
            if (cb == AutoReconnectCookie.SIZE) {
                cookie = Optional.of(AutoReconnectCookie.decode(src));
            } else if (cb != 0) {
                throw DecodeException.invalidField(NAME, "cbAutoReconnectCookie", "must be 0 or 28, was " + cb);
            }
        }
        if (src.isReadable()) {
            Wire.ensureReadable(src, 2, NAME);
            r1 = OptionalInt.of(src.readUnsignedShortLE());
        }
        if (src.isReadable()) {
            Wire.ensureReadable(src, 2, NAME);
            r2 = OptionalInt.of(src.readUnsignedShortLE());
        }
        if (src.isReadable()) {
            Wire.ensureReadable(src, 2, NAME);
            int cb = src.readUnsignedShortLE();
            dst = Optional.of(InfoStrings.read(src, cb, MAX_DST_KEY_NAME, unicode, NAME, "cbDynamicDSTTimeZoneKeyName"));
        }
        if (src.isReadable()) {
            Wire.ensureReadable(src, 2, NAME);
            dstDisabled = OptionalInt.of(src.readUnsignedShortLE());
        }
        return new ExtendedClientInfo(family, address, dir, tz, sessionId, perf, cbCookie, cookie, r1, r2, dst,
                dstDisabled);
    }

    /** Optional fields in wire order, to write the present prefix. */
    private boolean[] presence() {
        return new boolean[] {clientTimeZone.isPresent(), clientSessionId.isPresent(), performanceFlags.isPresent(),
            cbAutoReconnectCookie.isPresent(), reserved1.isPresent(), reserved2.isPresent(),
            dynamicDstTimeZoneKeyName.isPresent(), dynamicDaylightTimeDisabled.isPresent()};
    }

    private int presentCount() {
        boolean[] p = presence();
        int n = 0;
        while (n < p.length && p[n]) {
            n++;
        }
        return n;
    }

    void encode(ByteBuf dst, boolean unicode) {
        dst.writeShortLE(clientAddressFamily);
        dst.writeShortLE(InfoStrings.size(clientAddress, unicode));
        InfoStrings.write(dst, clientAddress, unicode);
        dst.writeShortLE(InfoStrings.size(clientDir, unicode));
        InfoStrings.write(dst, clientDir, unicode);
        int n = presentCount();
        if (n > 0) {
            clientTimeZone.orElseThrow().encode(dst);
        }
        if (n > 1) {
            dst.writeIntLE((int) clientSessionId.getAsLong());
        }
        if (n > 2) {
            dst.writeIntLE((int) performanceFlags.getAsLong());
        }
        if (n > 3) {
            dst.writeShortLE(cbAutoReconnectCookie.getAsInt());
            autoReconnectCookie.ifPresent(c -> c.encode(dst));
        }
        if (n > 4) {
            dst.writeShortLE(reserved1.getAsInt());
        }
        if (n > 5) {
            dst.writeShortLE(reserved2.getAsInt());
        }
        if (n > 6) {
            String key = dynamicDstTimeZoneKeyName.orElseThrow();
            dst.writeShortLE(InfoStrings.size(key, unicode));
            InfoStrings.write(dst, key, unicode);
        }
        if (n > 7) {
            dst.writeShortLE(dynamicDaylightTimeDisabled.getAsInt());
        }
    }

    int size(boolean unicode) {
        int size = 2 + 2 + InfoStrings.size(clientAddress, unicode) + 2 + InfoStrings.size(clientDir, unicode);
        int n = presentCount();
        int[] sizes = {TimeZoneInformation.SIZE, 4, 4, 2, 2, 2, 2, 2};
        for (int i = 0; i < n; i++) {
            size += sizes[i];
        }
        if (n > 3 && autoReconnectCookie.isPresent()) {
            size += AutoReconnectCookie.SIZE;
        }
        if (n > 6) {
            size += InfoStrings.size(dynamicDstTimeZoneKeyName.orElseThrow(), unicode);
        }
        return size;
    }

    @Override
    public String toString() {
        return "ExtendedClientInfo[clientAddressFamily=" + clientAddressFamily + ", clientAddress=" + clientAddressText()
                + ", clientDir=" + clientDirText() + ", clientTimeZone=" + clientTimeZone.map(TimeZoneInformation::standardNameText)
                + ", clientSessionId=" + clientSessionId + ", performanceFlags=" + performanceFlags
                + ", autoReconnectCookie=" + (autoReconnectCookie.isPresent() ? "<redacted>" : "none") + "]";
    }
}
