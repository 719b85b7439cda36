package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.1.3.3 Client Security Data (TS_UD_CS_SEC). */
public record ClientSecurityData(long encryptionMethods, long extEncryptionMethods) implements ClientDataBlock {
    public static final String NAME = "ClientSecurityData";
    public static final int BODY_SIZE = 4 /* encryptionMethods */ + 4 /* extEncryptionMethods */;

    public static ClientSecurityData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, BODY_SIZE, NAME);
        return new ClientSecurityData(src.readUnsignedIntLE(), src.readUnsignedIntLE());
    }

    @Override
    public int type() {
        return CS_SECURITY;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) encryptionMethods);
        dst.writeIntLE((int) extEncryptionMethods);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return NAME;
    }
}
