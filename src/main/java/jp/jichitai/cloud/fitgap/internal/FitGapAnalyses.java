package jp.jichitai.cloud.fitgap.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.fitgap.FitGapAnalysis;
import jp.jichitai.cloud.fitgap.FitGapClass;
import jp.jichitai.cloud.fitgap.FitGapSummary;
import jp.jichitai.cloud.fitgap.ProcedureTemplate;
import jp.jichitai.cloud.fitgap.StepAssessment;
import jp.jichitai.cloud.fitgap.StepNumber;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * The towns' フィット&ギャップ分析 (tables fitgap_analysis and fitgap_assessment, tenant-owned). Every
 * statement names the town, and row-level security enforces it again on PostgreSQL.
 */
@Repository
class FitGapAnalyses {

    private final JdbcClient jdbc;
    private final TemplateCatalog templates;

    FitGapAnalyses(JdbcClient jdbc, TemplateCatalog templates) {
        this.jdbc = jdbc;
        this.templates = templates;
    }

    /** Starts an analysis of the given steps of a template; numbered per town under a row lock. */
    @Transactional
    public long create(TenantCode tenant, ProcedureTemplate template, Integer templateVersion, String title,
            List<StepNumber> steps, String createdBy) {
        long id = nextNumber(tenant);
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                INSERT INTO fitgap_analysis (tenant_id, analysis_id, template_id, template_version, title, step_numbers,
                       created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), id, template.id(), templateVersion, title,
                        steps.stream().map(StepNumber::value).collect(Collectors.joining(",")), createdBy, now, now)
                .update();
        return id;
    }

    private long nextNumber(TenantCode tenant) {
        Optional<Long> last = jdbc.sql("SELECT last_id FROM fitgap_counter WHERE tenant_id = ? FOR UPDATE")
                .param(tenant.value()).query(Long.class).optional();
        if (last.isEmpty()) {
            jdbc.sql("INSERT INTO fitgap_counter (tenant_id, last_id) VALUES (?, 1)").param(tenant.value()).update();
            return 1;
        }
        jdbc.sql("UPDATE fitgap_counter SET last_id = ? WHERE tenant_id = ?").params(last.get() + 1, tenant.value())
                .update();
        return last.get() + 1;
    }

    @Transactional(readOnly = true)
    public List<StoredAnalysis> all(TenantCode tenant) {
        return jdbc.sql("SELECT * FROM fitgap_analysis WHERE tenant_id = ? ORDER BY analysis_id DESC")
                .param(tenant.value())
                .query((rs, row) -> analysisOf(tenant, rs))
                .list()
                .stream().map(analysis -> withAssessments(tenant, analysis)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<StoredAnalysis> find(TenantCode tenant, long id) {
        return jdbc.sql("SELECT * FROM fitgap_analysis WHERE tenant_id = ? AND analysis_id = ?")
                .params(tenant.value(), id)
                .query((rs, row) -> analysisOf(tenant, rs))
                .optional()
                .map(analysis -> withAssessments(tenant, analysis));
    }

    /** Records the latest assessment of a step; false when the town has no such analysis. */
    @Transactional
    public boolean assess(TenantCode tenant, long id, StepNumber step, StepAssessment assessment, String assessedBy) {
        OffsetDateTime now = OffsetDateTime.now();
        if (jdbc.sql("UPDATE fitgap_analysis SET updated_at = ? WHERE tenant_id = ? AND analysis_id = ?")
                .params(now, tenant.value(), id).update() == 0) {
            return false;
        }
        Object[] values = {assessment.fitGapClass().name(), assessment.currentPractice(), assessment.countermeasure(),
                assessment.owner(), assessment.dueDate(), assessedBy, now, tenant.value(), id, step.value()};
        int updated = jdbc.sql("""
                UPDATE fitgap_assessment SET fit_gap_class = ?, current_practice = ?, countermeasure = ?, owner = ?,
                       due_date = ?, assessed_by = ?, assessed_at = ?
                 WHERE tenant_id = ? AND analysis_id = ? AND step_number = ?""")
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO fitgap_assessment (fit_gap_class, current_practice, countermeasure, owner, due_date,
                           assessed_by, assessed_at, tenant_id, analysis_id, step_number)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values).update();
        }
        return true;
    }

    /** Appends the analysis's summary as it stands now to its progress history. */
    @Transactional
    public void snapshot(TenantCode tenant, long id, FitGapSummary summary, String takenBy) {
        int next = jdbc.sql("SELECT COALESCE(MAX(snapshot_no), 0) + 1 FROM fitgap_progress WHERE tenant_id = ? AND analysis_id = ?")
                .params(tenant.value(), id).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO fitgap_progress (tenant_id, analysis_id, snapshot_no, taken_at, fits, change_practice,
                       change_system, change_both, do_not_adopt, unassessed, complete_steps, total_steps, taken_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), id, next, OffsetDateTime.now(), summary.count(FitGapClass.FITS),
                        summary.count(FitGapClass.CHANGE_PRACTICE), summary.count(FitGapClass.CHANGE_SYSTEM),
                        summary.count(FitGapClass.CHANGE_BOTH), summary.count(FitGapClass.DO_NOT_ADOPT),
                        summary.unassessed(), summary.completeSteps(), summary.totalSteps(), takenBy)
                .update();
    }

    /** The progress history of an analysis, oldest first. */
    @Transactional(readOnly = true)
    public List<ProgressSnapshot> progress(TenantCode tenant, long id) {
        return jdbc.sql("SELECT * FROM fitgap_progress WHERE tenant_id = ? AND analysis_id = ? ORDER BY snapshot_no")
                .params(tenant.value(), id)
                .query((rs, row) -> new ProgressSnapshot(rs.getInt("snapshot_no"),
                        rs.getObject("taken_at", OffsetDateTime.class), new FitGapSummary(java.util.Map.of(
                                FitGapClass.FITS, rs.getInt("fits"),
                                FitGapClass.CHANGE_PRACTICE, rs.getInt("change_practice"),
                                FitGapClass.CHANGE_SYSTEM, rs.getInt("change_system"),
                                FitGapClass.CHANGE_BOTH, rs.getInt("change_both"),
                                FitGapClass.DO_NOT_ADOPT, rs.getInt("do_not_adopt")),
                                rs.getInt("unassessed"), rs.getInt("total_steps"), rs.getInt("complete_steps"))))
                .list();
    }

    private record Row(long id, String title, String templateId, Integer templateVersion, List<StepNumber> steps, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    private static Row analysisOf(TenantCode tenant, ResultSet rs) throws SQLException {
        return new Row(rs.getLong("analysis_id"), rs.getString("title"), rs.getString("template_id"),
                rs.getObject("template_version") == null ? null : rs.getInt("template_version"),
                Arrays.stream(rs.getString("step_numbers").split(",")).map(StepNumber::of).toList(),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private StoredAnalysis withAssessments(TenantCode tenant, Row row) {
        FitGapAnalysis analysis = new FitGapAnalysis(tenant, scoped(templates.at(row.templateId(), row.templateVersion()), row.steps()));
        jdbc.sql("""
                SELECT step_number, fit_gap_class, current_practice, countermeasure, owner, due_date
                  FROM fitgap_assessment WHERE tenant_id = ? AND analysis_id = ? ORDER BY step_number""")
                .params(tenant.value(), row.id())
                .query(rs -> {
                    StepNumber step = StepNumber.of(rs.getString("step_number"));
                    if (analysis.template().step(step).isPresent()) {
                        analysis.assess(step, new StepAssessment(rs.getString("current_practice"),
                                FitGapClass.valueOf(rs.getString("fit_gap_class")), rs.getString("countermeasure"),
                                rs.getString("owner"), rs.getObject("due_date", LocalDate.class)));
                    }
                });
        return new StoredAnalysis(row.id(), row.title(), row.createdAt(), row.updatedAt(), analysis);
    }

    /** The template narrowed to the steps the town analyses, in the template's order. */
    static ProcedureTemplate scoped(ProcedureTemplate template, List<StepNumber> steps) {
        Set<StepNumber> wanted = Set.copyOf(steps);
        return new ProcedureTemplate(template.id(), template.name(), template.version(),
                template.steps().stream().filter(step -> wanted.contains(step.number())).toList());
    }
}
