package io.tickcast.cli;

import io.tickcast.model.ForecasterSpec;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The model a bench measures: engine and shape, shared by {@code bench} and its worker processes. */
final class ModelOptions {

    private static final ForecasterSpec DEFAULTS = ForecasterSpec.defaults();

    @Option(names = "--engine", description = "the engine measured: fast, or nd4j (the same update as ND4J ops)"
            + " (default: ${DEFAULT-VALUE})")
    String engine = ForecasterSpec.FAST_ENGINE;

    @Option(names = "--hidden", description = "LSTM units per layer (default: ${DEFAULT-VALUE})")
    int hidden = DEFAULTS.hiddenSize();

    @Option(names = "--window", description = "W, points kept (default: ${DEFAULT-VALUE})")
    int window = DEFAULTS.window();

    @Option(names = "--bptt", description = "k, steps back-propagated per update, 1..W (default: ${DEFAULT-VALUE})")
    int bptt = DEFAULTS.bpttHorizon();

    @Option(names = "--update-every", description = "m, points per Adam step; m > 1 back-propagates the last m + k - 1"
            + " points every m points (default: ${DEFAULT-VALUE})")
    int updateEvery = DEFAULTS.updateEvery();

    @Option(names = "--features", description = "input features per point (default: ${DEFAULT-VALUE})")
    int features = DEFAULTS.inputSize();

    @Option(names = "--layers", description = "stacked LSTM layers (default: ${DEFAULT-VALUE})")
    int layers = DEFAULTS.layers();

    @Option(names = "--lr", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double learningRate = DEFAULTS.learningRate();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * @return the model these options describe, validated
     * @throws ParameterException naming the flag, if the model's rules refuse a value
     */
    ForecasterSpec spec() {
        try {
            return new ForecasterSpec(engine, features, hidden, layers, window, bptt, learningRate, DEFAULTS.seed(),
                    updateEvery).validate();
        } catch (ForecasterSpec.InvalidSpecException e) {
            throw new ParameterException(command.commandLine(), flag(e.field()) + " " + e.rule(ModelOptions::flag)
                    + ", was " + e.value());
        }
    }

    /** @return the flag that sets a field of the spec */
    private static String flag(ForecasterSpec.Field field) {
        return switch (field) {
            case ENGINE -> "--engine";
            case INPUT_SIZE -> "--features";
            case HIDDEN_SIZE -> "--hidden";
            case LAYERS -> "--layers";
            case WINDOW -> "--window";
            case BPTT_HORIZON -> "--bptt";
            case LEARNING_RATE -> "--lr";
            case UPDATE_EVERY -> "--update-every";
        };
    }

    /** @return these options as command-line arguments, for a worker process */
    List<String> arguments() {
        return List.of("--engine", engine, "--hidden", Integer.toString(hidden), "--window",
                Integer.toString(window), "--bptt", Integer.toString(bptt), "--update-every",
                Integer.toString(updateEvery), "--features", Integer.toString(features), "--layers",
                Integer.toString(layers), "--lr", Double.toString(learningRate));
    }
}
