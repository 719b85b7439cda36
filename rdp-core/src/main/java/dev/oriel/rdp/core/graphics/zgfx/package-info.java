/**
 * RDP 8.0 bulk compression (ZGFX, [MS-RDPEGFX] 2.2.5 and 3.1.9.1) of the graphics pipeline channel:
 * {@link dev.oriel.rdp.core.graphics.zgfx.ZgfxCompressor} for the server's direction and
 * {@link dev.oriel.rdp.core.graphics.zgfx.ZgfxDecompressor} for the client's side in tests, one of each per channel
 * direction because both keep the 2.5 MB history of the whole stream. The segment containers are
 * {@link dev.oriel.rdp.core.pdu.gfx.ZgfxSegments}. Pure.
 */
package dev.oriel.rdp.core.graphics.zgfx;
