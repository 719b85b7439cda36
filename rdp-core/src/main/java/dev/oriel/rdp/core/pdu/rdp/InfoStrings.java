package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** String codec of the Client Info PDU: UTF-16LE with INFO_UNICODE, else single-byte ANSI (kept byte-exact). */
final class InfoStrings {
    private InfoStrings() {
    }

    static Charset charset(boolean unicode) {
        return unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1;
    }

    static int unitSize(boolean unicode) {
        return unicode ? 2 : 1;
    }

    /** Reads {@code byteCount} bytes as text (terminators included in the count stay in the string). */
    static String read(ByteBuf src, int byteCount, int max, boolean unicode, String pdu, String field) {
        Wire.checkLimit(byteCount, max, pdu, field);
        if (unicode && (byteCount & 1) != 0) {
            throw DecodeException.invalidField(pdu, field, "odd UTF-16 byte count " + byteCount);
        }
        Wire.ensureReadable(src, byteCount, pdu);
        String s = src.toString(src.readerIndex(), byteCount, charset(unicode));
        src.skipBytes(byteCount);
        return s;
    }

    static int size(String s, boolean unicode) {
        return s.length() * unitSize(unicode);
    }

    static void write(ByteBuf dst, String s, boolean unicode) {
        dst.writeBytes(s.getBytes(charset(unicode)));
    }
}
