/** End-to-end benchmarks: the real service on a real (in-process) broker, measured as a user's clients see it. */
package io.tickcast.bench;
