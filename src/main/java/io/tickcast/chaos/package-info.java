/**
 * Crash testing: runs tickcast instances as separate processes against a real broker, SIGKILLs and restarts them
 * at random (seeded) moments while ticks flow, and audits the committed predictions for lost, duplicated and
 * mismatched ones against an uninterrupted in-process run of the same pipeline.
 */
package io.tickcast.chaos;
