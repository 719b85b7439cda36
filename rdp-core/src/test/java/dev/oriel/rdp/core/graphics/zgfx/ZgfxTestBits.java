package dev.oriel.rdp.core.graphics.zgfx;

import java.io.ByteArrayOutputStream;

/** Builds hand-made RDP 8.0 bit streams for tests: bits most significant first, then the padding-count byte. */
final class ZgfxTestBits {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int current;
    private int count;

    /** Appends a string of '0' and '1' (spaces ignored). */
    ZgfxTestBits bits(String binary) {
        for (char c : binary.toCharArray()) {
            if (c == ' ') {
                continue;
            }
            current = current << 1 | (c == '1' ? 1 : 0);
            if (++count == 8) {
                bytes.write(current);
                current = 0;
                count = 0;
            }
        }
        return this;
    }

    /** Appends {@code n} bits of {@code value}. */
    ZgfxTestBits value(int value, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = n - 1; i >= 0; i--) {
            s.append((value >>> i & 1) == 1 ? '1' : '0');
        }
        return bits(s.toString());
    }

    /** Pads to a byte boundary with zeros and appends whole bytes (an unencoded run's body). */
    ZgfxTestBits align() {
        while (count != 0) {
            bits("0");
        }
        return this;
    }

    ZgfxTestBits raw(byte[] b) {
        align();
        bytes.writeBytes(b);
        return this;
    }

    /** The segment: header 0x24, the bits padded with zeros, then the count of padding bits. */
    byte[] segment() {
        return segment(-1);
    }

    /** The segment with the padding byte forced to {@code paddingByte} (if not negative). */
    byte[] segment(int paddingByte) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x24);
        out.writeBytes(bytes.toByteArray());
        int padding = 0;
        if (count > 0) {
            padding = 8 - count;
            out.write(current << padding);
        }
        out.write(paddingByte >= 0 ? paddingByte : padding);
        return out.toByteArray();
    }
}
