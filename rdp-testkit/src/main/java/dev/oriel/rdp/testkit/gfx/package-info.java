/**
 * The client side of the graphics pipeline ([MS-RDPEGFX]) for tests and benches: {@link
 * dev.oriel.rdp.testkit.gfx.GfxTestClient} runs the dynamic channel and acknowledges frames for a
 * {@link dev.oriel.rdp.testkit.client.RdpTestClient}; {@link dev.oriel.rdp.testkit.gfx.GfxClientModel} applies the
 * server's PDUs to surfaces and a bitmap cache, enforcing the rules a real client enforces.
 */
package dev.oriel.rdp.testkit.gfx;
