/** Micrometer meter binders: every tickcast metric name is defined here, once. */
package io.tickcast.metrics;
