package jp.jichitai.cloud.disaster.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.disaster.DisasterCertificateKind;
import jp.jichitai.cloud.disaster.IdentityDocumentType;
import jp.jichitai.cloud.disaster.ReportForm;

/** The counter cases of the town's disasters, saved step by step with an optimistic version. */
@Repository
@Transactional
class CounterCases {

    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("H時mm分");

    private final JdbcClient jdbc;

    CounterCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens an empty case at step 001. */
    long open(long disasterId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String user = Disasters.currentUser();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO disaster_case (tenant_id, disaster_id, version, step, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, 1, ?, ?, ?, ?, ?)""")
                .params(Disasters.tenant(), disasterId, CaseStep.REPORT.name(), now, user, now, user)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    @Transactional(readOnly = true)
    CounterCase require(long disasterId, long caseId) {
        return jdbc.sql("SELECT * FROM disaster_case WHERE tenant_id = ? AND disaster_id = ? AND id = ?")
                .params(Disasters.tenant(), disasterId, caseId).query(CounterCases::counterCase).optional()
                .orElseThrow(() -> new DisasterNotFound("case " + caseId));
    }

    /** The cases not yet issued, newest first, for resuming. */
    @Transactional(readOnly = true)
    List<CounterCase> open(long disasterId, int limit) {
        return jdbc.sql("SELECT * FROM disaster_case WHERE tenant_id = ? AND disaster_id = ? AND step <> 'ISSUED'"
                + " ORDER BY updated_at DESC, id DESC LIMIT " + limit)
                .params(Disasters.tenant(), disasterId).query(CounterCases::counterCase).list();
    }

    /** The cases of one person in the disaster. */
    @Transactional(readOnly = true)
    List<CounterCase> ofPerson(long disasterId, String atenaNumber) {
        return jdbc.sql("SELECT * FROM disaster_case WHERE tenant_id = ? AND disaster_id = ? AND atena_number = ? ORDER BY id")
                .params(Disasters.tenant(), disasterId, atenaNumber).query(CounterCases::counterCase).list();
    }

    /** The people with a report in the disaster, by 宛名番号. */
    @Transactional(readOnly = true)
    List<String> reportedPeople(long disasterId) {
        return jdbc.sql("""
                SELECT DISTINCT atena_number FROM disaster_case
                 WHERE tenant_id = ? AND disaster_id = ? AND atena_number IS NOT NULL ORDER BY atena_number""")
                .params(Disasters.tenant(), disasterId).query(String.class).list();
    }

    CounterCase saveReport(long disasterId, long caseId, int version, LocalDate reportedOn, ReportForm form,
            String description) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("reported_on", reportedOn);
        columns.put("report_form", form.name());
        columns.put("description", description);
        return save(disasterId, caseId, version, CaseStep.REPORT, columns);
    }

    CounterCase saveIdentity(long disasterId, long caseId, int version, String method, IdentityDocumentType document,
            String number, String declaredAddress, String declaredName, String declaredBirthDate, Boolean accepted,
            String reason) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("identity_method", method);
        columns.put("identity_document", document == null ? null : document.name());
        columns.put("identity_number", number);
        columns.put("declared_address", declaredAddress);
        columns.put("declared_name", declaredName);
        columns.put("declared_birth_date", declaredBirthDate);
        columns.put("judgement_accepted", accepted);
        columns.put("judgement_reason", reason);
        columns.put("judged_by", isSelfDeclaration(method) ? Disasters.currentUser() : null);
        return save(disasterId, caseId, version, CaseStep.IDENTITY, columns);
    }

    private static boolean isSelfDeclaration(String method) {
        return CounterCase.BY_SELF_DECLARATION.equals(method);
    }

    CounterCase savePerson(long disasterId, long caseId, int version, String atenaNumber, String householdNumber,
            long dwellingId) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("atena_number", atenaNumber);
        columns.put("household_number", householdNumber);
        columns.put("dwelling_id", dwellingId);
        return save(disasterId, caseId, version, CaseStep.PERSON, columns);
    }

    CounterCase saveDamage(long disasterId, long caseId, int version, long dwellingId) {
        return save(disasterId, caseId, version, CaseStep.DAMAGE, Map.of("dwelling_id", dwellingId));
    }

    CounterCase saveApplication(long disasterId, long caseId, int version, DisasterCertificateKind kind,
            String applicantName, LocalDate appliedOn, String purpose) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("certificate_kind", kind.name());
        columns.put("applicant_name", applicantName);
        columns.put("applied_on", appliedOn);
        columns.put("purpose", purpose);
        return save(disasterId, caseId, version, CaseStep.APPLICATION, columns);
    }

    /** A report made through the API: the person is known, the case stands at the damage step. */
    long openReported(long disasterId, LocalDate reportedOn, String description, String atenaNumber,
            String householdNumber, long dwellingId) {
        long id = open(disasterId);
        jdbc.sql("""
                UPDATE disaster_case SET step = ?, reported_on = ?, report_form = ?, description = ?, atena_number = ?,
                    household_number = ?, dwelling_id = ? WHERE tenant_id = ? AND id = ?""")
                .params(CaseStep.DAMAGE.name(), reportedOn, ReportForm.FORM_001.name(), description, atenaNumber,
                        householdNumber, dwellingId, Disasters.tenant(), id)
                .update();
        return id;
    }

    /** Moves a case on after an API survey or an issue; no version check, the service owns these steps. */
    void advanceTo(long disasterId, long caseId, CaseStep reached) {
        CounterCase current = require(disasterId, caseId);
        if (current.step().ordinal() < reached.ordinal()) {
            jdbc.sql("UPDATE disaster_case SET step = ?, version = version + 1, updated_at = ?, updated_by = ?"
                    + " WHERE tenant_id = ? AND disaster_id = ? AND id = ?")
                    .params(reached.name(), OffsetDateTime.now(ZoneOffset.UTC), Disasters.currentUser(),
                            Disasters.tenant(), disasterId, caseId)
                    .update();
        }
    }

    /**
     * Saves a step if nobody saved the case since {@code version} was read; moves the case on to the next step
     * unless the clerk went back to redo an earlier one.
     */
    private CounterCase save(long disasterId, long caseId, int version, CaseStep completed, Map<String, Object> columns) {
        CounterCase current = require(disasterId, caseId);
        if (!current.reached(completed)) {
            throw Refusals.refusal("E-DIS-0034", current.step().title());
        }
        CaseStep step = current.step().ordinal() > completed.ordinal() ? current.step() : completed.next();
        StringBuilder sql = new StringBuilder("UPDATE disaster_case SET ");
        List<Object> parameters = new ArrayList<>();
        columns.forEach((column, value) -> {
            sql.append(column).append(" = ?, ");
            parameters.add(value);
        });
        sql.append("step = ?, version = version + 1, updated_at = ?, updated_by = ?");
        parameters.add(step.name());
        parameters.add(OffsetDateTime.now(ZoneOffset.UTC));
        parameters.add(Disasters.currentUser());
        sql.append(" WHERE tenant_id = ? AND disaster_id = ? AND id = ? AND version = ?");
        parameters.add(Disasters.tenant());
        parameters.add(disasterId);
        parameters.add(caseId);
        parameters.add(version);
        if (jdbc.sql(sql.toString()).params(parameters).update() == 0) {
            throw new CaseConflict(Refusals.refusal("E-DIS-0028", current.updatedBy(),
                    SAVED_AT.format(current.updatedAt().atZoneSameInstant(Disasters.JAPAN))), current);
        }
        return require(disasterId, caseId);
    }

    private static CounterCase counterCase(ResultSet rs, int row) throws SQLException {
        String form = rs.getString("report_form");
        String document = rs.getString("identity_document");
        String kind = rs.getString("certificate_kind");
        long dwelling = rs.getLong("dwelling_id");
        Long dwellingId = rs.wasNull() ? null : dwelling;
        boolean accepted = rs.getBoolean("judgement_accepted");
        Boolean judgement = rs.wasNull() ? null : accepted;
        return new CounterCase(rs.getLong("id"), rs.getLong("disaster_id"), rs.getInt("version"),
                CaseStep.valueOf(rs.getString("step")), rs.getObject("reported_on", LocalDate.class),
                form == null ? null : ReportForm.valueOf(form), rs.getString("description"),
                rs.getString("identity_method"), document == null ? null : IdentityDocumentType.valueOf(document),
                rs.getString("identity_number"), rs.getString("declared_address"), rs.getString("declared_name"),
                rs.getString("declared_birth_date"), judgement, rs.getString("judgement_reason"),
                rs.getString("judged_by"), rs.getString("atena_number"), rs.getString("household_number"),
                dwellingId, kind == null ? null : DisasterCertificateKind.valueOf(kind), rs.getString("applicant_name"),
                rs.getObject("applied_on", LocalDate.class), rs.getString("purpose"), rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }
}
