package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * [MS-RDPBCGR] 2.2.1.11.1.1 Info Packet (TS_INFO_PACKET): the Client Info PDU's data after its basic security
 * header (SEC_INFO_PKT), which the caller reads and strips.
 *
 * <p>The five strings are sent with a mandatory terminator that their cb fields do not count; the records hold the
 * text without it. With INFO_UNICODE they are UTF-16LE, else single-byte ANSI. The password is a credential:
 * {@link #toString()} redacts it, and nothing may log it.
 */
public record ClientInfoPdu(long codePage, int flags, String domain, String userName, String password,
        String alternateShell, String workingDir, Optional<ExtendedClientInfo> extraInfo) implements Encodable {

    public static final String NAME = "ClientInfoPdu";
    static final int FIXED_PART_SIZE = 4 /* CodePage */ + 4 /* flags */ + 2 /* cbDomain */ + 2 /* cbUserName */
            + 2 /* cbPassword */ + 2 /* cbAlternateShell */ + 2 /* cbWorkingDir */;
    /** Upper bound of each cb field ([MS-RDPBCGR] 2.2.1.11.1.1: 512 bytes with LONG_CREDENTIALS). */
    static final int MAX_STRING_BYTES = 512;

    public static final int INFO_MOUSE = 0x0000_0001;
    public static final int INFO_DISABLECTRLALTDEL = 0x0000_0002;
    public static final int INFO_AUTOLOGON = 0x0000_0008;
    public static final int INFO_UNICODE = 0x0000_0010;
    public static final int INFO_MAXIMIZESHELL = 0x0000_0020;
    public static final int INFO_LOGONNOTIFY = 0x0000_0040;
    public static final int INFO_COMPRESSION = 0x0000_0080;
    public static final int INFO_ENABLEWINDOWSKEY = 0x0000_0100;
    public static final int INFO_REMOTECONSOLEAUDIO = 0x0000_2000;
    public static final int INFO_FORCE_ENCRYPTED_CS_PDU = 0x0000_4000;
    public static final int INFO_RAIL = 0x0000_8000;
    public static final int INFO_LOGONERRORS = 0x0001_0000;
    public static final int INFO_MOUSE_HAS_WHEEL = 0x0002_0000;
    public static final int INFO_PASSWORD_IS_SC_PIN = 0x0004_0000;
    public static final int INFO_NOAUDIOPLAYBACK = 0x0008_0000;
    public static final int INFO_USING_SAVED_CREDS = 0x0010_0000;
    public static final int INFO_AUDIOCAPTURE = 0x0020_0000;
    public static final int INFO_VIDEO_DISABLE = 0x0040_0000;
    public static final int INFO_HIDEF_RAIL_SUPPORTED = 0x0200_0000;

    public boolean unicode() {
        return (flags & INFO_UNICODE) != 0;
    }

    public static ClientInfoPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, FIXED_PART_SIZE, NAME);
        long codePage = src.readUnsignedIntLE();
        int flags = src.readIntLE();
        boolean unicode = (flags & INFO_UNICODE) != 0;
        int cbDomain = src.readUnsignedShortLE();
        int cbUser = src.readUnsignedShortLE();
        int cbPassword = src.readUnsignedShortLE();
        int cbShell = src.readUnsignedShortLE();
        int cbDir = src.readUnsignedShortLE();
        String domain = readTerminated(src, cbDomain, unicode, "cbDomain");
        String user = readTerminated(src, cbUser, unicode, "cbUserName");
        String password = readTerminated(src, cbPassword, unicode, "cbPassword");
        String shell = readTerminated(src, cbShell, unicode, "cbAlternateShell");
        String dir = readTerminated(src, cbDir, unicode, "cbWorkingDir");
        Optional<ExtendedClientInfo> extra = src.isReadable()
                ? Optional.of(ExtendedClientInfo.decode(src, unicode)) : Optional.empty();
        return new ClientInfoPdu(codePage, flags, domain, user, password, shell, dir, extra);
    }

    private static String readTerminated(ByteBuf src, int cb, boolean unicode, String field) {
        String s = InfoStrings.read(src, cb, MAX_STRING_BYTES, unicode, NAME, field);
        // The terminator is mandatory but not counted by cb; its value is not checked (clients are sloppy).
        Wire.ensureReadable(src, InfoStrings.unitSize(unicode), NAME);
        src.skipBytes(InfoStrings.unitSize(unicode));
        return s;
    }

    @Override
    public void encode(ByteBuf dst) {
        boolean u = unicode();
        dst.writeIntLE((int) codePage);
        dst.writeIntLE(flags);
        for (String s : new String[] {domain, userName, password, alternateShell, workingDir}) {
            dst.writeShortLE(InfoStrings.size(s, u));
        }
        for (String s : new String[] {domain, userName, password, alternateShell, workingDir}) {
            InfoStrings.write(dst, s, u);
            dst.writeZero(InfoStrings.unitSize(u));
        }
        extraInfo.ifPresent(e -> e.encode(dst, u));
    }

    @Override
    public int size() {
        boolean u = unicode();
        int size = FIXED_PART_SIZE;
        for (String s : new String[] {domain, userName, password, alternateShell, workingDir}) {
            size += InfoStrings.size(s, u) + InfoStrings.unitSize(u);
        }
        return size + extraInfo.map(e -> e.size(u)).orElse(0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return "ClientInfoPdu[codePage=" + codePage + ", flags=0x" + Integer.toHexString(flags) + ", domain=" + domain
                + ", userName=" + userName + ", password=<redacted>, alternateShell=" + alternateShell + ", workingDir="
                + workingDir + ", extraInfo=" + extraInfo + "]";
    }
}
