/**
 * The RemoteFX progressive codec ([MS-RDPEGFX] 2.2.4.2, 3.2.8.1, 3.3.8.2; RDPGFX_CODECID_CAPROGRESSIVE 0x0009, sent
 * in RDPGFX_WIRE_TO_SURFACE_PDU_2): {@link dev.oriel.rdp.core.graphics.progressive.ProgressiveEncoder} writes
 * TILE_SIMPLE streams with the reduce-extrapolate DWT
 * ({@link dev.oriel.rdp.core.graphics.progressive.ReduceExtrapolateDwt}), or progressive passes: a TILE_FIRST at a
 * coarse quality, then TILE_UPGRADE passes coded from a per-tile
 * {@link dev.oriel.rdp.core.graphics.progressive.ProgressiveTileState} up to the final quality;
 * {@link dev.oriel.rdp.core.graphics.progressive.ProgressiveDecoder} reads them back (also the classic DWT and
 * sub-band diffing) for tests and the client test kit. Colour conversion, RLGR1 and band quantisation are
 * the RemoteFX ones ({@code graphics.rfx}). Pure: no I/O, no threads.
 */
package dev.oriel.rdp.core.graphics.progressive;
