/** Typed, validated configuration: every key with its default, documentation and validator, read from a properties file and the environment. */
package io.tickcast.config;
