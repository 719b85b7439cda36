/**
 * A client-side RDP connector for fast, deterministic end-to-end tests and benchmarks of Oriel: it speaks the
 * connection sequence with Oriel's own PDU records, so it complements (never replaces) the real-client interop tests.
 */
package dev.oriel.rdp.testkit.client;
