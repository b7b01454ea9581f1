package io.tickcast.cli;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.bench.BenchWorker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tickcast bench-worker} (hidden): one process of {@code tickcast bench --processes N}, answering its
 * parent on standard input and output ({@link BenchWorker}'s protocol).
 */
@Command(name = "bench-worker", hidden = true, description = "One process of `tickcast bench --processes`.")
public final class BenchWorkerCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--symbols", description = "models in this process")
    int symbols = 1;

    @Option(names = "--warmup", description = "untimed points per model first")
    int warmup;

    @Override
    public Integer call() throws Exception {
        ForecasterSpec spec = model.spec();
        try (BenchWorker worker = new BenchWorker(spec, symbols, warmup)) {
            worker.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        }
        return 0;
    }
}
