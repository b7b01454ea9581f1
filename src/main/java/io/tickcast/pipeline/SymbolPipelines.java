package io.tickcast.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One pipeline per symbol, for the offline runs (backtests, the chaos runs' reference) that process points as the
 * service's forecast processor does: a symbol's pipeline is made on its first point, and a point of a symbol idle
 * for longer than the {@link IdleRetention} starts it over with a fresh one, as in the service. Not thread-safe.
 */
public final class SymbolPipelines implements AutoCloseable {

    private final Function<String, SymbolPipeline> create;
    private final IdleRetention retention;
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    /**
     * @param create    makes a symbol's fresh pipeline
     * @param retention how long a silent symbol keeps its pipeline
     */
    public SymbolPipelines(Function<String, SymbolPipeline> create, IdleRetention retention) {
        this.create = create;
        this.retention = retention;
    }

    private static final class Slot {
        SymbolPipeline pipeline;
        long lastTs = Long.MIN_VALUE;
        long restarts;

        Slot(SymbolPipeline pipeline) {
            this.pipeline = pipeline;
        }
    }

    /**
     * @param point the next point of its symbol
     * @return the pipeline that processes it: the symbol's, or a fresh one when the symbol starts (over)
     */
    public SymbolPipeline forPoint(Point point) {
        Slot slot = slots.get(point.symbol());
        if (slot == null) {
            slot = new Slot(create.apply(point.symbol()));
            slots.put(point.symbol(), slot);
        } else if (retention.startsOver(slot.lastTs, point.ts())) {
            slot.pipeline.close();
            slot.pipeline = create.apply(point.symbol());
            slot.restarts++;
        }
        slot.lastTs = point.ts();
        return slot.pipeline;
    }

    /** @return how many times {@code symbol} started over after a silence longer than the retention */
    public long restarts(String symbol) {
        Slot slot = slots.get(symbol);
        return slot == null ? 0 : slot.restarts;
    }

    @Override
    public void close() {
        slots.values().forEach(s -> s.pipeline.close());
    }
}
