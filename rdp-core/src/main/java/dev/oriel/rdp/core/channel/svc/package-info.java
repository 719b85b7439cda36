/**
 * Static virtual channels ([MS-RDPBCGR] 2.2.6, 3.1.5.2): the processor SPI, channel PDU header, chunking and
 * bounded reassembly. Pure.
 */
package dev.oriel.rdp.core.channel.svc;
