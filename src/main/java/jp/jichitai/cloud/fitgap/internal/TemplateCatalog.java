package jp.jichitai.cloud.fitgap.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import jp.jichitai.cloud.fitgap.FitGapMessages;
import jp.jichitai.cloud.fitgap.ProcedureTemplate;
import jp.jichitai.cloud.fitgap.StandardTemplates;

/** The standard templates, each read from the class path once. */
@Component
class TemplateCatalog {

    static final String DEFAULT_TEMPLATE = "victim-support";

    private final Map<String, ProcedureTemplate> loaded = new ConcurrentHashMap<>();

    ProcedureTemplate byId(String id) {
        if (id == null || !id.matches("[a-z0-9-]{1,40}")) {
            throw FitGapMessages.refusal("E-FIT-0005", String.valueOf(id));
        }
        return loaded.computeIfAbsent(id, StandardTemplates::byId);
    }
}
