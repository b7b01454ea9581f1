package io.tickcast.service;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tickcast.stream.ModelDirectory;

/** The JSON view of one model on {@code /models}. */
final class ModelView {

    private ModelView() {
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
}
