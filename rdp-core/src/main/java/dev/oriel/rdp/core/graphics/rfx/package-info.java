/**
 * The RemoteFX codec ([MS-RDPRFX]): {@link dev.oriel.rdp.core.graphics.rfx.RfxMessageEncoder} writes encode
 * messages for surface-bits commands and for RDPGFX CAVIDEO WireToSurface1 PDUs;
 * {@link dev.oriel.rdp.core.graphics.rfx.RfxDecoder} reads them back for tests and the client test kit. The stages
 * (colour conversion, DWT, quantisation, RLGR) are separate classes so each can be checked against public vectors.
 * Pure: no I/O, no threads.
 */
package dev.oriel.rdp.core.graphics.rfx;
