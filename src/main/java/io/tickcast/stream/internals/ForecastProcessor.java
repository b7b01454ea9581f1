package io.tickcast.stream.internals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tickcast.metrics.TickcastMetrics;
import io.tickcast.pipeline.IdleRetention;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.stream.ModelDirectory;
import io.tickcast.tick.LastTick;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-then-train for every point of the symbols of one stream task: runs the symbol's pipeline and forwards its
 * outcome. Each instance owns its pipelines (models are not thread-safe); at most {@code maxLiveModels} stay in
 * memory; the least recently used are freed, and come back on their next point from the store, which always holds
 * their state (checkpoint and journal), exactly as after a crash.
 *
 * <p>With an idle retention ({@code symbols.idle.retention}) a point of a symbol whose previous point is older than
 * the retention starts the symbol over, and every minute (wall clock) the symbols of the task whose latest tick is
 * behind the task's newest tick by more than {@code sweepAfterMs}, and which had no point since the last sweep, lose
 * all their state: the tick guard's entry and ids, the checkpoint and journal, the model in memory, its
 * {@code /models} entry and its series. The margin beyond the retention makes the deletion invisible in the
 * forecasts: such a symbol's next point would start it over anyway, unless its ticks come back later than the tick
 * guard's tolerance behind the newest, or its first tick back repeats the id of its last (with bars, only the
 * latter).
 */
