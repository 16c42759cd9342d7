package jp.jichitai.cloud.operations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.shared.TenantCode;

/**
 * The provider's 障害記録, メンテナンス記録 and 問い合わせ. Provider tables: no tenant_id, so no row-level
 * security; each read for a town names it ({@code tenant_code = ?}).
 */
@Repository
class OperationsRecords {

    private final JdbcClient jdbc;

    OperationsRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- incidents

    @Transactional
    public IncidentRecord saveIncident(IncidentRecord incident, String recordedBy) {
        long id = incident.id();
        if (id == 0) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO incident (started_at, ended_at, systems, impact, cause, actions, recurrence_prevention,
                           recorded_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(stored(incident.startedAt()), stored(incident.endedAt()), incident.systems(),
                            incident.impact(), incident.cause(), incident.actions(), incident.recurrencePrevention(),
                            recordedBy, OffsetDateTime.now())
                    .update(key, "id");
            id = key.getKey().longValue();
        } else {
            int updated = jdbc.sql("""
                    UPDATE incident SET started_at = ?, ended_at = ?, systems = ?, impact = ?, cause = ?, actions = ?,
                           recurrence_prevention = ?, recorded_by = ?, updated_at = ? WHERE id = ?""")
                    .params(stored(incident.startedAt()), stored(incident.endedAt()), incident.systems(),
                            incident.impact(), incident.cause(), incident.actions(), incident.recurrencePrevention(),
                            recordedBy, OffsetDateTime.now(), id)
                    .update();
            if (updated == 0) {
                throw OperationsRefusals.notFound();
            }
            jdbc.sql("DELETE FROM incident_affected_tenant WHERE incident_id = ?").param(id).update();
        }
        for (TenantCode tenant : incident.affectedTenants()) {
            jdbc.sql("INSERT INTO incident_affected_tenant (incident_id, tenant_code) VALUES (?, ?)")
                    .params(id, tenant.value()).update();
        }
        return incident(id).orElseThrow();
    }

