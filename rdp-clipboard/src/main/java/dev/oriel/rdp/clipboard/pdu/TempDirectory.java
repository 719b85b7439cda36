package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPECLIP] 2.2.2.3 Client Temporary Directory: wszTempDir (520 bytes, UTF-16LE, NUL-padded), where the client
 * keeps files it pastes. Informational for the server; never used as a path on the server.
 */
public record TempDirectory(String path) implements CliprdrPdu {
    public static final String NAME = "TempDirectory";
    public static final int FIELD_BYTES = 520;

    public TempDirectory {
        java.util.Objects.requireNonNull(path, "path");
        if (Wire.utf16Size(path) > FIELD_BYTES - 2) {
            throw new IllegalArgumentException("path longer than 259 UTF-16 units: " + path.length());
        }
    }

    static TempDirectory decodeBody(ByteBuf body) {
        return new TempDirectory(Wire.readFixedUtf16(body, FIELD_BYTES, NAME, "wszTempDir"));
    }

    @Override
    public int msgType() {
        return CB_TEMP_DIRECTORY;
    }

    @Override
    public int msgFlags() {
        return 0;
    }

    @Override
    public int bodySize() {
        return FIELD_BYTES;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        Wire.writeFixedUtf16(dst, path, FIELD_BYTES, NAME, "wszTempDir");
    }

    @Override
    public String name() {
        return NAME;
    }
}
