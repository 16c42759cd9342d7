package jp.jichitai.cloud.disaster.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateKind;
import jp.jichitai.cloud.certificates.FieldBlock;
import jp.jichitai.cloud.certificates.FieldRow;
import jp.jichitai.cloud.certificates.Marking;
import jp.jichitai.cloud.certificates.Table;
import jp.jichitai.cloud.certificates.TableColumn;
import jp.jichitai.cloud.disaster.DamageLevel;
import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.DirectoryPerson;
import jp.jichitai.cloud.disaster.DisasterCertificateKind;
import jp.jichitai.cloud.disaster.ResidentDirectory;
import jp.jichitai.cloud.issuance.CertificateIssuance;
import jp.jichitai.cloud.issuance.IssueRequest;
import jp.jichitai.cloud.issuance.IssuedCertificate;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.TenantProfile;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * Issues 罹災証明書 (with the damage level of the dwelling's latest decided survey) and 被災届出証明書 (no level)
 * through the issuance module: numbered per disaster without gaps (drills in a scope of their own), with the
 * mayor's 認証文; reprints are numbered anew, marked 再発行 and name the original.
 */
@Service
class DisasterCertificates {

    /** A certificate as recorded for the disaster. */
    record Issued(long disasterId, long serial, long caseId, DisasterCertificateKind kind, DamageLevel level,
            String issueNumber, Long reprintOf, byte[] pdf) {
    }

    private final CertificateIssuance issuance;
    private final Tenants tenants;
    private final Disasters disasters;
    private final CounterCases cases;
    private final DamagedHouses houses;
    private final ResidentDirectory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DisasterCertificates(CertificateIssuance issuance, Tenants tenants, Disasters disasters, CounterCases cases,
            DamagedHouses houses, ResidentDirectory directory, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.issuance = issuance;
        this.tenants = tenants;
        this.disasters = disasters;
        this.cases = cases;
        this.houses = houses;
        this.directory = directory;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Issues the certificate the case applied for (罹災証明書 when the API gives no application). */
    Issued issue(long disasterId, long caseId) {
        return issue(disasterId, caseId, null, null);
    }

    /**
     * Issues under a 再送キー (null for none): a repeat with the same key answers the certificate issued before
     * (same serial, the stored PDF) instead of a new number.
     */
    Issued issue(long disasterId, long caseId, String idempotencyKey) {
        return issue(disasterId, caseId, null, idempotencyKey);
    }

    /** Prints a certificate again under a new number, marked as a reprint of the original. */
    Issued reprint(long disasterId, long originalSerial) {
        Issued original = find(disasterId, originalSerial)
                .orElseThrow(() -> new DisasterNotFound("certificate " + originalSerial));
        return issue(disasterId, original.caseId(), original.reprintOf() == null ? original.serial() : original.reprintOf(),
                null);
    }

    private Issued issue(long disasterId, long caseId, Long reprintOf, String idempotencyKey) {
        Disaster disaster = disasters.require(disasterId);
        CounterCase counterCase = cases.require(disasterId, caseId);
        if (counterCase.atenaNumber() == null || counterCase.dwellingId() == null) {
            throw Refusals.refusal("E-DIS-0034", CaseStep.PERSON.title());
        }
        DisasterCertificateKind kind = counterCase.certificateKind() == null
                ? DisasterCertificateKind.DAMAGE_CERTIFICATE : counterCase.certificateKind();
        DamagedHouses.Dwelling dwelling = houses.require(disasterId, counterCase.dwellingId());
        Optional<DamagedHouses.Survey> survey = houses.latestDecided(dwelling.id());
        if (kind.statesDamageLevel() && survey.isEmpty()) {
            throw Refusals.refusal("E-DIS-0030");
        }
        DamageLevel level = kind.statesDamageLevel() ? survey.get().level() : null;
        DirectoryMatch victim = directory.findByAtenaNumber(counterCase.atenaNumber())
                .orElseThrow(() -> Refusals.refusal("E-DIS-0027", counterCase.atenaNumber()));
        TenantProfile profile = tenants.currentProfile();
        TenantCode tenant = TenantContext.require();
        CertificateKind certificateKind = CertificateKind.of(kind.japaneseName());
        String subject = "disaster:" + disasterId + ":case:" + caseId + ":atena:" + counterCase.atenaNumber();
        IssueRequest request = new IssueRequest(disaster.numberingScope(), certificateKind, "プリンタ001", subject,
                disaster.drill(), reprintOf, (number, code) -> {
                    CertificateDocument.Builder document = CertificateDocument.builder(tenant, certificateKind)
                            .title(reprintOf == null ? kind.japaneseName() : kind.japaneseName() + "（再発行）")
                            .headerRow("災害名", disaster.displayName())
                            .headerRow("災害の種類", disaster.kind().japaneseName())
                            .headerRow("災害発生日", WarekiDates.of(disaster.occurredOn()))
                            .headerRow(kind.statesDamageLevel() ? "被災住家の所在地" : "被災した場所", dwelling.address())
                            .headerRow("世帯主氏名", victim.person().headName().isEmpty()
                                    ? victim.person().name() : victim.person().headName());
                    if (level != null) {
                        document.headerRow("住家の被害の程度", level.japaneseName());
                    }
                    document.section(new Table("世帯の構成員",
                            List.of(TableColumn.of("氏名", 3), TableColumn.of("続柄", 1), TableColumn.of("生年月日", 2)),
                            victim.household().stream().map(member -> List.of(member.name(), member.relationship(),
                                    WarekiDates.ofRecorded(member.birthDate()))).toList()));
                    document.section(FieldBlock.of("届出・申請",
                            FieldRow.of("届出日", WarekiDates.of(counterCase.reportedOn())),
                            FieldRow.of("被害の状況", nullToEmpty(counterCase.description())),
                            FieldRow.of("申請者", nullToEmpty(counterCase.applicantName() == null
                                    ? victim.person().name() : counterCase.applicantName())),
                            FieldRow.of("使用目的", nullToEmpty(counterCase.purpose()))));
                    if (reprintOf != null) {
                        document.footerLine("再発行：原本の発行番号（第" + reprintOf + "号）と同じ内容を再び交付するものです。");
                    }
                    if (disaster.drill()) {
                        document.marking(Marking.DRILL);
                    }
                    document.footerLine(kind.statesDamageLevel()
                            ? "この証明書は、災害対策基本法第90条の2に基づき、住家の被害の程度を証明するものです。"
                            : "この証明書は、被災の届出があったことを証明するものであり、被害の程度を証明するものではありません。");
                    return document.certification(kind.statesDamageLevel()
                                    ? "上記のとおり、住家に被害を受けたことを証明する。"
                                    : "上記のとおり、被災の届出があったことを証明する。",
                            WarekiDates.of(number.issueDate()), profile.issuer())
                            .issueNumber(number).verificationCode(code).build();
                });
        IssuedCertificate issued = issuance.issue(request.withIdempotencyKey(idempotencyKey));
        if (issued.repeated()) {
            // Recorded by the first request unless its answer was lost between the two transactions.
            Optional<Issued> earlier = find(disasterId, issued.serial());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Issued recorded = new Issued(disasterId, issued.serial(), caseId, kind, level, issued.issueNumber().text(),
                reprintOf, issued.pdf());
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO disaster_certificate (tenant_id, disaster_id, serial, case_id, kind, damage_level,
                        district_code, reprint_of, issue_number, issued_on, issued_at, issued_by, pdf)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant.value(), disasterId, issued.serial(), caseId, kind.name(),
                            level == null ? null : level.name(), dwelling.districtCode(), reprintOf,
                            issued.issueNumber().text(), issued.issueNumber().issueDate(), Timestamp.from(Instant.now()),
                            Disasters.currentUser(), issued.pdf())
                    .update();
            cases.advanceTo(disasterId, caseId, CaseStep.ISSUED);
        });
        return recorded;
    }

    Optional<Issued> find(long disasterId, long serial) {
        return transaction.execute(status -> jdbc.sql("""
                SELECT disaster_id, serial, case_id, kind, damage_level, issue_number, reprint_of, pdf
                  FROM disaster_certificate WHERE tenant_id = ? AND disaster_id = ? AND serial = ?""")
                .params(Disasters.tenant(), disasterId, serial)
                .query((rs, row) -> {
                    String level = rs.getString("damage_level");
                    long original = rs.getLong("reprint_of");
                    Long reprintOf = rs.wasNull() ? null : original;
                    return new Issued(rs.getLong("disaster_id"), rs.getLong("serial"), rs.getLong("case_id"),
                            DisasterCertificateKind.valueOf(rs.getString("kind")),
                            level == null ? null : DamageLevel.valueOf(level), rs.getString("issue_number"), reprintOf,
                            rs.getBytes("pdf"));
                }).optional());
    }

    /** The serials issued for a case, newest first. */
    List<Long> serialsOf(long disasterId, long caseId) {
        return transaction.execute(status -> jdbc.sql(
                "SELECT serial FROM disaster_certificate WHERE tenant_id = ? AND disaster_id = ? AND case_id = ? ORDER BY serial DESC")
                .params(Disasters.tenant(), disasterId, caseId).query(Long.class).list());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    static LocalDate today() {
        return LocalDate.now(Disasters.JAPAN);
    }
}
