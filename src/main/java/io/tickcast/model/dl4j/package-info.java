/** The plain Deeplearning4j {@code MultiLayerNetwork} engine: the reference the fast engine is checked and measured against. */
package io.tickcast.model.dl4j;
