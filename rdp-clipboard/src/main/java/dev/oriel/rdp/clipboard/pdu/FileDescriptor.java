package dev.oriel.rdp.clipboard.pdu;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * [MS-RDPECLIP] 2.2.5.2.3.1 File Descriptor (FILEDESCRIPTORW, 592 bytes): flags (4), clsid (16), sizel (8),
 * pointl (8), fileAttributes (4), creation, last access and last write times (8 each, FILETIME), nFileSizeHigh (4),
 * nFileSizeLow (4), cFileName (520, UTF-16, NUL-padded; a relative path with {@code \} separators). A
 * FileGroupDescriptorW format's data is cItems (4) then the descriptors (2.2.5.2.3).
 *
 * @param name the name as the peer sent it: untrusted, see {@code FileNames.sanitize}
 */
public record FileDescriptor(long flags, long attributes, long lastWriteTime, long size, String name) {
    public static final String NAME = "FileDescriptor";
    public static final int SIZE = 592;
    public static final int FD_ATTRIBUTES = 0x0000_0004;
    public static final int FD_WRITESTIME = 0x0000_0020;
    public static final int FD_FILESIZE = 0x0000_0040;
    public static final int FD_SHOWPROGRESSUI = 0x0000_4000;
    public static final int FILE_ATTRIBUTE_DIRECTORY = 0x10;
    public static final int FILE_ATTRIBUTE_NORMAL = 0x80;
    /** More entries than a file list needs; bounds decoding. */
    public static final int MAX_ITEMS = 65_536;

    public FileDescriptor {
        Wire.requireUnsigned(flags, 0xFFFF_FFFFL, "flags");
        Wire.requireUnsigned(attributes, 0xFFFF_FFFFL, "fileAttributes");
        Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }

    public boolean isDirectory() {
        return (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
    }

    /** Reads a FileGroupDescriptorW list. */
    public static List<FileDescriptor> decodeList(byte[] data) {
        ByteBuf src = Unpooled.wrappedBuffer(data);
        Wire.ensureReadable(src, 4, NAME);
        long count = src.readUnsignedIntLE();
        if (count > MAX_ITEMS) {
            throw DecodeException.limitExceeded(NAME, "cItems", count, MAX_ITEMS);
        }
        if (src.readableBytes() < count * SIZE) {
            throw DecodeException.invalidField(NAME, "cItems", count + " descriptors need " + count * SIZE
                    + " bytes, " + src.readableBytes() + " left");
        }
        List<FileDescriptor> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            long flags = src.readUnsignedIntLE();
            src.skipBytes(16 + 8 + 8); // clsid, sizel, pointl: shell details Oriel does not use
            long attributes = src.readUnsignedIntLE();
            src.skipBytes(16); // creation and last access times
            long written = src.readLongLE();
            long high = src.readUnsignedIntLE();
            long low = src.readUnsignedIntLE();
            if (high > 0x7FFF_FFFFL) {
                throw DecodeException.invalidField(NAME, "nFileSizeHigh", "size beyond 2^63");
            }
            String name = Wire.readFixedUtf16(src, 520, NAME, "cFileName");
            out.add(new FileDescriptor(flags, attributes, written, high << 32 | low, name));
        }
        return out;
    }

    /** Writes a FileGroupDescriptorW list. */
    public static byte[] encodeList(List<FileDescriptor> files) {
        ByteBuf dst = Unpooled.buffer(4 + files.size() * SIZE);
        dst.writeIntLE(files.size());
        for (FileDescriptor f : files) {
            dst.writeIntLE((int) f.flags());
            dst.writeZero(16 + 8 + 8);
            dst.writeIntLE((int) f.attributes());
            dst.writeZero(16);
            dst.writeLongLE(f.lastWriteTime());
            dst.writeIntLE((int) (f.size() >>> 32));
            dst.writeIntLE((int) f.size());
            Wire.writeFixedUtf16(dst, f.name(), 520, NAME, "cFileName");
        }
        byte[] out = new byte[dst.readableBytes()];
        dst.readBytes(out);
        return out;
    }
}
