package dev.oriel.rdp.core.pdu.capability;

import io.netty.buffer.ByteBuf;
import java.util.OptionalLong;

/**
 * [MS-RDPBCGR] 2.2.7.1.10 Virtual Channel Capability Set (TS_VIRTUALCHANNEL_CAPABILITYSET). Some clients omit
 * VCChunkSize; such a set means the default 1600.
 *
 * <p>The server's VCChunkSize tells the client the largest chunk it may send; chunks the server sends stay within
 * CHANNEL_CHUNK_LENGTH (1600).
 */
public record VirtualChannelCapabilitySet(long flags, OptionalLong vcChunkSize) implements CapabilitySet {
    public static final int VCCAPS_NO_COMPR = 0x0000_0000;
    public static final int VCCAPS_COMPR_SC = 0x0000_0001;
    public static final int VCCAPS_COMPR_CS_8K = 0x0000_0002;
    public static final int CHANNEL_CHUNK_LENGTH = 1600;

    /** No channel compression in either direction (P-CORE-7), default chunk size. */
    public static VirtualChannelCapabilitySet server() {
        return new VirtualChannelCapabilitySet(VCCAPS_NO_COMPR, OptionalLong.of(CHANNEL_CHUNK_LENGTH));
    }

    static VirtualChannelCapabilitySet decodeBody(ByteBuf src) {
        long flags = src.readUnsignedIntLE();
        OptionalLong size = src.readableBytes() >= 4 ? OptionalLong.of(src.readUnsignedIntLE()) : OptionalLong.empty();
        return new VirtualChannelCapabilitySet(flags, size);
    }

    @Override
    public int type() {
        return CAPSTYPE_VIRTUALCHANNEL;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) flags);
        vcChunkSize.ifPresent(s -> dst.writeIntLE((int) s));
    }

    @Override
    public int bodySize() {
        return 4 + (vcChunkSize.isPresent() ? 4 : 0);
    }

    @Override
    public String name() {
        return "VirtualChannelCapabilitySet";
    }
}
