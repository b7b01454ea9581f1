package io.tickcast.stream.internals;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tickcast.metrics.TickcastMetrics;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.stream.ModelDirectory;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-then-train for every point of the symbols of one stream task: runs the symbol's pipeline and forwards its
 * outcome. Each instance owns its pipelines (models are not thread-safe); at most {@code maxLiveModels} stay in
 * memory; the least recently used are freed, and come back on their next point from the store, which always holds
 * their state (checkpoint and journal), exactly as after a crash.
 */
public final class ForecastProcessor implements FixedKeyProcessor<String, Point, PointOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastProcessor.class);

    private final ForecastStores stores;
    private final PipelineFactory pipelines;
    private final TickcastMetrics metrics;
    private final ModelDirectory directory;
    private final int checkpointEvery;
    private final int maxLiveModels;
    private final Map<String, LiveModel> live = new LinkedHashMap<>(16, 0.75f, true);
    private FixedKeyProcessorContext<String, PointOutcome> context;
    /** The stream task's id, as the metrics and the model directory name it. */
    private String taskId;
    private ModelStore store;

    public ForecastProcessor(ForecastStores stores, PipelineFactory pipelines, TickcastMetrics metrics,
                             ModelDirectory directory, int checkpointEvery, int maxLiveModels) {
        this.stores = stores;
        this.pipelines = pipelines;
        this.metrics = metrics;
        this.directory = directory;
        this.checkpointEvery = checkpointEvery;
        this.maxLiveModels = maxLiveModels;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PointOutcome> context) {
        this.context = context;
        this.taskId = context.taskId().toString();
        this.store = new ModelStore(context.getStateStore(stores.checkpoints()),
                context.getStateStore(stores.journal()), checkpointEvery);
        closeAll();
    }

    @Override
    public void process(FixedKeyRecord<String, Point> record) {
        Point point = record.value();
        LiveModel model = live.computeIfAbsent(point.symbol(), this::load);
        long started = System.nanoTime();
        PointOutcome outcome;
        byte[] checkpoint = null;
        try {
            outcome = model.pipeline.process(point);
            if (model.seq + 1 - model.checkpointSeq >= checkpointEvery) {
                checkpoint = model.pipeline.snapshot();
            }
        } catch (RuntimeException e) {
            failed(point, model, e);
            return;
        }
        long updateNanos = System.nanoTime() - started;
        model.seq++;
        store.append(model.seq, point);
        if (checkpoint != null) {
            store.writeCheckpoint(point.symbol(), model.seq, checkpoint);
            model.checkpointSeq = model.seq;
        }
        double latencyMs = Math.max(0, System.currentTimeMillis() - point.ingestMs());
        PointOutcome emitted = new PointOutcome(outcome.prediction().withLatencyMs(latencyMs), outcome.quality(),
                outcome.driftEvents());
        metrics.pointProcessed(emitted, updateNanos, latencyMs);
        directory.update(point.symbol(), taskId, emitted);
        context.forward(record.withValue(emitted).withTimestamp(point.ingestMs()));
        evictBeyondCap();
    }

    /**
     * A point the pipeline could not process, or whose checkpoint could not be taken: the model may be half-updated,
     * so it is dropped and comes back from the store (which does not contain this point) on the symbol's next point.
     * The stream goes on.
     */
    private void failed(Point point, LiveModel model, RuntimeException e) {
        String where = context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
        LOG.error("Point of {} at ts {} ({}, task {}) could not be processed; the model reloads from its stored state",
                point.symbol(), point.ts(), where, context.taskId(), e);
        metrics.pointFailed();
        model.pipeline.close();
        live.remove(point.symbol());
        metrics.forgetSymbol(point.symbol()); // its series come back with its model, on its next point
        directory.remove(point.symbol(), taskId);
    }

    private LiveModel load(String symbol) {
        SymbolPipeline pipeline = null;
        try {
            ModelStore.Checkpoint cp = store.checkpoint(symbol);
            pipeline = cp == null ? pipelines.create(symbol) : pipelines.restore(cp.snapshot());
            long seq = cp == null ? 0 : cp.seq();
            LiveModel model = new LiveModel(pipeline, seq, seq);
            List<ModelStore.Entry> journal = store.journalAfter(symbol, seq);
            for (ModelStore.Entry e : journal) {
                pipeline.process(e.point());
                model.seq = e.seq();
            }
            metrics.modelLoaded(cp != null || !journal.isEmpty());
            return model;
        } catch (RuntimeException e) {
            if (pipeline != null) {
                pipeline.close(); // restored, then its journal failed: free its model's memory (native with ND4J)
            }
            LOG.error("Model state of symbol {} cannot be read; the symbol starts fresh", symbol, e);
            metrics.snapshotUnreadable();
            store.drop(symbol);
            return new LiveModel(pipelines.create(symbol), 0, 0);
        }
    }

    private void evictBeyondCap() {
        Iterator<Map.Entry<String, LiveModel>> it = live.entrySet().iterator();
        while (live.size() > maxLiveModels && it.hasNext()) {
            Map.Entry<String, LiveModel> eldest = it.next();
            eldest.getValue().pipeline.close();
            it.remove();
            metrics.modelEvicted();
            metrics.forgetSymbol(eldest.getKey());
            directory.remove(eldest.getKey(), taskId);
        }
        metrics.liveModels(taskId, live.size());
    }

    @Override
    public void close() {
        closeAll();
        if (context != null) {
            metrics.liveModels(taskId, 0);
            directory.removeTask(taskId);
        }
    }

    private void closeAll() {
        live.forEach((symbol, m) -> {
            m.pipeline.close();
            metrics.forgetSymbol(symbol);
        });
        live.clear();
    }
}
