package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * [MS-RDPECLIP] 2.2.3.1 Format List: the formats the sender's clipboard holds (delayed rendering: data only on
 * request). Two layouts, chosen by the capabilities both sides announced (P-CLIP-2), not by the bytes:
 * <ul>
 * <li>long names (both sent CB_USE_LONG_FORMAT_NAMES): formatId (4) then a NUL-terminated UTF-16LE name, repeated;</li>
 * <li>short names: formatId (4) then a 32-byte name, UTF-16LE (16 units) or, with msgFlags CB_ASCII_NAMES, ASCII
 * (32 characters), NUL-padded.</li>
 * </ul>
 *
 * @param formats  the formats, in the sender's order of preference
 * @param encoding how names are laid out
 */
public record FormatList(List<Format> formats, Encoding encoding) implements CliprdrPdu {
    public static final String NAME = "FormatList";
    static final int SHORT_NAME_BYTES = 32;

    /** The name layouts. */
    public enum Encoding { LONG, SHORT_UNICODE, SHORT_ASCII }

    /** One format: a standard id (CF_UNICODETEXT 13, …) with an empty name, or a registered format's id and name. */
    public record Format(long id, String name) {
        public static final int CF_TEXT = 1;
        public static final int CF_DIB = 8;
        public static final int CF_UNICODETEXT = 13;
        public static final int CF_HDROP = 15;
        public static final int CF_LOCALE = 16;
        public static final int CF_DIBV5 = 17;

        public Format {
            Wire.requireUnsigned(id, 0xFFFF_FFFFL, "formatId");
            Objects.requireNonNull(name, "name");
            if (name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a format name cannot contain NUL");
            }
        }
    }

    public FormatList {
        formats = List.copyOf(formats);
        Objects.requireNonNull(encoding, "encoding");
        for (Format f : formats) {
            if (encoding == Encoding.SHORT_UNICODE && Wire.utf16Size(f.name()) > SHORT_NAME_BYTES) {
                throw new IllegalArgumentException("name longer than 16 UTF-16 units: " + f.name());
            }
            if (encoding == Encoding.SHORT_ASCII
                    && (f.name().length() > SHORT_NAME_BYTES || !StandardCharsets.US_ASCII.newEncoder().canEncode(f.name()))) {
                throw new IllegalArgumentException("not an ASCII name of at most 32 characters: " + f.name());
            }
        }
    }

    /**
     * A list in the short Unicode layout, names cut to the 16 UTF-16 units the field holds (a peer without long names
     * cannot receive more; FreeRDP's server once broke on the 20-character FileGroupDescriptorW, P-CLIP-2).
     */
    public static FormatList shortNames(List<Format> formats) {
        List<Format> cut = new ArrayList<>();
        for (Format f : formats) {
            cut.add(f.name().length() <= 16 ? f : new Format(f.id(), f.name().substring(0, 16)));
        }
        return new FormatList(cut, Encoding.SHORT_UNICODE);
    }

    static FormatList decodeBody(ByteBuf body, int msgFlags, boolean longFormatNames) {
        List<Format> formats = new ArrayList<>();
        if (longFormatNames) {
            while (body.isReadable()) {
                Wire.ensureReadable(body, 4, NAME);
                long id = body.readUnsignedIntLE();
                formats.add(new Format(id, readTerminatedUtf16(body)));
            }
            return new FormatList(formats, Encoding.LONG);
        }
        boolean ascii = (msgFlags & CB_ASCII_NAMES) != 0;
        if (body.readableBytes() % (4 + SHORT_NAME_BYTES) != 0) {
            throw DecodeException.invalidField(NAME, "dataLen", "not a whole number of 36-byte short format names: "
                    + body.readableBytes());
        }
        while (body.isReadable()) {
            long id = body.readUnsignedIntLE();
            String name = ascii ? Wire.readFixedAscii(body, SHORT_NAME_BYTES, NAME)
                    : Wire.readFixedUtf16(body, SHORT_NAME_BYTES, NAME, "formatName");
            if (ascii && !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
                throw DecodeException.invalidField(NAME, "formatName", "CB_ASCII_NAMES but not ASCII");
            }
            formats.add(new Format(id, name));
        }
        return new FormatList(formats, ascii ? Encoding.SHORT_ASCII : Encoding.SHORT_UNICODE);
    }

    /** A NUL-terminated UTF-16LE string; a missing terminator is an error naming the field. */
    private static String readTerminatedUtf16(ByteBuf body) {
        int start = body.readerIndex();
        int end = start;
        while (true) {
            if (body.writerIndex() - end < 2) {
                throw DecodeException.invalidField(NAME, "wszFormatName", "no terminating NUL");
            }
            if (body.getShortLE(end) == 0) {
                break;
            }
            end += 2;
        }
        String name = Wire.readUtf16(body, end - start, NAME, "wszFormatName");
        body.skipBytes(2);
        return name;
    }

    @Override
    public int msgType() {
        return CB_FORMAT_LIST;
    }

    @Override
    public int msgFlags() {
        return encoding == Encoding.SHORT_ASCII ? CB_ASCII_NAMES : 0;
    }

    @Override
    public int bodySize() {
        if (encoding != Encoding.LONG) {
            return formats.size() * (4 + SHORT_NAME_BYTES);
        }
        return formats.stream().mapToInt(f -> 4 + Wire.utf16Size(f.name()) + 2).sum();
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        for (Format f : formats) {
            dst.writeIntLE((int) f.id());
            switch (encoding) {
                case LONG -> {
                    Wire.writeUtf16(dst, f.name());
                    dst.writeShortLE(0);
                }
                case SHORT_UNICODE -> {
                    Wire.writeUtf16(dst, f.name());
                    dst.writeZero(SHORT_NAME_BYTES - Wire.utf16Size(f.name()));
                }
                case SHORT_ASCII -> {
                    byte[] b = f.name().getBytes(StandardCharsets.US_ASCII);
                    dst.writeBytes(b);
                    dst.writeZero(SHORT_NAME_BYTES - b.length);
                }
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
