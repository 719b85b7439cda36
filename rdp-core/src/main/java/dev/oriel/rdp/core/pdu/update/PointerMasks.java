package dev.oriel.rdp.core.pdu.update;

import dev.oriel.rdp.core.error.DecodeException;

/** Scan-line sizes of pointer masks ([MS-RDPBCGR] 2.2.9.1.1.4.4): every mask row is padded to 2 bytes. */
final class PointerMasks {
    private PointerMasks() {
    }

    static int xorScanline(int width, int xorBpp) {
        int bytes = (width * xorBpp + 7) / 8;
        return (bytes + 1) & ~1;
    }

    static int andScanline(int width) {
        int bytes = (width + 7) / 8;
        return (bytes + 1) & ~1;
    }

    /** The AND mask is optional (length 0); when present both lengths must match the size exactly, as FreeRDP checks. */
    static void check(String pdu, int width, int height, int xorBpp, long xorLength, long andLength) {
        if (xorLength != (long) xorScanline(width, xorBpp) * height) {
            throw DecodeException.invalidField(pdu, "lengthXorMask", xorLength + " does not match " + width + "x"
                    + height + " at " + xorBpp + " bpp");
        }
        if (andLength != 0 && andLength != (long) andScanline(width) * height) {
            throw DecodeException.invalidField(pdu, "lengthAndMask", andLength + " does not match " + width + "x" + height);
        }
    }
}