    @Transactional
    public boolean deleteIncident(long id) {
        jdbc.sql("DELETE FROM incident_affected_tenant WHERE incident_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM incident WHERE id = ?").param(id).update() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<IncidentRecord> incident(long id) {
        return incidents("WHERE i.id = ?", id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<IncidentRecord> allIncidents() {
        return incidents("");
    }

    /** The incidents of a town that overlap a span, or are still ongoing and began before its end. */
    @Transactional(readOnly = true)
    public List<IncidentRecord> incidentsOf(TenantCode tenant, LocalDateTime from, LocalDateTime to) {
        return incidents("""
                WHERE i.id IN (SELECT incident_id FROM incident_affected_tenant WHERE tenant_code = ?)
                  AND i.started_at < ? AND (i.ended_at IS NULL OR i.ended_at > ?)""",
                tenant.value(), stored(to), stored(from));
    }

    private List<IncidentRecord> incidents(String where, Object... params) {
        Map<Long, List<TenantCode>> affected = affected("incident_affected_tenant", "incident_id");
        return jdbc.sql("SELECT i.* FROM incident i " + where + " ORDER BY i.started_at DESC, i.id DESC")
                .params(List.of(params))
                .query((rs, row) -> new IncidentRecord(rs.getLong("id"), local(rs, "started_at"), local(rs, "ended_at"),
                        affected.getOrDefault(rs.getLong("id"), List.of()), rs.getString("systems"),
                        rs.getString("impact"), rs.getString("cause"), rs.getString("actions"),
                        rs.getString("recurrence_prevention")))
                .list();
    }

    // ---- maintenance

    @Transactional
    public MaintenanceRecord saveMaintenance(MaintenanceRecord maintenance, String recordedBy) {
        long id = maintenance.id();
        Object[] values = {maintenance.title(), stored(maintenance.plannedStart()), stored(maintenance.plannedEnd()),
                stored(maintenance.noticeSentAt()), stored(maintenance.actualStart()), stored(maintenance.actualEnd()),
                maintenance.workDone(), recordedBy, OffsetDateTime.now()};
        if (id == 0) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO maintenance (title, planned_start, planned_end, notice_sent_at, actual_start, actual_end,
                           work_done, recorded_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update(key, "id");
            id = key.getKey().longValue();
        } else {
            List<Object> params = new ArrayList<>(java.util.Arrays.asList(values));
            params.add(id);
            int updated = jdbc.sql("""
                    UPDATE maintenance SET title = ?, planned_start = ?, planned_end = ?, notice_sent_at = ?,
                           actual_start = ?, actual_end = ?, work_done = ?, recorded_by = ?, updated_at = ? WHERE id = ?""")
                    .params(params)
                    .update();
            if (updated == 0) {
                throw OperationsRefusals.notFound();
            }
            jdbc.sql("DELETE FROM maintenance_affected_tenant WHERE maintenance_id = ?").param(id).update();
        }
        for (TenantCode tenant : maintenance.affectedTenants()) {
            jdbc.sql("INSERT INTO maintenance_affected_tenant (maintenance_id, tenant_code) VALUES (?, ?)")
                    .params(id, tenant.value()).update();
        }
        return maintenance(id).orElseThrow();
    }

    @Transactional
    public boolean deleteMaintenance(long id) {
        jdbc.sql("DELETE FROM maintenance_affected_tenant WHERE maintenance_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM maintenance WHERE id = ?").param(id).update() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<MaintenanceRecord> maintenance(long id) {
        return maintenances("WHERE m.id = ?", id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<MaintenanceRecord> allMaintenance() {
        return maintenances("");
    }

    /** A town's maintenance whose planned or actual window overlaps a span. */
    @Transactional(readOnly = true)
    public List<MaintenanceRecord> maintenanceOf(TenantCode tenant, LocalDateTime from, LocalDateTime to) {
        return maintenances("""
                WHERE m.id IN (SELECT maintenance_id FROM maintenance_affected_tenant WHERE tenant_code = ?)
                  AND ((m.planned_start < ? AND m.planned_end > ?)
                       OR (m.actual_start < ? AND (m.actual_end IS NULL OR m.actual_end > ?)))""",
                tenant.value(), stored(to), stored(from), stored(to), stored(from));
    }

    private List<MaintenanceRecord> maintenances(String where, Object... params) {
        Map<Long, List<TenantCode>> affected = affected("maintenance_affected_tenant", "maintenance_id");
        return jdbc.sql("SELECT m.* FROM maintenance m " + where + " ORDER BY m.planned_start DESC, m.id DESC")
                .params(List.of(params))
                .query((rs, row) -> new MaintenanceRecord(rs.getLong("id"), rs.getString("title"),
                        local(rs, "planned_start"), local(rs, "planned_end"), local(rs, "notice_sent_at"),
                        local(rs, "actual_start"), local(rs, "actual_end"),
                        affected.getOrDefault(rs.getLong("id"), List.of()), rs.getString("work_done")))
                .list();
    }

    // ---- support desk

    @Transactional
    public SupportTicket saveTicket(SupportTicket ticket, String recordedBy) {
        long id = ticket.id();
        if (id == 0) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO support_ticket (tenant_code, received_at, answered_at, category, subject, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(ticket.tenant().value(), stored(ticket.receivedAt()), stored(ticket.answeredAt()),
                            ticket.category().name(), ticket.subject(), recordedBy)
                    .update(key, "id");
            id = key.getKey().longValue();
        } else if (jdbc.sql("""
                UPDATE support_ticket SET tenant_code = ?, received_at = ?, answered_at = ?, category = ?, subject = ?,
                       recorded_by = ? WHERE id = ?""")
                .params(ticket.tenant().value(), stored(ticket.receivedAt()), stored(ticket.answeredAt()),
                        ticket.category().name(), ticket.subject(), recordedBy, id)
                .update() == 0) {
            throw OperationsRefusals.notFound();
        }
        return ticket(id).orElseThrow();
    }

    @Transactional
    public boolean deleteTicket(long id) {
        return jdbc.sql("DELETE FROM support_ticket WHERE id = ?").param(id).update() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<SupportTicket> ticket(long id) {
        return tickets("WHERE id = ?", id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<SupportTicket> allTickets() {
        return tickets("");
    }

    @Transactional(readOnly = true)
    public List<SupportTicket> ticketsOf(TenantCode tenant, LocalDateTime from, LocalDateTime to) {
        return tickets("WHERE tenant_code = ? AND received_at >= ? AND received_at < ?", tenant.value(), stored(from),
                stored(to));
    }

    private List<SupportTicket> tickets(String where, Object... params) {
        return jdbc.sql("SELECT * FROM support_ticket " + where + " ORDER BY received_at DESC, id DESC")
                .params(List.of(params))
                .query((rs, row) -> new SupportTicket(rs.getLong("id"), TenantCode.of(rs.getString("tenant_code")),
                        local(rs, "received_at"), local(rs, "answered_at"),
                        SupportCategory.valueOf(rs.getString("category")), rs.getString("subject")))
                .list();
    }

    // ---- helpers

    private Map<Long, List<TenantCode>> affected(String table, String idColumn) {
        Map<Long, List<TenantCode>> affected = new TreeMap<>();
        jdbc.sql("SELECT " + idColumn + ", tenant_code FROM " + table + " ORDER BY tenant_code")
                .query(rs -> {
                    affected.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(TenantCode.of(rs.getString(2)));
                });
        return affected;
    }

    static OffsetDateTime stored(LocalDateTime local) {
        return local == null ? null : local.atZone(SlaProperties.ZONE).toOffsetDateTime();
    }

    static LocalDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(SlaProperties.ZONE).toLocalDateTime();
    }
}
