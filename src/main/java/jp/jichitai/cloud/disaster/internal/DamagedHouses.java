package jp.jichitai.cloud.disaster.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.disaster.AddressKey;
import jp.jichitai.cloud.disaster.DamageLevel;
import jp.jichitai.cloud.disaster.DamageRatio;
import jp.jichitai.cloud.disaster.SurveyMethod;

/**
 * 被災家屋台帳 (damaged-house registry) of each disaster: dwellings matched by address, their surveys appended
 * round after round (再調査), and re-survey requests. The level of a dwelling is the one of its latest
 * decided survey.
 */
@Repository
@Transactional
public class DamagedHouses {

    /** 被災家屋 (damaged dwelling). */
    public record Dwelling(long id, long disasterId, String address, String districtCode, String districtName,
            String householdNumber, String occupants) {
    }

    /** 被害認定調査 (damage survey): one round of one dwelling. */
    public record Survey(long id, long dwellingId, int round, LocalDate surveyedOn, String surveyor, SurveyMethod method,
            DamageRatio ratio, DamageLevel level, boolean decided, String resurveyReason) {
    }

    /** 再調査の依頼 (re-survey request); {@code answeredBy} is the survey that answered it, if any. */
    public record ResurveyRequest(long id, LocalDate requestedOn, String reason, String requestedBy, Long answeredBy) {
    }

    private final JdbcClient jdbc;

    DamagedHouses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dwelling at this address in the disaster, created on first report; the same place written differently matches. */
    Dwelling dwellingAt(long disasterId, String address, String districtCode, String districtName,
            String householdNumber, String occupants) {
        String key = AddressKey.of(address).value();
        Optional<Dwelling> existing = findByKey(disasterId, key);
        if (existing.isPresent()) {
            return existing.get();
        }
        // Two clerks taking reports of one house at once: the second insert does nothing and both read the one row.
        jdbc.sql("""
                INSERT INTO disaster_dwelling (tenant_id, disaster_id, address, address_key, district_code,
                    district_name, household_number, occupants) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(Disasters.tenant(), disasterId, address.strip(), key, districtCode, districtName,
                        householdNumber, cut(occupants, 400))
                .update();
        return findByKey(disasterId, key).orElseThrow();
    }

    private Optional<Dwelling> findByKey(long disasterId, String key) {
        return jdbc.sql("SELECT * FROM disaster_dwelling WHERE tenant_id = ? AND disaster_id = ? AND address_key = ?")
                .params(Disasters.tenant(), disasterId, key).query(DamagedHouses::dwelling).optional();
    }

    @Transactional(readOnly = true)
    Dwelling require(long disasterId, long dwellingId) {
        return jdbc.sql("SELECT * FROM disaster_dwelling WHERE tenant_id = ? AND disaster_id = ? AND id = ?")
                .params(Disasters.tenant(), disasterId, dwellingId).query(DamagedHouses::dwelling).optional()
                .orElseThrow(() -> new DisasterNotFound("dwelling " + dwellingId));
    }

    /**
     * Appends a decided survey as the dwelling's next round. The dwelling row is locked so that two surveyors
     * recording at once get rounds n and n+1; the open re-survey requests are answered by it.
     */
    Survey recordSurvey(long disasterId, long dwellingId, LocalDate surveyedOn, String surveyor, SurveyMethod method,
            DamageRatio ratio) {
        if (surveyor == null || surveyor.isBlank()) {
            throw Refusals.refusal("E-DIS-0039");
        }
        String tenant = Disasters.tenant();
        jdbc.sql("SELECT id FROM disaster_dwelling WHERE tenant_id = ? AND disaster_id = ? AND id = ? FOR UPDATE")
                .params(tenant, disasterId, dwellingId).query(Long.class).optional()
                .orElseThrow(() -> new DisasterNotFound("dwelling " + dwellingId));
        int round = jdbc.sql("SELECT COALESCE(MAX(round), 0) FROM disaster_survey WHERE tenant_id = ? AND dwelling_id = ?")
                .params(tenant, dwellingId).query(Integer.class).single() + 1;
        String reason = jdbc.sql("""
                SELECT reason FROM disaster_resurvey_request
                 WHERE tenant_id = ? AND dwelling_id = ? AND answered_by IS NULL ORDER BY id""")
                .params(tenant, dwellingId).query(String.class).list().stream().reduce((a, b) -> a + "／" + b).orElse(null);
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO disaster_survey (tenant_id, disaster_id, dwelling_id, round, surveyed_on, surveyor, method,
                    damage_ratio, damage_level, decided, resurvey_reason, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)""")
                .params(tenant, disasterId, dwellingId, round, surveyedOn, surveyor.strip(), method.name(),
                        ratio.percent(), ratio.level().name(), reason == null ? null : cut(reason, 400),
                        OffsetDateTime.now(ZoneOffset.UTC), Disasters.currentUser())
                .update(id, "id");
        long surveyId = id.getKeyAs(Number.class).longValue();
        jdbc.sql("UPDATE disaster_resurvey_request SET answered_by = ? WHERE tenant_id = ? AND dwelling_id = ? AND answered_by IS NULL")
                .params(surveyId, tenant, dwellingId).update();
        return history(dwellingId).stream().filter(survey -> survey.id() == surveyId).findFirst().orElseThrow();
    }

