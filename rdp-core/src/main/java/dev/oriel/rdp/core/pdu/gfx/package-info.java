/**
 * [MS-RDPEGFX] graphics pipeline PDUs as records; entry point {@link dev.oriel.rdp.core.pdu.gfx.GfxPdu#decode}. The
 * first increment of the graphics issue: capabilities, surfaces, frames and their acknowledgements, solid fills and
 * wire-to-surface commands. The channel, caches and codecs follow.
 */
package dev.oriel.rdp.core.pdu.gfx;
