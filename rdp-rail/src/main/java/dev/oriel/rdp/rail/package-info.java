/**
 * RemoteApp (RAIL, [MS-RDPERP]): each server window as its own client window, window orders, the app list channel.
 *
 * <p>Not implemented yet: see this module's README for the plan and the issue that builds it.
 */
package dev.oriel.rdp.rail;
