/**
 * ClearCodec ([MS-RDPEGFX] 2.2.4.1, RDPGFX_CODECID_CLEARCODEC): the graphics pipeline's lossless codec for text and
 * UI. {@link dev.oriel.rdp.core.graphics.clear.ClearEncoder} writes bitmap streams with the residual, bands
 * (vertical bars with their caches) and subcodec (uncompressed, RLEX) layers and the glyph cache;
 * {@link dev.oriel.rdp.core.graphics.clear.ClearDecoder} reads them back for tests and the client test kit. Both
 * keep the cache state of the session's one ClearCodec decompressor, so each is one instance per graphics channel.
 * Pure: no I/O, no threads, no clock.
 */
package dev.oriel.rdp.core.graphics.clear;
