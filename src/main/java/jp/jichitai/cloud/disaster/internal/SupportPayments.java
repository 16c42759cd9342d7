package jp.jichitai.cloud.disaster.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.disaster.ApplicationDeadline;
import jp.jichitai.cloud.disaster.DamageLevel;
import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.HouseholdCircumstance;
import jp.jichitai.cloud.disaster.HouseholdId;
import jp.jichitai.cloud.disaster.HouseholdSize;
import jp.jichitai.cloud.disaster.PaymentLedger;
import jp.jichitai.cloud.disaster.RebuildMethod;
import jp.jichitai.cloud.disaster.ResidentDirectory;
import jp.jichitai.cloud.disaster.SupportCategory;
import jp.jichitai.cloud.disaster.SupportPayment;
import jp.jichitai.cloud.disaster.SupportPaymentItem;
import jp.jichitai.cloud.disaster.SupportPaymentRecord;
import jp.jichitai.cloud.disaster.Yen;

/**
 * 被災者生活再建支援金 of a disaster: applications (amount from the law's table, deadline checked), decisions,
 * and payments. The {@link PaymentLedger} rule is checked in code and held by the payment table's key, so two
 * counters paying one household the same item at once cannot both succeed.
 */
@Repository
@Transactional
class SupportPayments {

    record ApplicationBody(@NotBlank(message = "申請者の宛名番号を入力してください。") String atenaNumber,
            @NotNull(message = "支給項目を入力してください。") SupportPaymentItem item, RebuildMethod rebuildMethod,
            HouseholdCircumstance circumstance, @NotNull(message = "申請日を入力してください。") LocalDate appliedOn) {
    }

    record Application(long id, String householdNumber, SupportPaymentItem item, String category,
            RebuildMethod rebuildMethod, int householdSize, long amount, LocalDate appliedOn, String status,
            LocalDate decidedOn) {
    }

    private final JdbcClient jdbc;
    private final ResidentDirectory directory;
    private final DamagedHouses houses;

