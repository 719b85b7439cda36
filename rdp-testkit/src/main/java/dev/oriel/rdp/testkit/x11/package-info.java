/**
 * A small harness for interop tests that drive real X11 programs: a private {@link dev.oriel.rdp.testkit.x11.Xvfb}
 * display with screenshots read straight from its framebuffer file, {@link dev.oriel.rdp.testkit.x11.X11Tools} for
 * window search, properties and XTEST input, {@link dev.oriel.rdp.testkit.x11.XFreeRdp} for the FreeRDP client with
 * a captured, time-stamped log, and {@link dev.oriel.rdp.testkit.x11.PixelCompare} for checking what was drawn.
 *
 * <p>Every test starts with {@link dev.oriel.rdp.testkit.x11.InteropSupport#requireTools(String...)}, which skips the
 * test when a tool is missing, or fails it when the system property {@code oriel.interop.required} is {@code true}.
 * Every process the harness starts is stopped by the {@code close()} of the object that started it (SIGTERM, then
 * SIGKILL after a grace period), and, as a last resort, by a JVM shutdown hook.
 *
 * <p>The tool recipes behind this package are in {@code shared/docs/interop-recipe.md}.
 */
package dev.oriel.rdp.testkit.x11;
