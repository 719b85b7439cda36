package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPEGFX] 2.2.1.6 RDPGFX_CAPSET: version (4), capsDataLength (4), capsData. For every version defined so far the
 * data starts with a 4-byte flags field ({@link #flags()}); version 10.1 has 16 reserved bytes instead.
 */
public record GfxCapabilitySet(long version, Bytes data) {
    public static final long VERSION_8 = 0x0008_0004L;
    public static final long VERSION_8_1 = 0x0008_0105L;
    public static final long VERSION_10 = 0x000A_0002L;
    public static final long VERSION_10_1 = 0x000A_0100L;
    public static final long VERSION_10_2 = 0x000A_0200L;
    public static final long VERSION_10_3 = 0x000A_0301L;
    public static final long VERSION_10_4 = 0x000A_0400L;
    public static final long VERSION_10_5 = 0x000A_0502L;
    public static final long VERSION_10_6 = 0x000A_0600L;
    /** The value an older spec revision printed for 10.6, still advertised by FreeRDP 2.x. */
    public static final long VERSION_10_6_ERR = 0x000A_0601L;
    public static final long VERSION_10_7 = 0x000A_0701L;

    public static final int FLAG_THINCLIENT = 0x01;
    public static final int FLAG_SMALL_CACHE = 0x02;
    public static final int FLAG_AVC420_ENABLED = 0x10;
    public static final int FLAG_AVC_DISABLED = 0x20;
    public static final int FLAG_AVC_THINCLIENT = 0x40;
    public static final int FLAG_SCALEDMAP_DISABLE = 0x80;
    /** Bounds decoding; real sets carry 4 or 16 bytes. */
    static final int MAX_DATA = 1024;

    public GfxCapabilitySet {
        Wire.requireUnsigned(version, 0xFFFF_FFFFL, "version");
        Objects.requireNonNull(data, "data");
    }

    /** A set whose data is just the flags. */
    public static GfxCapabilitySet withFlags(long version, long flags) {
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (flags >>> (8 * i));
        }
        return new GfxCapabilitySet(version, Bytes.of(b));
    }

    /** The flags (first 4 bytes of the data), or 0 when the data is shorter. */
    public long flags() {
        if (data.length() < 4) {
            return 0;
        }
        long f = 0;
        for (int i = 0; i < 4; i++) {
            f |= (data.get(i) & 0xFFL) << (8 * i);
        }
        return f;
    }

    public boolean has(long flag) {
        return (flags() & flag) != 0;
    }

    int size() {
        return 8 + data.length();
    }

    static GfxCapabilitySet decode(ByteBuf src, String pdu) {
        Wire.ensureReadable(src, 8, pdu);
        long version = src.readUnsignedIntLE();
        long length = src.readUnsignedIntLE();
        if (length > MAX_DATA) {
            throw DecodeException.limitExceeded(pdu, "capsDataLength", length, MAX_DATA);
        }
        return new GfxCapabilitySet(version, Bytes.read(Wire.readSlice(src, length, pdu, "capsDataLength"),
                (int) length));
    }

    void encode(ByteBuf dst) {
        dst.writeIntLE((int) version);
        dst.writeIntLE(data.length());
        data.writeTo(dst);
    }
}
