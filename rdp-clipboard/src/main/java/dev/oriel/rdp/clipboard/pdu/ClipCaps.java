package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * [MS-RDPECLIP] 2.2.2.1 Clipboard Capabilities: cCapabilitiesSets (2), pad (2), then capability sets, each
 * capabilitySetType (2), lengthCapability (2, including these 4 bytes) and a body. The only defined set is General
 * (type 1, 12 bytes): version (4), generalFlags (4). Sets of unknown types are kept as bytes.
 */
public record ClipCaps(List<ClipCaps.CapabilitySet> sets) implements CliprdrPdu {
    public static final String NAME = "ClipCaps";
    public static final int CB_CAPSTYPE_GENERAL = 1;
    public static final int CB_CAPS_VERSION_1 = 1;
    public static final int CB_CAPS_VERSION_2 = 2;
    public static final int CB_USE_LONG_FORMAT_NAMES = 0x02;
    public static final int CB_STREAM_FILECLIP_ENABLED = 0x04;
    public static final int CB_FILECLIP_NO_FILE_PATHS = 0x08;
    public static final int CB_CAN_LOCK_CLIPDATA = 0x10;
    public static final int CB_HUGE_FILE_SUPPORT_ENABLED = 0x20;
    /** More sets than any client sends; bounds decoding work. */
    static final int MAX_SETS = 16;

    /** One capability set. */
    public sealed interface CapabilitySet {
        int type();

        int bodySize();

        void encodeBody(ByteBuf dst);
    }

    /** CLIPRDR_GENERAL_CAPABILITY. */
    public record General(long version, long generalFlags) implements CapabilitySet {
        public General {
            Wire.requireUnsigned(version, 0xFFFF_FFFFL, "version");
            Wire.requireUnsigned(generalFlags, 0xFFFF_FFFFL, "generalFlags");
        }

        public boolean has(long flag) {
            return (generalFlags & flag) != 0;
        }

        @Override
        public int type() {
            return CB_CAPSTYPE_GENERAL;
        }

        @Override
        public int bodySize() {
            return 8;
        }

        @Override
        public void encodeBody(ByteBuf dst) {
            dst.writeIntLE((int) version);
            dst.writeIntLE((int) generalFlags);
        }
    }

    /** A set of a type this code does not know. */
    public record Unknown(int type, Bytes body) implements CapabilitySet {
        @Override
        public int bodySize() {
            return body.length();
        }

        @Override
        public void encodeBody(ByteBuf dst) {
            body.writeTo(dst);
        }
    }

    public ClipCaps {
        sets = List.copyOf(sets);
        if (sets.size() > MAX_SETS) {
            throw new IllegalArgumentException("at most " + MAX_SETS + " capability sets");
        }
    }

    /** Capabilities with just a General set. */
    public static ClipCaps general(long version, long generalFlags) {
        return new ClipCaps(List.of(new General(version, generalFlags)));
    }

    /** The General set, if present. */
    public Optional<General> general() {
        return sets.stream().filter(General.class::isInstance).map(General.class::cast).findFirst();
    }

    static ClipCaps decodeBody(ByteBuf body) {
        Wire.ensureReadable(body, 4, NAME);
        int count = body.readUnsignedShortLE();
        body.skipBytes(2); // pad1
        if (count > MAX_SETS) {
            throw DecodeException.limitExceeded(NAME, "cCapabilitiesSets", count, MAX_SETS);
        }
        List<CapabilitySet> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Wire.ensureReadable(body, 4, NAME);
            int type = body.readUnsignedShortLE();
            int length = body.readUnsignedShortLE();
            if (length < 4) {
                throw DecodeException.invalidField(NAME, "lengthCapability", "smaller than its header: " + length);
            }
            ByteBuf set = Wire.readSlice(body, length - 4, NAME, "lengthCapability");
            if (type == CB_CAPSTYPE_GENERAL) {
                if (set.readableBytes() != 8) {
                    throw DecodeException.invalidField(NAME, "lengthCapability", "a General set is 12 bytes, not "
                            + length);
                }
                sets.add(new General(set.readUnsignedIntLE(), set.readUnsignedIntLE()));
            } else {
                sets.add(new Unknown(type, Bytes.read(set, set.readableBytes())));
            }
        }
        return new ClipCaps(sets);
    }

    @Override
    public int msgType() {
        return CB_CLIP_CAPS;
    }

    @Override
    public int msgFlags() {
        return 0;
    }

    @Override
    public int bodySize() {
        return 4 + sets.stream().mapToInt(s -> 4 + s.bodySize()).sum();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(sets.size());
        dst.writeShortLE(0);
        for (CapabilitySet s : sets) {
            dst.writeShortLE(s.type());
            dst.writeShortLE(4 + s.bodySize());
            s.encodeBody(dst);
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
