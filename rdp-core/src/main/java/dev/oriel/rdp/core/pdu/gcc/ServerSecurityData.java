package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPBCGR] 2.2.1.4.3 Server Security Data (TS_UD_SC_SEC1). With TLS both values are 0 and nothing follows;
 * with Standard RDP Security the server random and certificate follow and are kept raw in {@code rest}.
 */
public record ServerSecurityData(long encryptionMethod, long encryptionLevel, Bytes rest) implements ServerDataBlock {
    public static final String NAME = "ServerSecurityData";

    /** TLS: no RDP encryption. */
    public static ServerSecurityData none() {
        return new ServerSecurityData(0, 0, Bytes.EMPTY);
    }

    public static ServerSecurityData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 8, NAME);
        long method = src.readUnsignedIntLE();
        long level = src.readUnsignedIntLE();
        return new ServerSecurityData(method, level, Bytes.read(src, src.readableBytes()));
    }

    @Override
    public int type() {
        return SC_SECURITY;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) encryptionMethod);
        dst.writeIntLE((int) encryptionLevel);
        rest.writeTo(dst);
    }

    @Override
    public int bodySize() {
        return 8 + rest.length();
    }

    @Override
    public String name() {
        return NAME;
    }
}
