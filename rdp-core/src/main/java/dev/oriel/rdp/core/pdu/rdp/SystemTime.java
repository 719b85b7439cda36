package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.11.1.1.1.1 System Time (TS_SYSTEMTIME): eight 16-bit fields. */
public record SystemTime(int year, int month, int dayOfWeek, int day, int hour, int minute, int second,
        int milliseconds) implements Encodable {
    public static final int SIZE = 16;

    static SystemTime decode(ByteBuf src) {
        return new SystemTime(src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedShortLE(),
                src.readUnsignedShortLE(), src.readUnsignedShortLE(), src.readUnsignedShortLE(),
                src.readUnsignedShortLE(), src.readUnsignedShortLE());
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeShortLE(year);
        dst.writeShortLE(month);
        dst.writeShortLE(dayOfWeek);
        dst.writeShortLE(day);
        dst.writeShortLE(hour);
        dst.writeShortLE(minute);
        dst.writeShortLE(second);
        dst.writeShortLE(milliseconds);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String name() {
        return "SystemTime";
    }
}
