package io.tickcast.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tickcast.http.ModelQueries;
import io.tickcast.stream.JsonSerde;
import io.tickcast.stream.ModelDirectory;
import io.tickcast.stream.TickcastTopology;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers {@code /models} across instances: a symbol this instance processes is answered here; for any other, Kafka
 * Streams' metadata tells which instance holds it, and the answer is a redirect (307) to that instance.
 */
final class ClusterModelQueries implements ModelQueries {

    private static final String PATH = "/models";
    private static final StringSerializer KEYS = new StringSerializer();

    private final ModelDirectory directory;
    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;

    ClusterModelQueries(ModelDirectory directory, Supplier<KafkaStreams> streams, Supplier<HostInfo> self) {
        this.directory = directory;
        this.streams = streams;
        this.self = self;
    }

    @Override
    public Answer answer(String path, String query) {
        String symbol = path.length() > PATH.length() + 1 ? path.substring(PATH.length() + 1) : "";
        return symbol.isEmpty() ? all() : one(symbol);
    }

    private Answer all() {
        Map<String, Object> body = new LinkedHashMap<>();
        HostInfo me = self.get();
        body.put("instance", me.host() + ":" + me.port());
        body.put("instances", instances());
        Map<String, Object> models = new LinkedHashMap<>();
        directory.all().forEach((symbol, entry) -> models.put(symbol, ModelView.view(entry)));
        body.put("models", models);
        return json(200, body, null);
    }

    private Answer one(String symbol) {
        var local = directory.get(symbol);
        if (local.isPresent()) {
            return json(200, ModelView.view(local.get()), null);
        }
        KafkaStreams running = streams.get();
        KeyQueryMetadata where = running == null ? KeyQueryMetadata.NOT_AVAILABLE
                : running.queryMetadataForKey(TickcastTopology.CHECKPOINT_STORE, symbol, KEYS);
        if (where == null || KeyQueryMetadata.NOT_AVAILABLE.equals(where)) {
            return json(503, Map.of("error", "where " + symbol + " lives is not known yet (starting or rebalancing)"),
                    null);
        }
        HostInfo owner = where.activeHost();
        if (owner.equals(self.get())) {
            return json(404, Map.of("error", "no model of " + symbol
                    + " in memory on this instance: no point of it since it started, or its model was freed"
                    + " (models.max.live, a failed point, or symbols.idle.retention); it is listed again after its"
                    + " next point"),
                    null);
        }
        String location = "http://" + owner.host() + ":" + owner.port() + PATH + "/" + symbol;
        return json(307, Map.of("symbol", symbol, "instance", owner.host() + ":" + owner.port()), location);
    }

    private List<String> instances() {
        KafkaStreams running = streams.get();
        if (running == null) {
            return List.of();
        }
        return running.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .map(h -> h.host() + ":" + h.port()).sorted().toList();
    }

    private static Answer json(int status, Object body, String redirect) {
        try {
            return new Answer(status, JsonSerde.MAPPER.writeValueAsString(body), redirect);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write /models answer", e);
        }
    }
}
