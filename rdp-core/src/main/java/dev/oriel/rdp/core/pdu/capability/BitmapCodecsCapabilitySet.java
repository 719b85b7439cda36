package dev.oriel.rdp.core.pdu.capability;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * [MS-RDPBCGR] 2.2.7.2.10 Bitmap Codecs Capability Set (TS_BITMAPCODECS_CAPABILITYSET): bitmapCodecCount (1), then
 * TS_BITMAPCODEC × count: codecGUID (16), codecID (1, chosen by the sender; the id surface bits commands name),
 * codecPropertiesLength (2), codecProperties (kept raw).
 */
public record BitmapCodecsCapabilitySet(List<Codec> codecs) implements CapabilitySet {
    public static final String NAME = "BitmapCodecsCapabilitySet";
    /** CODEC_GUID_REMOTEFX {76772F12-BD72-4463-AFB3-B73C9C6F7886} in wire order ([MS-RDPBCGR] 2.2.7.2.10.1.1). */
    public static final Bytes GUID_REMOTEFX = Bytes.ofHex("122f7776" + "72bd" + "6344" + "afb3b73c9c6f7886");

    /** One codec the sender supports. */
    public record Codec(Bytes guid, int codecId, Bytes properties) {
        public Codec {
            if (guid.length() != 16) {
                throw new IllegalArgumentException("codecGUID must be 16 bytes");
            }
            Wire.requireUnsigned(codecId, 0xFF, "codecID");
            Wire.requireUnsigned(properties.length(), 0xFFFF, "codecPropertiesLength");
        }
    }

    public BitmapCodecsCapabilitySet {
        codecs = List.copyOf(codecs);
        if (codecs.size() > 0xFF) {
            throw new IllegalArgumentException("at most 255 codecs");
        }
    }

    static BitmapCodecsCapabilitySet decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 1, NAME);
        int count = src.readUnsignedByte();
        List<Codec> codecs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Wire.ensureReadable(src, 19, NAME);
            Bytes guid = Bytes.read(src, 16);
            int id = src.readUnsignedByte();
            int length = src.readUnsignedShortLE();
            if (length > src.readableBytes()) {
                throw DecodeException.invalidField(NAME, "codecPropertiesLength", length + " bytes past the set");
            }
            codecs.add(new Codec(guid, id, Bytes.read(src, length)));
        }
        return new BitmapCodecsCapabilitySet(codecs);
    }

    /**
     * What a server sends: RemoteFX with codecID 0 (the client picks the id) and a TS_RFX_SRVR_CAPS_CONTAINER, whose
     * only field is 4 reserved bytes ([MS-RDPRFX] 2.2.1.2).
     */
    public static BitmapCodecsCapabilitySet serverRemoteFx() {
        return new BitmapCodecsCapabilitySet(List.of(new Codec(GUID_REMOTEFX, 0, Bytes.of(new byte[4]))));
    }

    /** The id the sender gave RemoteFX, if it lists it. */
    public Optional<Integer> remoteFxCodecId() {
        return codecs.stream().filter(c -> c.guid().equals(GUID_REMOTEFX)).map(Codec::codecId).findFirst();
    }

    @Override
    public int type() {
        return CAPSETTYPE_BITMAP_CODECS;
    }

    @Override
    public int bodySize() {
        int n = 1;
        for (Codec c : codecs) {
            n += 19 + c.properties().length();
        }
        return n;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeByte(codecs.size());
        for (Codec c : codecs) {
            c.guid().writeTo(dst);
            dst.writeByte(c.codecId());
            dst.writeShortLE(c.properties().length());
            c.properties().writeTo(dst);
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
