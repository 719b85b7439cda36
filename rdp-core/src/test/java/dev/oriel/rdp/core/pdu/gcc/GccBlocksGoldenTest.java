package dev.oriel.rdp.core.pdu.gcc;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertEveryTruncationRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertGolden;
import static dev.oriel.rdp.core.testutil.PduAssertions.assertRejected;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.error.DecodeError;
import dev.oriel.rdp.core.testutil.Fixtures;
import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** GCC data blocks against IronRDP's vectors (block bodies; the tests add the TS_UD_HEADER). */
class GccBlocksGoldenTest {
    private static byte[] vector(String file, String name) {
        return Fixtures.ironrdp("crates__ironrdp-testsuite-core__src__" + file + ".rs__" + name);
    }

    /** TS_UD_HEADER + body. */
    private static byte[] block(int type, byte[] body) {
        byte[] out = new byte[4 + body.length];
        out[0] = (byte) type;
        out[1] = (byte) (type >> 8);
        out[2] = (byte) out.length;
        out[3] = (byte) (out.length >> 8);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    private static final Function<ByteBuf, ClientDataBlock> CLIENT_BLOCK = buf -> {
        ClientDataBlocks blocks = ClientDataBlocks.decode(buf);
        return blocks.blocks().get(blocks.blocks().size() - 1);
    };

    static ClientCoreData basicCore() {
        return new ClientCoreData(0x0008_0004, 1280, 1024, ClientCoreData.RNS_UD_COLOR_4BPP, 0xAA03, 0x409, 3790,
                ClientCoreData.fixedUtf16("ELTONS-DEV2", 32), 4, 0, 12, Bytes.of(new byte[64]),
                OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty(),
                OptionalLong.empty(), OptionalLong.empty());
    }

    @Test
    void clientCoreDataBasicPart() {
        byte[] wire = block(0xC001, vector("core_data", "CLIENT_CORE_DATA_BUFFER"));
        ClientCoreData core = basicCore();
        assertGolden(new ClientDataBlocks(List.of(core)), wire, ClientDataBlocks::decode);
        assertThat(core.clientName()).isEqualTo("ELTONS-DEV2");
        assertEveryTruncationRejected(wire, ClientDataBlocks::decode);
    }

    @Test
    void clientCoreDataWithEveryOptionalField() {
        byte[] wire = block(0xC001, concat(vector("core_data", "CLIENT_CORE_DATA_BUFFER"),
                vector("core_data", "CLIENT_OPTIONAL_CORE_DATA_TO_HIGH_COLOR_DEPTH_BUFFER"),
                vector("core_data", "CLIENT_OPTIONAL_CORE_DATA_FROM_HIGH_COLOR_DEPTH_TO_SERVER_SELECTED_PROTOCOL_BUFFER"),
                vector("core_data", "CLIENT_OPTIONAL_CORE_DATA_FROM_DESKTOP_PHYSICAL_WIDTH_TO_DEVICE_SCALE_FACTOR_BUFFER")));
        ClientCoreData core = (ClientCoreData) ClientDataBlocks.decode(io.netty.buffer.Unpooled.wrappedBuffer(wire))
                .blocks().get(0);
        assertThat(core.postBeta2ColorDepth()).hasValue(ClientCoreData.RNS_UD_COLOR_8BPP);
        assertThat(core.clientProductId()).hasValue(1);
        assertThat(core.highColorDepth()).hasValue(24);
        assertThat(core.supportedColorDepths()).hasValue(7);
        assertThat(core.earlyCapabilityFlags()).hasValue(1);
        assertThat(core.connectionType()).hasValue(0);
        assertThat(core.serverSelectedProtocol()).hasValue(0);
        assertThat(core.desktopPhysicalWidth()).hasValue(5000);
        assertThat(core.desktopPhysicalHeight()).hasValue(3000);
        assertThat(core.desktopOrientation()).hasValue(90);
        assertThat(core.desktopScaleFactor()).hasValue(200);
        assertThat(core.deviceScaleFactor()).hasValue(140);
        assertThat(new String(core.clientDigProductId().orElseThrow().toArray(), java.nio.charset.StandardCharsets.UTF_16LE))
                .startsWith("69712-783-0357974-42714");
        assertGolden(new ClientDataBlocks(List.of(core)), wire, ClientDataBlocks::decode);
        assertEveryTruncationRejected(wire, ClientDataBlocks::decode);
    }

    @Test
    void clientCoreTailStoppingMidwayRoundTrips() {
        byte[] tail = vector("core_data", "CLIENT_OPTIONAL_CORE_DATA_TO_HIGH_COLOR_DEPTH_BUFFER");
        for (int cut : new int[] {2, 4, 8}) {
            byte[] part = java.util.Arrays.copyOf(tail, cut);
            byte[] wire = block(0xC001, concat(vector("core_data", "CLIENT_CORE_DATA_BUFFER"), part));
            ClientDataBlocks decoded = ClientDataBlocks.decode(io.netty.buffer.Unpooled.wrappedBuffer(wire));
            assertGolden(decoded, wire, ClientDataBlocks::decode);
        }
        // A field cut in half is malformed.
        byte[] half = block(0xC001, concat(vector("core_data", "CLIENT_CORE_DATA_BUFFER"), java.util.Arrays.copyOf(tail, 3)));
        assertThat(assertRejected(half, ClientDataBlocks::decode).getMessage()).contains("truncated");
    }

    @Test
    void securityClusterNetworkMonitorBlocks() {
        assertGolden(new ClientSecurityData(0x1B, 0),
                block(0xC002, vector("security_data", "CLIENT_SECURITY_DATA_BUFFER")), b -> oneBlock(b, 0xC002));
        assertGolden(new ClientClusterData(0x0D, 0),
                block(0xC004, vector("cluster_data", "CLUSTER_DATA_BUFFER")), b -> oneBlock(b, 0xC004));
        assertGolden(new ClientNetworkData(List.of()),
                block(0xC003, vector("network_data", "CLIENT_NETWORK_DATA_WITHOUT_CHANNELS_BUFFER")), b -> oneBlock(b, 0xC003));
        assertGolden(new ClientNetworkData(List.of(new ChannelDef("rdpdr", 0x8080_0000), new ChannelDef("cliprdr", 0xC0A0_0000),
                        new ChannelDef("rdpsnd", 0xC000_0000))),
                block(0xC003, vector("network_data", "CLIENT_NETWORK_DATA_WITH_CHANNELS_BUFFER")), b -> oneBlock(b, 0xC003));
        assertGolden(new ClientMonitorData(0, List.of()),
                block(0xC005, vector("monitor_data", "MONITOR_DATA_WITHOUT_MONITORS_BUFFER")), b -> oneBlock(b, 0xC005));
        assertGolden(new ClientMonitorData(0, List.of(new MonitorDef(0, 0, 1919, 1079, MonitorDef.MONITOR_PRIMARY),
                        new MonitorDef(-1280, 0, -1, 1023, 0))),
                block(0xC005, vector("monitor_data", "MONITOR_DATA_WITH_MONITORS_BUFFER")), b -> oneBlock(b, 0xC005));
        assertGolden(new ClientMonitorExtendedData(0, List.of()),
                block(0xC008, vector("monitor_extended_data", "MONITOR_DATA_WITHOUT_MONITORS_BUFFER")), b -> oneBlock(b, 0xC008));
        assertGolden(new ClientMonitorExtendedData(0, List.of(new MonitorAttributes(0, 0, 0, 0, 0),
                        new MonitorAttributes(0, 0, 0, 0, 0))),
                block(0xC008, vector("monitor_extended_data", "MONITOR_DATA_WITH_MONITORS_BUFFER")), b -> oneBlock(b, 0xC008));
        assertGolden(new ClientMessageChannelData(0), block(0xC006, hex("00000000")), b -> oneBlock(b, 0xC006));
        assertGolden(new ClientMultitransportData(0x301), block(0xC00A, hex("01030000")), b -> oneBlock(b, 0xC00A));
    }

    /** Decodes a CS_CORE block followed by the block under test and returns the latter. */
    private static ClientDataBlock oneBlock(ByteBuf buf, int type) {
        // Blocks need a CS_CORE to form a valid set; decode the block on its own through the set decoder's switch.
        DataBlock.Header h = DataBlock.Header.read(buf, "test");
        ClientDataBlock b = switch (type) {
            case ClientDataBlock.CS_SECURITY -> ClientSecurityData.decodeBody(h.body());
            case ClientDataBlock.CS_CLUSTER -> ClientClusterData.decodeBody(h.body());
            case ClientDataBlock.CS_NET -> ClientNetworkData.decodeBody(h.body());
            case ClientDataBlock.CS_MONITOR -> ClientMonitorData.decodeBody(h.body());
            case ClientDataBlock.CS_MONITOR_EX -> ClientMonitorExtendedData.decodeBody(h.body());
            case ClientDataBlock.CS_MCS_MSGCHANNEL -> ClientMessageChannelData.decodeBody(h.body());
            case ClientDataBlock.CS_MULTITRANSPORT -> ClientMultitransportData.decodeBody(h.body());
            default -> throw new AssertionError();
        };
        assertThat(h.body().readableBytes()).isZero();
        assertThat(h.type()).isEqualTo(type);
        return b;
    }

    @Test
    void serverBlocks() {
        assertGolden(new ServerCoreData(0x0008_0004, OptionalInt.empty(), OptionalInt.empty()),
                block(0x0C01, vector("core_data", "SERVER_CORE_DATA_BUFFER")), ServerDataBlocksGoldenHelper::single);
        assertGolden(new ServerNetworkData(1003, List.of()),
                block(0x0C03, vector("network_data", "SERVER_NETWORK_DATA_WITHOUT_CHANNELS_ID_BUFFER")),
                ServerDataBlocksGoldenHelper::single);
        assertGolden(new ServerNetworkData(1003, List.of(1004, 1005, 1006)),
                block(0x0C03, vector("network_data", "SERVER_NETWORK_DATA_WITH_CHANNELS_ID_BUFFER")),
                ServerDataBlocksGoldenHelper::single);
        assertGolden(ServerSecurityData.none(),
                block(0x0C02, vector("security_data", "SERVER_SECURITY_DATA_WITHOUT_OPTIONAL_FIELDS_BUFFER")),
                ServerDataBlocksGoldenHelper::single);
        assertGolden(new ServerMessageChannelData(1008),
                block(0x0C04, vector("message_channel_data", "SERVER_GCC_MESSAGE_CHANNEL_BLOCK_BUFFER")),
                ServerDataBlocksGoldenHelper::single);
        assertGolden(new ServerMultitransportChannelData(0x301),
                block(0x0C08, vector("multi_transport_channel_data", "SERVER_GCC_MULTI_TRANSPORT_CHANNEL_BLOCK_BUFFER")),
                ServerDataBlocksGoldenHelper::single);
    }

    @Test
    void tlsServerBlocksAsFreeRdpWritesThem() {
        ServerDataBlocks blocks = ServerDataBlocks.forTls(0x0008_0004, 3, 0, List.of(1004, 1005, 1006));
        assertThat(hex(blocks.toByteArray())).isEqualTo(
                "010c1000" + "04000800" + "03000000" + "00000000"
                        + "030c1000" + "eb030300ec03ed03ee030000"
                        + "020c0c00" + "0000000000000000");
        assertGolden(blocks, blocks.toByteArray(), ServerDataBlocks::decode);
    }

    @Test
    void rejections() {
        byte[] core = block(0xC001, vector("core_data", "CLIENT_CORE_DATA_BUFFER"));
        // Block length smaller than the header.
        byte[] bad = core.clone();
        bad[2] = 3;
        bad[3] = 0;
        assertThat(assertRejected(bad, ClientDataBlocks::decode).getMessage()).contains("block length 3 < 4");
        // Block length beyond the buffer.
        bad = core.clone();
        bad[2] = (byte) 0xFF;
        assertThat(assertRejected(bad, ClientDataBlocks::decode).error()).isInstanceOf(DecodeError.InvalidField.class);
        // No CS_CORE.
        assertThat(assertRejected(block(0xC002, hex("0000000000000000")), ClientDataBlocks::decode).getMessage())
                .contains("CS_CORE");
        // Duplicate block.
        assertThat(assertRejected(concat(core, core), ClientDataBlocks::decode).getMessage()).contains("duplicate");
        // 32 channels: above the protocol maximum, rejected before reading them.
        assertThat(assertRejected(concat(core, block(0xC003, hex("20000000"))), ClientDataBlocks::decode).error())
                .isEqualTo(new DecodeError.LimitExceeded("channelCount", 32, 31));
        // A count larger than the bytes present.
        assertThat(assertRejected(concat(core, block(0xC003, hex("02000000726470647200000000008080"))),
                ClientDataBlocks::decode).error()).isInstanceOf(DecodeError.NotEnoughBytes.class);
        // 17 monitors.
        assertThat(assertRejected(concat(core, block(0xC005, hex("0000000011000000"))), ClientDataBlocks::decode).error())
                .isEqualTo(new DecodeError.LimitExceeded("monitorCount", 17, 16));
        // Channel name that is not printable ASCII.
        assertThat(assertRejected(concat(core, block(0xC003, hex("01000000" + "0102000000000000" + "00000000"))),
                ClientDataBlocks::decode).getMessage()).contains("not printable ASCII");
        // Monitor attribute size other than 20.
        assertThat(assertRejected(concat(core, block(0xC008, hex("000000001500000000000000"))), ClientDataBlocks::decode)
                .getMessage()).contains("monitorAttributeSize");
    }

    /** Decodes one server block through the set decoder. */
    static final class ServerDataBlocksGoldenHelper {
        static ServerDataBlock single(ByteBuf buf) {
            ServerDataBlocks blocks = ServerDataBlocks.decode(buf);
            assertThat(blocks.blocks()).hasSize(1);
            return blocks.blocks().get(0);
        }
    }
}
