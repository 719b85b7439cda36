package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.3.4.1 Channel Definition Structure (CHANNEL_DEF): an 8-byte NUL-padded ASCII name of at most
 * 7 characters and the channel options.
 */
public record ChannelDef(String channelName, int options) implements Encodable {
    public static final String NAME = "ChannelDef";
    public static final int SIZE = 8 /* name */ + 4 /* options */;

    public static final int CHANNEL_OPTION_INITIALIZED = 0x8000_0000;
    public static final int CHANNEL_OPTION_ENCRYPT_RDP = 0x4000_0000;
    public static final int CHANNEL_OPTION_ENCRYPT_SC = 0x2000_0000;
    public static final int CHANNEL_OPTION_ENCRYPT_CS = 0x1000_0000;
    public static final int CHANNEL_OPTION_PRI_HIGH = 0x0800_0000;
    public static final int CHANNEL_OPTION_PRI_MED = 0x0400_0000;
    public static final int CHANNEL_OPTION_PRI_LOW = 0x0200_0000;
    public static final int CHANNEL_OPTION_COMPRESS_RDP = 0x0080_0000;
    public static final int CHANNEL_OPTION_COMPRESS = 0x0040_0000;
    public static final int CHANNEL_OPTION_SHOW_PROTOCOL = 0x0020_0000;
    public static final int REMOTE_CONTROL_PERSISTENT = 0x0010_0000;

    public ChannelDef {
        if (channelName.isEmpty() || channelName.length() > 7 || !channelName.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("channel name must be 1..7 printable ASCII characters: " + channelName);
        }
    }

    public static ChannelDef decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        String name = Wire.readFixedAscii(src, 8, NAME);
        int options = src.readIntLE();
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw DecodeException.invalidField(NAME, "name", "not printable ASCII: \"" + name + "\"");
        }
        return new ChannelDef(name, options);
    }

    @Override
    public void encode(ByteBuf dst) {
        Wire.writeFixedAscii(dst, channelName, 8, NAME, "name");
        dst.writeIntLE(options);
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
