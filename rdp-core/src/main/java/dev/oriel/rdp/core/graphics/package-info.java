/** Pixel codecs: the RDP 6.0 planar codec ([MS-RDPEGDI] 2.2.2.5.1, 3.1.9). Pure. */
package dev.oriel.rdp.core.graphics;
