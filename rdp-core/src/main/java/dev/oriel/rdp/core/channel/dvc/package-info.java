/**
 * Dynamic virtual channels ([MS-RDPEDYC]) over the static {@code drdynvc} channel: the processor SPI, the DVC
 * PDUs and the server-side host with bounded reassembly. Pure.
 */
package dev.oriel.rdp.core.channel.dvc;
