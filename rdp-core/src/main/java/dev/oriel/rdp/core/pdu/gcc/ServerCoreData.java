package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.OptionalInt;

/**
 * [MS-RDPBCGR] 2.2.1.4.2 Server Core Data (TS_UD_SC_CORE).
 *
 * @param clientRequestedProtocols the X.224 requestedProtocols echoed back (optional on the wire)
 * @param earlyCapabilityFlags     RNS_UD_SC_* flags (optional; requires clientRequestedProtocols)
 */
public record ServerCoreData(int version, OptionalInt clientRequestedProtocols, OptionalInt earlyCapabilityFlags)
        implements ServerDataBlock {
    public static final String NAME = "ServerCoreData";

    public static final int RNS_UD_SC_EDGE_ACTIONS_SUPPORTED_V1 = 0x0001;
    public static final int RNS_UD_SC_DYNAMIC_DST_SUPPORTED = 0x0002;
    public static final int RNS_UD_SC_EDGE_ACTIONS_SUPPORTED_V2 = 0x0004;
    public static final int RNS_UD_SC_SKIP_CHANNELJOIN_SUPPORTED = 0x0008;

    public ServerCoreData {
        if (earlyCapabilityFlags.isPresent() && clientRequestedProtocols.isEmpty()) {
            throw new IllegalArgumentException("earlyCapabilityFlags requires clientRequestedProtocols");
        }
    }

    public static ServerCoreData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 4, NAME);
        int version = src.readIntLE();
        OptionalInt requested = OptionalInt.empty();
        OptionalInt early = OptionalInt.empty();
        if (src.isReadable()) {
            Wire.ensureReadable(src, 4, NAME);
            requested = OptionalInt.of(src.readIntLE());
        }
        if (src.isReadable()) {
            Wire.ensureReadable(src, 4, NAME);
            early = OptionalInt.of(src.readIntLE());
        }
        if (src.isReadable()) {
            throw DecodeException.trailingBytes(NAME, src.readableBytes());
        }
        return new ServerCoreData(version, requested, early);
    }

    @Override
    public int type() {
        return SC_CORE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE(version);
        clientRequestedProtocols.ifPresent(dst::writeIntLE);
        earlyCapabilityFlags.ifPresent(dst::writeIntLE);
    }

    @Override
    public int bodySize() {
        return 4 + (clientRequestedProtocols.isPresent() ? 4 : 0) + (earlyCapabilityFlags.isPresent() ? 4 : 0);
    }

    @Override
    public String name() {
        return NAME;
    }
}