    SupportPayments(JdbcClient jdbc, ResidentDirectory directory, DamagedHouses houses) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.houses = houses;
    }

    Application apply(Disaster disaster, ApplicationBody body) {
        ApplicationDeadline.of(body.item(), disaster.occurredOn()).check(body.appliedOn());
        DirectoryMatch applicant = directory.findByAtenaNumber(body.atenaNumber())
                .orElseThrow(() -> Refusals.refusal("E-DIS-0027", body.atenaNumber()));
        String household = applicant.person().householdNumber();
        DamageLevel level = jdbc.sql("SELECT id FROM disaster_dwelling WHERE tenant_id = ? AND disaster_id = ? AND household_number = ?")
                .params(Disasters.tenant(), disaster.id(), household).query(Long.class).list().stream()
                .flatMap(dwelling -> houses.latestDecided(dwelling).stream()).map(DamagedHouses.Survey::level)
                .min(Enum::compareTo).orElse(DamageLevel.BELOW_SEMI_HALF_COLLAPSE);
        HouseholdCircumstance circumstance = body.circumstance() == null ? HouseholdCircumstance.NONE : body.circumstance();
        SupportCategory category = SupportCategory.of(level, circumstance, disaster.occurredOn());
        HouseholdSize size = HouseholdSize.of(Math.max(1, applicant.household().size()));
        Yen amount = switch (body.item()) {
            case BASIC -> SupportPayment.basic(category, size);
            case ADDITIONAL -> SupportPayment.additional(category, require(body.rebuildMethod()), size);
            case ADDITIONAL_AFTER_RENTING -> SupportPayment.additionalAfterRenting(category, require(body.rebuildMethod()), size);
        };
        if (amount.isZero()) {
            throw Refusals.refusal("E-DIS-0043", body.item().japaneseName());
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO disaster_support_application (tenant_id, disaster_id, household_number, item, category,
                    rebuild_method, household_size, amount, applied_on, status, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?)""")
                .params(Disasters.tenant(), disaster.id(), household, body.item().name(), category.name(),
                        body.rebuildMethod() == null ? null : body.rebuildMethod().name(), size.members(), amount.value(),
                        body.appliedOn(), Disasters.currentUser())
                .update(key, "id");
        return require(disaster.id(), key.getKeyAs(Number.class).longValue());
    }

    private static RebuildMethod require(RebuildMethod method) {
        if (method == null) {
            throw Refusals.refusal("E-DIS-0004");
        }
        return method;
    }

    Application decide(long disasterId, long applicationId, boolean approved) {
        require(disasterId, applicationId);
        jdbc.sql("UPDATE disaster_support_application SET status = ?, decided_on = ? WHERE tenant_id = ? AND disaster_id = ? AND id = ? AND status = 'APPLIED'")
                .params(approved ? "APPROVED" : "REJECTED", DisasterCertificates.today(), Disasters.tenant(), disasterId,
                        applicationId)
                .update();
        return require(disasterId, applicationId);
    }

    /** Pays an approved application: never twice the same item to one household. */
    Application pay(long disasterId, long applicationId) {
        Application application = require(disasterId, applicationId);
        if (!"APPROVED".equals(application.status())) {
            throw Refusals.refusal("E-DIS-0034", "支給の決定");
        }
        HouseholdId household = HouseholdId.of(application.householdNumber());
        PaymentLedger ledger = new PaymentLedger(jdbc.sql("""
                SELECT item, amount, paid_on FROM disaster_support_payment
                 WHERE tenant_id = ? AND disaster_id = ? AND household_number = ?""")
                .params(Disasters.tenant(), disasterId, application.householdNumber())
                .query((rs, row) -> new SupportPaymentRecord(household, SupportPaymentItem.valueOf(rs.getString(1)),
                        new Yen(rs.getLong(2)), rs.getObject(3, LocalDate.class)))
                .list());
        SupportPaymentRecord payment = new SupportPaymentRecord(household, application.item(), new Yen(application.amount()),
                DisasterCertificates.today());
        ledger.record(payment);
        try {
            jdbc.sql("""
                    INSERT INTO disaster_support_payment (tenant_id, disaster_id, household_number, item, application_id,
                        amount, paid_on, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Disasters.tenant(), disasterId, application.householdNumber(), application.item().name(),
                            applicationId, application.amount(), payment.paidOn(), Disasters.currentUser())
                    .update();
        } catch (DuplicateKeyException paidMeanwhile) {
            throw Refusals.refusal("E-DIS-0005", household, application.item().japaneseName());
        }
        jdbc.sql("UPDATE disaster_support_application SET status = 'PAID' WHERE tenant_id = ? AND id = ?")
                .params(Disasters.tenant(), applicationId).update();
        return require(disasterId, applicationId);
    }

    @Transactional(readOnly = true)
    List<Application> applications(long disasterId) {
        return jdbc.sql("SELECT * FROM disaster_support_application WHERE tenant_id = ? AND disaster_id = ? ORDER BY id")
                .params(Disasters.tenant(), disasterId).query(SupportPayments::application).list();
    }

    private Application require(long disasterId, long applicationId) {
        return jdbc.sql("SELECT * FROM disaster_support_application WHERE tenant_id = ? AND disaster_id = ? AND id = ?")
                .params(Disasters.tenant(), disasterId, applicationId).query(SupportPayments::application).optional()
                .orElseThrow(() -> new DisasterNotFound("application " + applicationId));
    }

    private static Application application(ResultSet rs, int row) throws SQLException {
        String method = rs.getString("rebuild_method");
        return new Application(rs.getLong("id"), rs.getString("household_number"),
                SupportPaymentItem.valueOf(rs.getString("item")), rs.getString("category"),
                method == null ? null : RebuildMethod.valueOf(method), rs.getInt("household_size"), rs.getLong("amount"),
                rs.getObject("applied_on", LocalDate.class), rs.getString("status"),
                rs.getObject("decided_on", LocalDate.class));
    }
}
