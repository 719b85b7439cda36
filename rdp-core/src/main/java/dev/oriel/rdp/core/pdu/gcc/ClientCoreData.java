package dev.oriel.rdp.core.pdu.gcc;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * [MS-RDPBCGR] 2.2.1.3.2 Client Core Data (TS_UD_CS_CORE).
 *
 * <p>The fields after {@code imeFileName} are optional and cumulative: a client stops after any of them, and a
 * field is present only if every earlier one is. They are modelled as optionals so that decode → encode
 * reproduces exactly the length the client sent. {@code clientName}, {@code imeFileName} and
 * {@code clientDigProductId} are fixed-size NUL-padded UTF-16 fields kept as raw bytes (clients leave garbage after
 * the terminator); {@link #clientName()} decodes the text.
 */
public record ClientCoreData(
        long version,
        int desktopWidth,
        int desktopHeight,
        int colorDepth,
        int sasSequence,
        long keyboardLayout,
        long clientBuild,
        Bytes clientNameField,
        long keyboardType,
        long keyboardSubType,
        long keyboardFunctionKey,
        Bytes imeFileName,
        OptionalInt postBeta2ColorDepth,
        OptionalInt clientProductId,
        OptionalLong serialNumber,
        OptionalInt highColorDepth,
        OptionalInt supportedColorDepths,
        OptionalInt earlyCapabilityFlags,
        Optional<Bytes> clientDigProductId,
        OptionalInt connectionType,
        OptionalInt pad1octet,
        OptionalInt serverSelectedProtocol,
        OptionalLong desktopPhysicalWidth,
        OptionalLong desktopPhysicalHeight,
        OptionalInt desktopOrientation,
        OptionalLong desktopScaleFactor,
        OptionalLong deviceScaleFactor) implements ClientDataBlock {

    public static final String NAME = "ClientCoreData";
    static final int FIXED_PART_SIZE = 4 /* version */ + 2 /* desktopWidth */ + 2 /* desktopHeight */
            + 2 /* colorDepth */ + 2 /* SASSequence */ + 4 /* keyboardLayout */ + 4 /* clientBuild */
            + 32 /* clientName */ + 4 /* keyboardType */ + 4 /* keyboardSubType */ + 4 /* keyboardFunctionKey */
            + 64 /* imeFileName */;
    /** Sizes of the optional tail fields, in wire order. */
    private static final int[] TAIL_SIZES = {2, 2, 4, 2, 2, 2, 64, 1, 1, 4, 4, 4, 2, 4, 4};

    // supportedColorDepths (RNS_UD_*_SUPPORT)
    public static final int RNS_UD_24BPP_SUPPORT = 0x0001;
    public static final int RNS_UD_16BPP_SUPPORT = 0x0002;
    public static final int RNS_UD_15BPP_SUPPORT = 0x0004;
    public static final int RNS_UD_32BPP_SUPPORT = 0x0008;
    // colorDepth / postBeta2ColorDepth
    public static final int RNS_UD_COLOR_4BPP = 0xCA00;
    public static final int RNS_UD_COLOR_8BPP = 0xCA01;
    public static final int RNS_UD_COLOR_16BPP_555 = 0xCA02;
    public static final int RNS_UD_COLOR_16BPP_565 = 0xCA03;
    public static final int RNS_UD_COLOR_24BPP = 0xCA04;
    // earlyCapabilityFlags
    public static final int RNS_UD_CS_SUPPORT_ERRINFO_PDU = 0x0001;
    public static final int RNS_UD_CS_WANT_32BPP_SESSION = 0x0002;
    public static final int RNS_UD_CS_SUPPORT_STATUSINFO_PDU = 0x0004;
    public static final int RNS_UD_CS_STRONG_ASYMMETRIC_KEYS = 0x0008;
    public static final int RNS_UD_CS_VALID_CONNECTION_TYPE = 0x0020;
    public static final int RNS_UD_CS_SUPPORT_MONITOR_LAYOUT_PDU = 0x0040;
    public static final int RNS_UD_CS_SUPPORT_NETCHAR_AUTODETECT = 0x0080;
    public static final int RNS_UD_CS_SUPPORT_DYNVC_GFX_PROTOCOL = 0x0100;
    public static final int RNS_UD_CS_SUPPORT_DYNAMIC_TIME_ZONE = 0x0200;
    public static final int RNS_UD_CS_SUPPORT_HEARTBEAT_PDU = 0x0400;
    // connectionType
    public static final int CONNECTION_TYPE_MODEM = 0x01;
    public static final int CONNECTION_TYPE_BROADBAND_LOW = 0x02;
    public static final int CONNECTION_TYPE_SATELLITE = 0x03;
    public static final int CONNECTION_TYPE_BROADBAND_HIGH = 0x04;
    public static final int CONNECTION_TYPE_WAN = 0x05;
    public static final int CONNECTION_TYPE_LAN = 0x06;
    public static final int CONNECTION_TYPE_AUTODETECT = 0x07;

    public ClientCoreData {
        if (clientNameField.length() != 32 || imeFileName.length() != 64) {
            throw new IllegalArgumentException("clientName must be 32 bytes and imeFileName 64 bytes");
        }
        clientDigProductId.ifPresent(d -> {
            if (d.length() != 64) {
                throw new IllegalArgumentException("clientDigProductId must be 64 bytes");
            }
        });
        boolean[] present = presence(postBeta2ColorDepth, clientProductId, serialNumber, highColorDepth,
                supportedColorDepths, earlyCapabilityFlags, clientDigProductId, connectionType, pad1octet,
                serverSelectedProtocol, desktopPhysicalWidth, desktopPhysicalHeight, desktopOrientation,
                desktopScaleFactor, deviceScaleFactor);
        for (int i = 1; i < present.length; i++) {
            if (present[i] && !present[i - 1]) {
                throw new IllegalArgumentException("optional core data field " + i + " present without its predecessor");
            }
        }
    }

    private static boolean[] presence(Object... fields) {
        boolean[] p = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Object f = fields[i];
            p[i] = f instanceof OptionalInt oi ? oi.isPresent()
                    : f instanceof OptionalLong ol ? ol.isPresent() : ((Optional<?>) f).isPresent();
        }
        return p;
    }

    private int tailFieldCount() {
        boolean[] p = presence(postBeta2ColorDepth, clientProductId, serialNumber, highColorDepth, supportedColorDepths,
                earlyCapabilityFlags, clientDigProductId, connectionType, pad1octet, serverSelectedProtocol,
                desktopPhysicalWidth, desktopPhysicalHeight, desktopOrientation, desktopScaleFactor, deviceScaleFactor);
        int n = 0;
        while (n < p.length && p[n]) {
            n++;
        }
        return n;
    }

    /** The client's computer name (text before the first NUL of the 32-byte field). */
    public String clientName() {
        return Wire.stripNul(new String(clientNameField.toArray(), java.nio.charset.StandardCharsets.UTF_16LE));
    }

    public static ClientCoreData decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, FIXED_PART_SIZE, NAME);
        long version = src.readUnsignedIntLE();
        int width = src.readUnsignedShortLE();
        int height = src.readUnsignedShortLE();
        int colorDepth = src.readUnsignedShortLE();
        int sas = src.readUnsignedShortLE();
        long layout = src.readUnsignedIntLE();
        long build = src.readUnsignedIntLE();
        Bytes clientName = Bytes.read(src, 32);
        long kbType = src.readUnsignedIntLE();
        long kbSubType = src.readUnsignedIntLE();
        long kbFn = src.readUnsignedIntLE();
        Bytes ime = Bytes.read(src, 64);

        long[] v = new long[TAIL_SIZES.length];
        Bytes digProductId = null;
        int present = 0;
        while (present < TAIL_SIZES.length && src.isReadable()) {
            int size = TAIL_SIZES[present];
            if (src.readableBytes() < size) {
                throw DecodeException.invalidField(NAME, "length",
                        "optional field " + present + " truncated (" + src.readableBytes() + " of " + size + " bytes)");
            }
            switch (size) {
                case 1 -> v[present] = src.readUnsignedByte();
                case 2 -> v[present] = src.readUnsignedShortLE();
                case 4 -> v[present] = src.readUnsignedIntLE();
                default -> digProductId = Bytes.read(src, size);
            }
            present++;
        }
        // Bytes after the last field this implementation knows are newer fields: ignore them, as clients expect.
        src.skipBytes(src.readableBytes());
        return new ClientCoreData(version, width, height, colorDepth, sas, layout, build, clientName, kbType, kbSubType,
                kbFn, ime,
                oi(v, 0, present), oi(v, 1, present), ol(v, 2, present), oi(v, 3, present), oi(v, 4, present),
                oi(v, 5, present), present > 6 ? Optional.of(digProductId) : Optional.empty(), oi(v, 7, present),
                oi(v, 8, present), oi(v, 9, present), ol(v, 10, present), ol(v, 11, present), oi(v, 12, present),
                ol(v, 13, present), ol(v, 14, present));
    }

    private static OptionalInt oi(long[] v, int i, int present) {
        return i < present ? OptionalInt.of((int) v[i]) : OptionalInt.empty();
    }

    private static OptionalLong ol(long[] v, int i, int present) {
        return i < present ? OptionalLong.of(v[i]) : OptionalLong.empty();
    }

    @Override
    public int type() {
        return CS_CORE;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeIntLE((int) version);
        dst.writeShortLE(desktopWidth);
        dst.writeShortLE(desktopHeight);
        dst.writeShortLE(colorDepth);
        dst.writeShortLE(sasSequence);
        dst.writeIntLE((int) keyboardLayout);
        dst.writeIntLE((int) clientBuild);
        clientNameField.writeTo(dst);
        dst.writeIntLE((int) keyboardType);
        dst.writeIntLE((int) keyboardSubType);
        dst.writeIntLE((int) keyboardFunctionKey);
        imeFileName.writeTo(dst);
        int n = tailFieldCount();
        long[] values = {
            postBeta2ColorDepth.orElse(0), clientProductId.orElse(0), serialNumber.orElse(0), highColorDepth.orElse(0),
            supportedColorDepths.orElse(0), earlyCapabilityFlags.orElse(0), 0, connectionType.orElse(0),
            pad1octet.orElse(0), serverSelectedProtocol.orElse(0), desktopPhysicalWidth.orElse(0),
            desktopPhysicalHeight.orElse(0), desktopOrientation.orElse(0), desktopScaleFactor.orElse(0),
            deviceScaleFactor.orElse(0)};
        for (int i = 0; i < n; i++) {
            switch (TAIL_SIZES[i]) {
                case 1 -> dst.writeByte((int) values[i]);
                case 2 -> dst.writeShortLE((int) values[i]);
                case 4 -> dst.writeIntLE((int) values[i]);
                default -> clientDigProductId.orElseThrow().writeTo(dst);
            }
        }
    }

    @Override
    public int bodySize() {
        int size = FIXED_PART_SIZE;
        int n = tailFieldCount();
        for (int i = 0; i < n; i++) {
            size += TAIL_SIZES[i];
        }
        return size;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A UTF-16 fixed field of {@code bytes} bytes holding {@code text}, NUL-padded (for clients and tests). */
    public static Bytes fixedUtf16(String text, int bytes) {
        byte[] out = new byte[bytes];
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        System.arraycopy(t, 0, out, 0, Math.min(t.length, bytes - 2));
        return Bytes.of(out);
    }
}
