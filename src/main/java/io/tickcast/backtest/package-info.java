/** Offline evaluation through the service's own per-symbol pipeline: backtests of tick files with JSON and HTML reports, and the drift-detector harness. */
package io.tickcast.backtest;
