/**
 * Graphics redirection (VAIL): window surfaces in memory-mapped files shared with the client side.
 *
 * <p>Not implemented yet: see this module's README for the plan and the issue that builds it.
 */
package dev.oriel.rdp.vail;
