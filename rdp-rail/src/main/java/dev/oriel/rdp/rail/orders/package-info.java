/**
 * [MS-RDPERP] 2.2.1.3 window, notification-icon and desktop orders: what the client learns about server windows
 * through the update stream. Entry point {@link dev.oriel.rdp.rail.orders.WindowOrder}; the server sends them with
 * {@code StaticChannelContext.sendOrders}.
 */
package dev.oriel.rdp.rail.orders;
