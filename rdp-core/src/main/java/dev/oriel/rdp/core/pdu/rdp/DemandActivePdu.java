package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.List;

/** [MS-RDPBCGR] 2.2.1.13.1.1 Demand Active PDU Data (TS_DEMAND_ACTIVE_PDU). */
public record DemandActivePdu(int pduSource, long shareId, Bytes sourceDescriptor, List<CapabilitySet> capabilitySets,
        long sessionId) implements ShareControlPdu {
    public static final String NAME = "DemandActivePdu";

    public DemandActivePdu {
        capabilitySets = List.copyOf(capabilitySets);
    }

    static DemandActivePdu decodeBody(ByteBuf src, int pduSource) {
        Wire.ensureReadable(src, 4, NAME);
        long shareId = src.readUnsignedIntLE();
        Capabilities caps = Capabilities.decode(src, NAME);
        Wire.ensureReadable(src, 4, NAME);
        long sessionId = src.readUnsignedIntLE();
        return new DemandActivePdu(pduSource, shareId, caps.sourceDescriptor(), caps.sets(), sessionId);
    }

    @Override
    public int pduType() {
        return PDUTYPE_DEMANDACTIVEPDU;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) shareId);
        new Capabilities(sourceDescriptor, capabilitySets).encode(dst);
        dst.writeIntLE((int) sessionId);
    }

    @Override
    public int bodySize() {
        return 4 /* shareId */ + new Capabilities(sourceDescriptor, capabilitySets).size() + 4 /* sessionId */;
    }

    @Override
    public String name() {
        return NAME;
    }
}
