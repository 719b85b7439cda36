package dev.oriel.rdp.core.pdu.capability;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPBCGR] 2.2.1.13.1.1.1 Capability Set (TS_CAPS_SET): capabilitySetType (2), lengthCapability (2, including
 * this header), body.
 *
 * <p>Decoding is lossless by construction: a body is turned into a typed record only when the record re-encodes to
 * exactly the same bytes (real clients send shorter bodies, garbage in pad fields, …); anything else is kept as
 * {@link UnknownCapabilitySet}. Code reading client capabilities must therefore tolerate a set arriving untyped.
 */
public sealed interface CapabilitySet extends Encodable
        permits GeneralCapabilitySet, BitmapCapabilitySet, OrderCapabilitySet, PointerCapabilitySet, InputCapabilitySet,
        VirtualChannelCapabilitySet, ShareCapabilitySet, FontCapabilitySet, MultifragmentUpdateCapabilitySet,
        LargePointerCapabilitySet, SurfaceCommandsCapabilitySet, BitmapCodecsCapabilitySet, FrameAcknowledgeCapabilitySet,
        RemoteProgramsCapabilitySet, WindowListCapabilitySet, UnknownCapabilitySet {

    String NAME = "CapabilitySet";
    int HEADER_SIZE = 2 /* capabilitySetType */ + 2 /* lengthCapability */;

    int CAPSTYPE_GENERAL = 0x0001;
    int CAPSTYPE_BITMAP = 0x0002;
    int CAPSTYPE_ORDER = 0x0003;
    int CAPSTYPE_BITMAPCACHE = 0x0004;
    int CAPSTYPE_CONTROL = 0x0005;
    int CAPSTYPE_ACTIVATION = 0x0007;
    int CAPSTYPE_POINTER = 0x0008;
    int CAPSTYPE_SHARE = 0x0009;
    int CAPSTYPE_COLORCACHE = 0x000A;
    int CAPSTYPE_SOUND = 0x000C;
    int CAPSTYPE_INPUT = 0x000D;
    int CAPSTYPE_FONT = 0x000E;
    int CAPSTYPE_BRUSH = 0x000F;
    int CAPSTYPE_GLYPHCACHE = 0x0010;
    int CAPSTYPE_OFFSCREENCACHE = 0x0011;
    int CAPSTYPE_BITMAPCACHE_HOSTSUPPORT = 0x0012;
    int CAPSTYPE_BITMAPCACHE_REV2 = 0x0013;
    int CAPSTYPE_VIRTUALCHANNEL = 0x0014;
    int CAPSTYPE_DRAWNINEGRIDCACHE = 0x0015;
    int CAPSTYPE_DRAWGDIPLUS = 0x0016;
    int CAPSTYPE_RAIL = 0x0017;
    int CAPSTYPE_WINDOW = 0x0018;
    int CAPSETTYPE_COMPDESK = 0x0019;
    int CAPSETTYPE_MULTIFRAGMENTUPDATE = 0x001A;
    int CAPSETTYPE_LARGE_POINTER = 0x001B;
    int CAPSETTYPE_SURFACE_COMMANDS = 0x001C;
    int CAPSETTYPE_BITMAP_CODECS = 0x001D;
    int CAPSSETTYPE_FRAME_ACKNOWLEDGE = 0x001E;

    /** capabilitySetType. */
    int type();

    void encodeBody(ByteBuf dst);

    int bodySize();

    @Override
    default void encode(ByteBuf dst) {
        dst.writeShortLE(type());
        dst.writeShortLE(size());
        encodeBody(dst);
    }

    @Override
    default int size() {
        return HEADER_SIZE + bodySize();
    }

    /** Decodes one capability set (header and body). */
    static CapabilitySet decode(ByteBuf src) {
        Wire.ensureReadable(src, HEADER_SIZE, NAME);
        int type = src.readUnsignedShortLE();
        int length = src.readUnsignedShortLE();
        if (length < HEADER_SIZE) {
            throw DecodeException.invalidField(NAME, "lengthCapability", length + " < 4 (type 0x" + Integer.toHexString(type) + ")");
        }
        ByteBuf body = Wire.readSlice(src, length - HEADER_SIZE, NAME, "lengthCapability");
        Bytes raw = Bytes.read(body.duplicate(), body.readableBytes());
        CapabilitySet typed = typed(type, body);
        if (typed == null || !reencodes(typed, raw)) {
            return new UnknownCapabilitySet(type, raw);
        }
        return typed;
    }

    /** Decodes {@code count} consecutive sets. */
    static List<CapabilitySet> decodeList(ByteBuf src, int count) {
        // Every set needs at least its 4-byte header: bound the count by the bytes before allocating.
        Wire.ensureReadable(src, (long) count * HEADER_SIZE, NAME);
        List<CapabilitySet> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sets.add(decode(src));
        }
        return sets;
    }

    private static CapabilitySet typed(int type, ByteBuf body) {
        int n = body.readableBytes();
        return switch (type) {
            case CAPSTYPE_GENERAL -> n == GeneralCapabilitySet.BODY_SIZE ? GeneralCapabilitySet.decodeBody(body) : null;
            case CAPSTYPE_BITMAP -> n == BitmapCapabilitySet.BODY_SIZE ? BitmapCapabilitySet.decodeBody(body) : null;
            case CAPSTYPE_ORDER -> n == OrderCapabilitySet.BODY_SIZE ? OrderCapabilitySet.decodeBody(body) : null;
            case CAPSTYPE_POINTER -> n == 4 || n == 6 ? PointerCapabilitySet.decodeBody(body) : null;
            case CAPSTYPE_INPUT -> n == InputCapabilitySet.BODY_SIZE ? InputCapabilitySet.decodeBody(body) : null;
            case CAPSTYPE_VIRTUALCHANNEL -> n == 4 || n == 8 ? VirtualChannelCapabilitySet.decodeBody(body) : null;
            case CAPSTYPE_SHARE -> n == 4 ? ShareCapabilitySet.decodeBody(body) : null;
            case CAPSTYPE_FONT -> n == 4 ? FontCapabilitySet.decodeBody(body) : null;
            case CAPSETTYPE_MULTIFRAGMENTUPDATE -> n == 4 ? MultifragmentUpdateCapabilitySet.decodeBody(body) : null;
            case CAPSETTYPE_LARGE_POINTER -> n == 2 ? LargePointerCapabilitySet.decodeBody(body) : null;
            case CAPSETTYPE_SURFACE_COMMANDS -> n == 8 ? SurfaceCommandsCapabilitySet.decodeBody(body) : null;
            case CAPSETTYPE_BITMAP_CODECS -> BitmapCodecsCapabilitySet.decodeBody(body);
            case CAPSSETTYPE_FRAME_ACKNOWLEDGE -> n == 4 ? FrameAcknowledgeCapabilitySet.decodeBody(body) : null;
            case CAPSTYPE_RAIL -> n == 4 ? RemoteProgramsCapabilitySet.decodeBody(body) : null;
            case CAPSTYPE_WINDOW -> n == 4 || n == 7 ? WindowListCapabilitySet.decodeBody(body) : null;
            default -> null;
        };
    }

    private static boolean reencodes(CapabilitySet typed, Bytes raw) {
        if (typed.bodySize() != raw.length()) {
            return false;
        }
        ByteBuf out = Unpooled.buffer(raw.length());
        try {
            typed.encodeBody(out);
            return ByteBufUtil.equals(out, Unpooled.wrappedBuffer(raw.toArray()));
        } finally {
            out.release();
        }
    }

    /** The first set of {@code type} among {@code sets}. */
    static <T extends CapabilitySet> java.util.Optional<T> find(List<CapabilitySet> sets, Class<T> type) {
        return sets.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
