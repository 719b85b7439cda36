/** Small wire structures shared by several PDU families. Pure. */
package dev.oriel.rdp.core.pdu.common;
