/** In-process benchmarks of the forecaster engines; they return figures, the {@code cli} prints them. */
package io.tickcast.model.bench;
