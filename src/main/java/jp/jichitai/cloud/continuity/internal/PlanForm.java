package jp.jichitai.cloud.continuity.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.jichitai.cloud.continuity.ContinuityPlan;
import jp.jichitai.cloud.continuity.ImportantSystem;
import jp.jichitai.cloud.continuity.PlanSection;

/** The plan's edit form as the browser sends it; turned into a {@link ContinuityPlan}, which validates itself. */
public class PlanForm {

    static final int BLANK_SYSTEM_ROWS = 3;

    private Map<String, String> sections = new LinkedHashMap<>();
    private List<SystemRow> systems = new ArrayList<>();
    private String changeNote = "";

    static PlanForm of(ContinuityPlan plan) {
        PlanForm form = new PlanForm();
        for (PlanSection section : PlanSection.values()) {
            form.sections.put(section.name(), plan.section(section));
        }
        plan.systems().forEach(system -> form.systems.add(new SystemRow(system.category(), system.name(),
                Integer.toString(system.targetRecoveryHours()), system.cloudProvided())));
        for (int blank = 0; blank < BLANK_SYSTEM_ROWS; blank++) {
            form.systems.add(new SystemRow("", "", "", false));
        }
        return form;
    }

    /** The plan as edited; rows without a system name are left out. */
    ContinuityPlan toPlan() {
        Map<PlanSection, String> texts = new java.util.EnumMap<>(PlanSection.class);
        for (PlanSection section : PlanSection.values()) {
            texts.put(section, sections.getOrDefault(section.name(), ""));
        }
        List<ImportantSystem> rows = new ArrayList<>();
        for (SystemRow row : systems) {
            if (row.getName() == null || row.getName().isBlank()) {
                continue;
            }
            int hours;
            try {
                hours = Integer.parseInt(row.getHours() == null ? "" : row.getHours().strip());
            } catch (NumberFormatException notANumber) {
                throw ContinuityMessages.refusal("E-CON-0016", row.getName());
            }
            rows.add(new ImportantSystem(row.getCategory(), row.getName(), hours, row.isCloudProvided()));
        }
        return new ContinuityPlan(0, Optional.empty(), "", changeNote, texts, rows);
    }

    public Map<String, String> getSections() {
        return sections;
    }

    public void setSections(Map<String, String> sections) {
        this.sections = sections;
    }

    public List<SystemRow> getSystems() {
        return systems;
    }

    public void setSystems(List<SystemRow> systems) {
        this.systems = systems;
    }

    public String getChangeNote() {
        return changeNote;
    }

    public void setChangeNote(String changeNote) {
        this.changeNote = changeNote;
    }

    /** One row of the important-systems table. */
    public static class SystemRow {
        private String category = "";
        private String name = "";
        private String hours = "";
        private boolean cloudProvided;

        public SystemRow() {
        }

        SystemRow(String category, String name, String hours, boolean cloudProvided) {
            this.category = category;
            this.name = name;
            this.hours = hours;
            this.cloudProvided = cloudProvided;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getHours() {
            return hours;
        }

        public void setHours(String hours) {
            this.hours = hours;
        }

        public boolean isCloudProvided() {
            return cloudProvided;
        }

        public void setCloudProvided(boolean cloudProvided) {
            this.cloudProvided = cloudProvided;
        }
    }
}
