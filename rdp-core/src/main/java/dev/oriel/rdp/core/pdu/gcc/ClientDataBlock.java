package dev.oriel.rdp.core.pdu.gcc;

/** A client-to-server GCC data block ([MS-RDPBCGR] 2.2.1.3.2–2.2.1.3.10). */
public sealed interface ClientDataBlock extends DataBlock
        permits ClientCoreData, ClientSecurityData, ClientNetworkData, ClientClusterData, ClientMonitorData,
        ClientMessageChannelData, ClientMonitorExtendedData, ClientMultitransportData, UnknownClientDataBlock {

    int CS_CORE = 0xC001;
    int CS_SECURITY = 0xC002;
    int CS_NET = 0xC003;
    int CS_CLUSTER = 0xC004;
    int CS_MONITOR = 0xC005;
    int CS_MCS_MSGCHANNEL = 0xC006;
    int CS_MONITOR_EX = 0xC008;
    int CS_MULTITRANSPORT = 0xC00A;
}
