/**
 * Pixel codecs: the RDP 6.0 planar codec, lossless or with colour loss reduction and chroma subsampling
 * ([MS-RDPEGDI] 2.2.2.5.1, 3.1.9), and the graphics pipeline's alpha codec ([MS-RDPEGFX] 2.2.4.3). Pure.
 */
package dev.oriel.rdp.core.graphics;
