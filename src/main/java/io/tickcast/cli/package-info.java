/** The command line: picocli commands that only wire the other packages together (the only place that prints to standard output). */
package io.tickcast.cli;
