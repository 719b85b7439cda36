/**
 * The exception hierarchy. All unchecked; {@link dev.oriel.rdp.core.error.DecodeException} is the single error
 * type of every decoder and names the PDU and field that were wrong.
 */
package dev.oriel.rdp.core.error;
