package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * The common tail of Demand Active and Confirm Active: lengthSourceDescriptor, lengthCombinedCapabilities,
 * sourceDescriptor, numberCapabilities, pad, capability sets ([MS-RDPBCGR] 2.2.1.13.1.1, 2.2.1.13.2.1).
 */
record Capabilities(Bytes sourceDescriptor, List<CapabilitySet> sets) {
    /** Bytes of lengthCombinedCapabilities that precede the sets: numberCapabilities (2) + pad2Octets (2). */
    static final int COUNT_AND_PAD = 4;

    static Capabilities decode(ByteBuf src, String pdu) {
        Wire.ensureReadable(src, 4, pdu);
        int lengthSource = src.readUnsignedShortLE();
        int lengthCombined = src.readUnsignedShortLE();
        Bytes source = Bytes.read(src, checked(src, lengthSource, pdu, "lengthSourceDescriptor"));
        if (lengthCombined < COUNT_AND_PAD) {
            throw DecodeException.invalidField(pdu, "lengthCombinedCapabilities", "smaller than 4: " + lengthCombined);
        }
        ByteBuf combined = Wire.readSlice(src, lengthCombined, pdu, "lengthCombinedCapabilities");
        int count = combined.readUnsignedShortLE();
        combined.skipBytes(2); // pad2Octets
        List<CapabilitySet> sets = CapabilitySet.decodeList(combined, count);
        Wire.ensureFullyConsumed(combined, pdu);
        return new Capabilities(source, sets);
    }

    private static int checked(ByteBuf src, int length, String pdu, String field) {
        if (src.readableBytes() < length) {
            throw DecodeException.invalidField(pdu, field, length + " exceeds the " + src.readableBytes() + " remaining bytes");
        }
        return length;
    }

    int combinedLength() {
        return COUNT_AND_PAD + sets.stream().mapToInt(CapabilitySet::size).sum();
    }

    void encode(ByteBuf dst) {
        dst.writeShortLE(sourceDescriptor.length());
        dst.writeShortLE(combinedLength());
        sourceDescriptor.writeTo(dst);
        dst.writeShortLE(sets.size());
        dst.writeShortLE(0);
        sets.forEach(s -> s.encode(dst));
    }

    int size() {
        return 2 + 2 + sourceDescriptor.length() + combinedLength();
    }
}
