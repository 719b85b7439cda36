package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * [MS-RDPBCGR] 2.2.1.11.1.1.1 Time Zone Information (TS_TIME_ZONE_INFORMATION), 172 bytes. The 64-byte name fields
 * are kept raw (clients leave bytes after the terminator).
 */
public record TimeZoneInformation(int bias, Bytes standardName, SystemTime standardDate, int standardBias,
        Bytes daylightName, SystemTime daylightDate, int daylightBias) implements Encodable {
    public static final String NAME = "TimeZoneInformation";
    public static final int SIZE = 4 /* Bias */ + 64 /* StandardName */ + SystemTime.SIZE /* StandardDate */
            + 4 /* StandardBias */ + 64 /* DaylightName */ + SystemTime.SIZE /* DaylightDate */ + 4 /* DaylightBias */;

    public TimeZoneInformation {
        if (standardName.length() != 64 || daylightName.length() != 64) {
            throw new IllegalArgumentException("time zone names are 64-byte fields");
        }
    }

    public static TimeZoneInformation decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        return new TimeZoneInformation(src.readIntLE(), Bytes.read(src, 64), SystemTime.decode(src), src.readIntLE(),
                Bytes.read(src, 64), SystemTime.decode(src), src.readIntLE());
    }

    /** The standard-time zone name as text. */
    public String standardNameText() {
        return Wire.stripNul(new String(standardName.toArray(), StandardCharsets.UTF_16LE));
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeIntLE(bias);
        standardName.writeTo(dst);
        standardDate.encode(dst);
        dst.writeIntLE(standardBias);
        daylightName.writeTo(dst);
        daylightDate.encode(dst);
        dst.writeIntLE(daylightBias);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
