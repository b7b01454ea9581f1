/** Time bars: the per-bar arithmetic that both the service's windowed aggregation and the backtest use. */
package io.tickcast.bar;
