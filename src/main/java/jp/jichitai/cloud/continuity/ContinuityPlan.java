package jp.jichitai.cloud.continuity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.jichitai.cloud.continuity.internal.ContinuityMessages;

/**
 * 利用継続計画 (continuity plan) of a tenant: what the town does to keep using the cloud when it is hit by a
 * disaster. One version of it; every save appends a new version ({@code version} 0 is the initial template,
 * never saved).
 */
public record ContinuityPlan(int version, Optional<Instant> savedAt, String savedBy, String changeNote,
        Map<PlanSection, String> sections, List<ImportantSystem> systems) {

    public ContinuityPlan {
        EnumMap<PlanSection, String> complete = new EnumMap<>(PlanSection.class);
        for (PlanSection section : PlanSection.values()) {
            String body = sections.getOrDefault(section, "");
            body = body == null ? "" : body.replace("\r\n", "\n").strip();
            if (body.length() > PlanSection.MAXIMUM_LENGTH) {
                throw ContinuityMessages.refusal("E-CON-0015", section.title(), PlanSection.MAXIMUM_LENGTH);
            }
            complete.put(section, body);
        }
        sections = Collections.unmodifiableMap(complete);
        systems = List.copyOf(systems);
        changeNote = changeNote == null ? "" : changeNote.strip();
    }

    public String section(PlanSection section) {
        return sections.get(section);
    }

    public boolean isTemplate() {
        return version == 0;
    }

    /** The plan every town starts from: the source document's structure, wording and 24-hour targets. */
    public static ContinuityPlan template() {
        Map<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
        PlanSection current = null;
        StringBuilder body = new StringBuilder();
        for (String line : lines("/continuity/plan-template.txt")) {
            if (line.startsWith("## ")) {
                if (current != null) {
                    sections.put(current, body.toString());
                }
                current = PlanSection.valueOf(line.substring(3).strip());
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, body.toString());
        }
        List<ImportantSystem> systems = new ArrayList<>();
        for (String line : lines("/continuity/important-systems.tsv")) {
            String[] fields = line.split("\t");
            systems.add(new ImportantSystem(fields[0], fields[1], Integer.parseInt(fields[2]),
                    Boolean.parseBoolean(fields[3])));
        }
        return new ContinuityPlan(0, Optional.empty(), "", "", sections, systems);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ContinuityPlan.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.startsWith("# ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
