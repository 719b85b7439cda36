package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.List;

/** [MS-RDPBCGR] 2.2.1.13.2.1 Confirm Active PDU Data (TS_CONFIRM_ACTIVE_PDU). */
public record ConfirmActivePdu(int pduSource, long shareId, int originatorId, Bytes sourceDescriptor,
        List<CapabilitySet> capabilitySets) implements ShareControlPdu {
    public static final String NAME = "ConfirmActivePdu";

    public ConfirmActivePdu {
        capabilitySets = List.copyOf(capabilitySets);
    }

    static ConfirmActivePdu decodeBody(ByteBuf src, int pduSource) {
        Wire.ensureReadable(src, 6, NAME);
        long shareId = src.readUnsignedIntLE();
        int originator = src.readUnsignedShortLE();
        Capabilities caps = Capabilities.decode(src, NAME);
        return new ConfirmActivePdu(pduSource, shareId, originator, caps.sourceDescriptor(), caps.sets());
    }

    @Override
    public int pduType() {
        return PDUTYPE_CONFIRMACTIVEPDU;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) shareId);
        dst.writeShortLE(originatorId);
        new Capabilities(sourceDescriptor, capabilitySets).encode(dst);
    }

    @Override
    public int bodySize() {
        return 4 /* shareId */ + 2 /* originatorId */ + new Capabilities(sourceDescriptor, capabilitySets).size();
    }

    @Override
    public String name() {
        return NAME;
    }
}
