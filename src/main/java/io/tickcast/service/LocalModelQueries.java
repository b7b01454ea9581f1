package io.tickcast.service;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tickcast.http.ModelQueries;
import io.tickcast.stream.JsonSerde;
import io.tickcast.stream.ModelDirectory;

/** Answers {@code /models} from the symbols this instance processes. */
final class LocalModelQueries implements ModelQueries {

    private static final String PATH = "/models";

    private final ModelDirectory directory;

    LocalModelQueries(ModelDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Answer answer(String path, String query) {
        String rest = path.length() > PATH.length() ? path.substring(PATH.length() + 1) : "";
        if (rest.isEmpty()) {
            Map<String, Object> all = new LinkedHashMap<>();
            directory.all().forEach((symbol, entry) -> all.put(symbol, view(entry)));
            return json(200, all);
        }
        return directory.get(rest).map(e -> json(200, view(e)))
                .orElseGet(() -> json(404, Map.of("error", "no model for symbol " + rest + " on this instance")));
    }

    static Map<String, Object> view(ModelDirectory.Entry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("symbol", entry.outcome().prediction().symbol());
        view.put("model_version", entry.outcome().prediction().modelVersion());
        view.put("last_update_ms", entry.updatedAtMs());
        view.put("prediction", entry.outcome().prediction());
        view.put("quality", entry.outcome().quality());
        return view;
    }

    private static Answer json(int status, Object body) {
        try {
            return new Answer(status, JsonSerde.MAPPER.writeValueAsString(body), null);
        } catch (JsonProcessingException e) {
            return new Answer(500, "{\"error\":\"" + e.getOriginalMessage().replace('"', '\'') + "\"}", null);
        }
    }
}
