/**
 * Audio output and input ([MS-RDPEA], [MS-RDPEAI]).
 *
 * <p>Not implemented yet: see this module's README for the plan and the issue that builds it.
 */
package dev.oriel.rdp.audio;
