package jp.jichitai.cloud.continuity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.continuity.ContinuityPlan;
import jp.jichitai.cloud.continuity.ContinuityPlans;
import jp.jichitai.cloud.continuity.DrillKind;
import jp.jichitai.cloud.continuity.DrillResult;
import jp.jichitai.cloud.continuity.ImportantSystem;
import jp.jichitai.cloud.continuity.PlanSection;
import jp.jichitai.cloud.continuity.RecoveryAssessment;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

@Repository
@Transactional
class JdbcContinuityPlans implements ContinuityPlans {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Path failoverJournal;

    JdbcContinuityPlans(JdbcClient jdbc, DataSource dataSource,
            @Value("${jc.drills-dir:${jc.data-dir}/drills}") String drillsDirectory) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.failoverJournal = Path.of(drillsDirectory).resolve("failover.jsonl");
    }

    @Override
    @Transactional(readOnly = true)
    public ContinuityPlan current() {
        return jdbc.sql("SELECT last_version FROM continuity_plan_head WHERE tenant_id = ?")
                .param(tenant()).query(Integer.class).optional()
                .flatMap(this::version).orElseGet(ContinuityPlan::template);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContinuityPlan> version(int version) {
        String tenant = tenant();
        return jdbc.sql("SELECT saved_at, saved_by, change_note FROM continuity_plan_version"
                        + " WHERE tenant_id = ? AND version = ?")
                .params(tenant, version)
                .query((row, number) -> new Object[] {row.getObject("saved_at", OffsetDateTime.class).toInstant(),
                        row.getString("saved_by"), row.getString("change_note")})
                .optional().map(head -> {
                    Map<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
                    jdbc.sql("SELECT section_key, body FROM continuity_plan_section WHERE tenant_id = ? AND version = ?")
                            .params(tenant, version).query((row, number) -> Map.entry(
                                    PlanSection.valueOf(row.getString(1)), row.getString(2)))
                            .list().forEach(entry -> sections.put(entry.getKey(), entry.getValue()));
                    List<ImportantSystem> systems = jdbc.sql("SELECT category, name, target_recovery_hours, cloud_provided"
                                    + " FROM continuity_plan_system WHERE tenant_id = ? AND version = ? ORDER BY position")
                            .params(tenant, version).query((row, number) -> new ImportantSystem(row.getString(1),
                                    row.getString(2), row.getInt(3), row.getBoolean(4))).list();
                    return new ContinuityPlan(version, Optional.of((Instant) head[0]), (String) head[1],
                            (String) head[2], sections, systems);
                });
    }

    @Override
    public ContinuityPlan save(ContinuityPlan edited, String savedBy) {
        String tenant = tenant();
        // The head row is locked so that two administrators saving at once get consecutive versions.
        Optional<Integer> last = jdbc.sql("SELECT last_version FROM continuity_plan_head WHERE tenant_id = ? FOR UPDATE")
                .param(tenant).query(Integer.class).optional();
        int version = last.map(number -> number + 1).orElse(1);
        if (last.isEmpty()) {
            jdbc.sql("INSERT INTO continuity_plan_head (tenant_id, last_version) VALUES (?, ?)").params(tenant, version).update();
        } else {
            jdbc.sql("UPDATE continuity_plan_head SET last_version = ? WHERE tenant_id = ?").params(version, tenant).update();
        }
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO continuity_plan_version (tenant_id, version, saved_at, saved_by, change_note)"
                + " VALUES (?, ?, ?, ?, ?)").params(tenant, version, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                savedBy, edited.changeNote().isEmpty() ? null : edited.changeNote()).update();
        for (PlanSection section : PlanSection.values()) {
            jdbc.sql("INSERT INTO continuity_plan_section (tenant_id, version, section_key, body) VALUES (?, ?, ?, ?)")
                    .params(tenant, version, section.name(), edited.section(section)).update();
        }
        int position = 0;
        for (ImportantSystem system : edited.systems()) {
            jdbc.sql("INSERT INTO continuity_plan_system (tenant_id, version, position, category, name,"
                    + " target_recovery_hours, cloud_provided) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(tenant, version, ++position, system.category(), system.name(),
                            system.targetRecoveryHours(), system.cloudProvided()).update();
        }
        return new ContinuityPlan(version, Optional.of(now), savedBy, edited.changeNote(), edited.sections(),
                edited.systems());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContinuityPlan> history() {
        return jdbc.sql("SELECT version, saved_at, saved_by, change_note FROM continuity_plan_version"
                        + " WHERE tenant_id = ? ORDER BY version DESC")
                .param(tenant()).query((row, number) -> new ContinuityPlan(row.getInt(1),
                        Optional.of(row.getObject(2, OffsetDateTime.class).toInstant()), row.getString(3),
                        row.getString(4), Map.of(), List.of()))
                .list();
    }

    @Override
    public List<DrillResult> drills(int limit) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // The failover drill runs outside the service and leaves its results in a journal: take in what is new.
            for (DrillResult failover : DrillJournal.readFailoverJournal(failoverJournal)) {
                DrillJournal.insertIfNew(connection, failover);
            }
            Optional<TenantCode> scope = TenantContext.current();
            return DrillJournal.newest(connection, scope, limit);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public List<RecoveryAssessment> assess(ContinuityPlan plan) {
        List<DrillResult> visible = drills(500);
        Optional<DrillResult> failover = visible.stream().filter(drill -> drill.kind() == DrillKind.FAILOVER).findFirst();
        Optional<DrillResult> restore = visible.stream().filter(drill -> drill.kind() == DrillKind.RESTORE).findFirst();
        List<RecoveryAssessment> assessments = new ArrayList<>();
        plan.systems().forEach(system -> assessments.add(RecoveryAssessment.of(system, failover, restore)));
        return assessments;
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
