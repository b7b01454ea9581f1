/** The HTTP endpoint: Prometheus /metrics, /health, /ready and the model queries. */
package io.tickcast.http;
