package dev.oriel.rdp.core.pdu.gcc;

/** A server-to-client GCC data block ([MS-RDPBCGR] 2.2.1.4.2–2.2.1.4.6). */
public sealed interface ServerDataBlock extends DataBlock
        permits ServerCoreData, ServerSecurityData, ServerNetworkData, ServerMessageChannelData,
        ServerMultitransportChannelData, UnknownServerDataBlock {

    int SC_CORE = 0x0C01;
    int SC_SECURITY = 0x0C02;
    int SC_NET = 0x0C03;
    int SC_MCS_MSGCHANNEL = 0x0C04;
    int SC_MULTITRANSPORT = 0x0C08;
}
