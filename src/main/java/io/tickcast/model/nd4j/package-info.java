/**
 * The nd4j engine: the fast engine's per-point update (truncated back-propagation, Adam) computed by ND4J ops
 * (single-step LSTM cell ops, {@code matmul}, {@code adam_updater}) through op contexts built once and reused.
 */
package io.tickcast.model.nd4j;
