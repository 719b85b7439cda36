package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The server data blocks of a GCC Conference Create Response ([MS-RDPBCGR] 2.2.1.4), in wire order. */
public record ServerDataBlocks(List<ServerDataBlock> blocks) implements Encodable {
    public static final String NAME = "ServerDataBlocks";
    /** The MCS I/O channel. */
    public static final int IO_CHANNEL_ID = 1003;

    public ServerDataBlocks {
        blocks = List.copyOf(blocks);
    }

    /**
     * What a TLS server sends, in FreeRDP's order: SC_CORE, SC_NET (I/O channel 1003 and the static channel ids),
     * SC_SECURITY with no encryption. No message channel or multitransport (P-CORE-4).
     */
    public static ServerDataBlocks forTls(int version, int clientRequestedProtocols, int earlyCapabilityFlags,
            List<Integer> staticChannelIds) {
        return new ServerDataBlocks(List.of(
                new ServerCoreData(version, OptionalInt.of(clientRequestedProtocols), OptionalInt.of(earlyCapabilityFlags)),
                new ServerNetworkData(IO_CHANNEL_ID, staticChannelIds),
                ServerSecurityData.none()));
    }

    public static ServerDataBlocks decode(ByteBuf src) {
        List<ServerDataBlock> list = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        while (src.isReadable()) {
            DataBlock.Header h = DataBlock.Header.read(src, NAME);
            if (!seen.add(h.type())) {
                throw DecodeException.invalidField(NAME, "type", "duplicate block 0x" + Integer.toHexString(h.type()));
            }
            ByteBuf body = h.body();
            ServerDataBlock block = switch (h.type()) {
                case ServerDataBlock.SC_CORE -> ServerCoreData.decodeBody(body);
                case ServerDataBlock.SC_SECURITY -> ServerSecurityData.decodeBody(body);
                case ServerDataBlock.SC_NET -> ServerNetworkData.decodeBody(body);
                case ServerDataBlock.SC_MCS_MSGCHANNEL -> ServerMessageChannelData.decodeBody(body);
                case ServerDataBlock.SC_MULTITRANSPORT -> ServerMultitransportChannelData.decodeBody(body);
                default -> new UnknownServerDataBlock(h.type(), Bytes.read(body, body.readableBytes()));
            };
            Wire.ensureFullyConsumed(body, block.name());
            list.add(block);
        }
        return new ServerDataBlocks(list);
    }

    public <T extends ServerDataBlock> Optional<T> find(Class<T> type) {
        return blocks.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public void encode(ByteBuf dst) {
        blocks.forEach(b -> b.encode(dst));
    }

    @Override
    public int size() {
        return blocks.stream().mapToInt(Encodable::size).sum();
    }

    @Override
    public String name() {
        return NAME;
    }
}
