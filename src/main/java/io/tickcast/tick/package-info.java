/** Ticks as they arrive: the tick record, JSON parsing and validation with a reason for every rejection, and readers of tick files (CSV, JSON lines). */
package io.tickcast.tick;