    /** Records a victim's request for a new survey (再調査); the next survey of the dwelling answers it. */
    void requestResurvey(long disasterId, long dwellingId, LocalDate requestedOn, String reason) {
        require(disasterId, dwellingId);
        jdbc.sql("""
                INSERT INTO disaster_resurvey_request (tenant_id, disaster_id, dwelling_id, requested_on, reason, requested_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Disasters.tenant(), disasterId, dwellingId, requestedOn, cut(reason == null ? "" : reason, 400),
                        Disasters.currentUser())
                .update();
    }

    @Transactional(readOnly = true)
    List<ResurveyRequest> resurveyRequests(long dwellingId) {
        return jdbc.sql("""
                SELECT id, requested_on, reason, requested_by, answered_by FROM disaster_resurvey_request
                 WHERE tenant_id = ? AND dwelling_id = ? ORDER BY id""")
                .params(Disasters.tenant(), dwellingId)
                .query((rs, row) -> new ResurveyRequest(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5, Long.class)))
                .list();
    }

    /** Every survey of the dwelling, oldest round first. */
    @Transactional(readOnly = true)
    List<Survey> history(long dwellingId) {
        return jdbc.sql("SELECT * FROM disaster_survey WHERE tenant_id = ? AND dwelling_id = ? ORDER BY round")
                .params(Disasters.tenant(), dwellingId).query(DamagedHouses::survey).list();
    }

    /** The survey whose level the certificate states: the latest decided one. */
    @Transactional(readOnly = true)
    Optional<Survey> latestDecided(long dwellingId) {
        List<Survey> decided = history(dwellingId).stream().filter(Survey::decided).toList();
        return decided.isEmpty() ? Optional.empty() : Optional.of(decided.get(decided.size() - 1));
    }

    private static Dwelling dwelling(ResultSet rs, int row) throws SQLException {
        return new Dwelling(rs.getLong("id"), rs.getLong("disaster_id"), rs.getString("address"),
                rs.getString("district_code"), rs.getString("district_name"), rs.getString("household_number"),
                rs.getString("occupants"));
    }

    private static Survey survey(ResultSet rs, int row) throws SQLException {
        BigDecimal ratio = rs.getBigDecimal("damage_ratio");
        return new Survey(rs.getLong("id"), rs.getLong("dwelling_id"), rs.getInt("round"),
                rs.getObject("surveyed_on", LocalDate.class), rs.getString("surveyor"),
                SurveyMethod.valueOf(rs.getString("method")), DamageRatio.of(ratio),
                DamageLevel.valueOf(rs.getString("damage_level")), rs.getBoolean("decided"),
                rs.getString("resurvey_reason"));
    }

    static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
