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
import java.util.Set;

/**
 * The client data blocks of a GCC Conference Create Request ([MS-RDPBCGR] 2.2.1.3.1), kept in wire order so that
 * decode → encode is lossless. CS_CORE is mandatory; each type appears at most once.
 */
public record ClientDataBlocks(List<ClientDataBlock> blocks) implements Encodable {
    public static final String NAME = "ClientDataBlocks";

    public ClientDataBlocks {
        blocks = List.copyOf(blocks);
        if (blocks.stream().noneMatch(b -> b instanceof ClientCoreData)) {
            throw new IllegalArgumentException("CS_CORE is required");
        }
    }

    public static ClientDataBlocks decode(ByteBuf src) {
        List<ClientDataBlock> list = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        while (src.isReadable()) {
            DataBlock.Header h = DataBlock.Header.read(src, NAME);
            if (!seen.add(h.type())) {
                throw DecodeException.invalidField(NAME, "type", "duplicate block 0x" + Integer.toHexString(h.type()));
            }
            ByteBuf body = h.body();
            ClientDataBlock block = switch (h.type()) {
                case ClientDataBlock.CS_CORE -> ClientCoreData.decodeBody(body);
                case ClientDataBlock.CS_SECURITY -> ClientSecurityData.decodeBody(body);
                case ClientDataBlock.CS_NET -> ClientNetworkData.decodeBody(body);
                case ClientDataBlock.CS_CLUSTER -> ClientClusterData.decodeBody(body);
                case ClientDataBlock.CS_MONITOR -> ClientMonitorData.decodeBody(body);
                case ClientDataBlock.CS_MCS_MSGCHANNEL -> ClientMessageChannelData.decodeBody(body);
                case ClientDataBlock.CS_MONITOR_EX -> ClientMonitorExtendedData.decodeBody(body);
                case ClientDataBlock.CS_MULTITRANSPORT -> ClientMultitransportData.decodeBody(body);
                default -> new UnknownClientDataBlock(h.type(), Bytes.read(body, body.readableBytes()));
            };
            Wire.ensureFullyConsumed(body, block.name());
            list.add(block);
        }
        if (!seen.contains(ClientDataBlock.CS_CORE)) {
            throw DecodeException.invalidField(NAME, "CS_CORE", "missing");
        }
        return new ClientDataBlocks(list);
    }

    private <T> Optional<T> find(Class<T> type) {
        return blocks.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public ClientCoreData core() {
        return find(ClientCoreData.class).orElseThrow();
    }

    public Optional<ClientSecurityData> security() {
        return find(ClientSecurityData.class);
    }

    public Optional<ClientNetworkData> network() {
        return find(ClientNetworkData.class);
    }

    public Optional<ClientClusterData> cluster() {
        return find(ClientClusterData.class);
    }

    public Optional<ClientMonitorData> monitor() {
        return find(ClientMonitorData.class);
    }

    public Optional<ClientMonitorExtendedData> monitorExtended() {
        return find(ClientMonitorExtendedData.class);
    }

    public Optional<ClientMessageChannelData> messageChannel() {
        return find(ClientMessageChannelData.class);
    }

    public Optional<ClientMultitransportData> multitransport() {
        return find(ClientMultitransportData.class);
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
