/**
 * The public embedding API: build and start an {@link dev.oriel.rdp.core.api.RdpServer}, admit clients
 * ({@link dev.oriel.rdp.core.api.SessionAdmission}), push pixels and pointers through a
 * {@link dev.oriel.rdp.core.api.Session}, receive input through a {@link dev.oriel.rdp.core.api.SessionListener}.
 *
 * <p>Contract for every type here: methods are thread-safe and non-blocking; callbacks run on the connection's
 * event loop and must not block; values passed in are not retained beyond the call unless stated.
 */
package dev.oriel.rdp.core.api;
