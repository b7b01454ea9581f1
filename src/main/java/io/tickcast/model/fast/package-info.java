/**
 * The fast engine: LSTM forward, truncated back-propagation and Adam computed on pre-allocated float arrays
 * (DL4J weight initialisation and gate order), with no allocation and no native call per point.
 */
package io.tickcast.model.fast;
