package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.4.3 Client Auto-Reconnect Packet (ARC_CS_PRIVATE_PACKET), 28 bytes. A secret: never logged
 * ({@link #toString()} is redacted).
 */
public record AutoReconnectCookie(long version, long logonId, Bytes securityVerifier) implements Encodable {
    public static final String NAME = "AutoReconnectCookie";
    public static final int SIZE = 4 /* cbLen */ + 4 /* Version */ + 4 /* LogonId */ + 16 /* SecurityVerifier */;

    public AutoReconnectCookie {
        if (securityVerifier.length() != 16) {
            throw new IllegalArgumentException("securityVerifier must be 16 bytes");
        }
    }

    public static AutoReconnectCookie decode(ByteBuf src) {
        Wire.ensureReadable(src, SIZE, NAME);
        long cbLen = src.readUnsignedIntLE();
        if (cbLen != SIZE) {
            throw DecodeException.invalidField(NAME, "cbLen", "must be 28, was " + cbLen);
        }
        return new AutoReconnectCookie(src.readUnsignedIntLE(), src.readUnsignedIntLE(), Bytes.read(src, 16));
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeIntLE(SIZE);
        dst.writeIntLE((int) version);
        dst.writeIntLE((int) logonId);
        securityVerifier.writeTo(dst);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return "AutoReconnectCookie[version=" + version + ", logonId=" + logonId + ", securityVerifier=<redacted>]";
    }
}