public final class ForecastProcessor implements FixedKeyProcessor<String, Point, PointOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastProcessor.class);
    /** How often, in wall-clock time, idle symbols' state is deleted (with an idle retention). */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    /** The most symbols one sweep deletes (one transaction); the rest wait for the next sweep. */
    static final int SWEEP_MAX = 10_000;

    private final ForecastStores stores;
    private final PipelineFactory pipelines;
    private final TickcastMetrics metrics;
    private final ModelDirectory directory;
    private final int checkpointEvery;
    private final int maxLiveModels;
    private final IdleRetention retention;
    private final long sweepAfterMs;
    private final Map<String, LiveModel> live = new LinkedHashMap<>(16, 0.75f, true);
    /** With an idle retention: the symbols with a point since the last sweep, which it leaves alone. */
    private final Set<String> seenSinceSweep = new HashSet<>();
    private FixedKeyProcessorContext<String, PointOutcome> context;
    /** The stream task's id, as the metrics and the model directory name it. */
    private String taskId;
    private ModelStore store;
    private KeyValueStore<String, LastTick> lastTicks;
    private AcceptedIdStore tradeIds;

    public ForecastProcessor(ForecastStores stores, PipelineFactory pipelines, TickcastMetrics metrics,
                             ModelDirectory directory, int checkpointEvery, int maxLiveModels,
                             IdleRetention retention, long sweepAfterMs) {
        this.stores = stores;
        this.pipelines = pipelines;
        this.metrics = metrics;
        this.directory = directory;
        this.checkpointEvery = checkpointEvery;
        this.maxLiveModels = maxLiveModels;
        this.retention = retention;
        this.sweepAfterMs = sweepAfterMs;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PointOutcome> context) {
        this.context = context;
        this.taskId = context.taskId().toString();
        this.store = new ModelStore(context.getStateStore(stores.checkpoints()),
                context.getStateStore(stores.journal()), checkpointEvery);
        this.lastTicks = context.getStateStore(stores.tickGuard());
        this.tradeIds = new AcceptedIdStore(context.getStateStore(stores.tradeIds()));
        closeAll();
        if (retention.enabled()) {
            context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
        }
    }

    @Override
    public void process(FixedKeyRecord<String, Point> record) {
        Point point = record.value();
        if (retention.enabled()) {
            seenSinceSweep.add(point.symbol());
        }
        LiveModel model = live.get(point.symbol());
        if (model == null) {
            model = load(point.symbol(), point.ts());
            live.put(point.symbol(), model);
        } else if (retention.startsOver(model.lastTs, point.ts())) {
            expire(point.symbol());
            model = LiveModel.fresh(pipelines.create(point.symbol()));
            live.put(point.symbol(), model);
        }
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
        model.lastTs = point.ts();
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
        unload(point.symbol()); // its series and /models entry come back with its model, on its next point
    }

    /**
     * A symbol's model from its stored state: the checkpoint with the journal's newer points replayed. A symbol idle
     * for longer than the retention before {@code pointTs} starts over instead.
     */
    private LiveModel load(String symbol, long pointTs) {
        SymbolPipeline pipeline = null;
        try {
            ModelStore.Checkpoint cp = store.checkpoint(symbol);
            long seq = cp == null ? 0 : cp.seq();
            // The journal's ring still holds the checkpoint's own point: it was journaled under the same number.
            List<ModelStore.Entry> journal = store.journalAfter(symbol, seq - 1);
            long lastTs = journal.isEmpty() ? Long.MIN_VALUE : journal.get(journal.size() - 1).point().ts();
            if (retention.startsOver(lastTs, pointTs)) {
                expire(symbol);
                return LiveModel.fresh(pipelines.create(symbol));
            }
            pipeline = cp == null ? pipelines.create(symbol) : pipelines.restore(cp.snapshot());
            LiveModel model = new LiveModel(pipeline, seq, seq, lastTs);
            for (ModelStore.Entry e : journal) {
                if (e.seq() > seq) {
                    pipeline.process(e.point());
                    model.seq = e.seq();
                }
            }
            metrics.modelLoaded(cp != null || model.seq > seq);
            return model;
        } catch (RuntimeException e) {
            if (pipeline != null) {
                pipeline.close(); // restored, then its journal failed: free its model's memory (native with ND4J)
            }
            LOG.error("Model state of symbol {} cannot be read; the symbol starts fresh", symbol, e);
            metrics.snapshotUnreadable();
            store.drop(symbol);
            return LiveModel.fresh(pipelines.create(symbol));
        }
    }

    /**
     * Forgets an idle symbol's model: in memory (with its series and {@code /models} entry) and its checkpoint and
     * journal. The tick guard's state is the caller's: a new point keeps it (its tick is there already), the sweep
     * deletes it.
     */
    private void expire(String symbol) {
        unload(symbol);
        store.drop(symbol);
        metrics.symbolExpired();
    }

    /** Frees a symbol's model, if it is in memory, and ends its series and its {@code /models} entry. */
    private void unload(String symbol) {
        LiveModel model = live.remove(symbol);
        if (model != null) {
            model.pipeline.close();
            metrics.forgetSymbol(symbol);
            directory.remove(symbol, taskId);
        }
    }

    /**
     * Deletes all state of the task's symbols whose latest tick is behind the task's newest by more than the margin
     * and which had no point since the last sweep (a symbol whose feed lags the others' by more than the retention
     * but still trades is left alone), at most {@link #SWEEP_MAX} of them.
     */
    private void sweep() {
        List<KeyValue<String, Long>> latest = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        try (KeyValueIterator<String, LastTick> it = lastTicks.all()) {
            while (it.hasNext()) {
                KeyValue<String, LastTick> kv = it.next();
                latest.add(KeyValue.pair(kv.key, kv.value.ts()));
                newest = Math.max(newest, kv.value.ts());
            }
        }
        List<String> deleted = new ArrayList<>();
        for (KeyValue<String, Long> symbol : latest) {
            if (deleted.size() == SWEEP_MAX) {
                break;
            }
            if (newest - symbol.value > sweepAfterMs && !seenSinceSweep.contains(symbol.key)) {
                LOG.debug("Symbol {}: latest tick at {}, the task's newest at {}; its state is deleted", symbol.key,
                        symbol.value, newest);
                lastTicks.delete(symbol.key);
                tradeIds.forget(symbol.key);
                expire(symbol.key);
                deleted.add(symbol.key);
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("Deleted the state of {} symbol(s) of task {} whose latest tick was more than {} ms before its"
                    + " newest ({}{})", deleted.size(), taskId, sweepAfterMs,
                    String.join(", ", deleted.subList(0, Math.min(5, deleted.size()))),
                    deleted.size() > 5 ? ", ..." : "");
        }
        seenSinceSweep.clear();
        metrics.liveModels(taskId, live.size());
    }

    private void evictBeyondCap() {
        while (live.size() > maxLiveModels) {
            unload(live.keySet().iterator().next()); // the least recently used
            metrics.modelEvicted();
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
        List.copyOf(live.keySet()).forEach(this::unload);
    }
}
