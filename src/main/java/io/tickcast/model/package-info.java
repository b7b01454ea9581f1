/** Online forecasters: the model engines (Deeplearning4j/ND4J) behind a small interface that speaks plain Java values; the only package that imports ND4J or DL4J. */
package io.tickcast.model;
