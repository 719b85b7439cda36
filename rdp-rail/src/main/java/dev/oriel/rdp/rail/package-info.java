/**
 * RemoteApp (RAIL, [MS-RDPERP]): each server window as its own client window, window orders, the app list channel.
 *
 * <p>In progress: the {@code rail} channel PDUs are in {@link dev.oriel.rdp.rail.pdu}; the channel state machine,
 * window orders and the embedding API follow (see this module's README).
 */
package dev.oriel.rdp.rail;
