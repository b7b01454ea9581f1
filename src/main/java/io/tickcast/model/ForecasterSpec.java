package io.tickcast.model;

/**
 * The shape and training settings of an online forecaster.
 *
 * @param engine       which implementation: {@code "fast"} (the default) or {@code "dl4j"} (the plain
 *                     {@code MultiLayerNetwork} reference)
 * @param inputSize    features per point
 * @param hiddenSize   LSTM units per layer
 * @param layers       stacked LSTM layers
 * @param window       W, the number of most recent points kept for training
 * @param bpttHorizon  k, the number of most recent steps back-propagated through per update (1..W)
 * @param learningRate Adam's learning rate
 * @param seed         seed of the weight initialisation
 */
public record ForecasterSpec(String engine, int inputSize, int hiddenSize, int layers, int window,
                             int bpttHorizon, double learningRate, long seed) {
}
