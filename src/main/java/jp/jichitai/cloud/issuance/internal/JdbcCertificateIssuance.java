package jp.jichitai.cloud.issuance.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateRenderer;
import jp.jichitai.cloud.certificates.GaijiTable;
import jp.jichitai.cloud.certificates.IssueNumber;
import jp.jichitai.cloud.certificates.RenderResult;
import jp.jichitai.cloud.certificates.VerificationCode;
import jp.jichitai.cloud.issuance.CertificateIssuance;
import jp.jichitai.cloud.issuance.IssueRequest;
import jp.jichitai.cloud.issuance.IssuedCertificate;
import jp.jichitai.cloud.issuance.VerifiedCertificate;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.TenantProfile;
import jp.jichitai.cloud.tenancy.Tenants;

@Service
class JdbcCertificateIssuance implements CertificateIssuance {

    private static final Messages MESSAGES = Messages.of("issuance");

    /** Certificates carry the town's date, whatever the server's zone. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final JdbcClient jdbc;
    private final CertificateRenderer renderer;
    private final Tenants tenants;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;

    JdbcCertificateIssuance(JdbcClient jdbc, CertificateRenderer renderer, Tenants tenants, AuditLog auditLog,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.tenants = tenants;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public IssuedCertificate issue(IssueRequest request) {
        TenantCode tenant = TenantContext.require();
        TenantProfile profile = tenants.currentProfile();
        GaijiTable gaiji = currentGaijiTable();
        if (request.idempotencyKey() != null) {
            // A repeat (the answer was lost): answered without waiting for the scope's counter.
            Optional<IssuedCertificate> earlier = transaction.execute(status -> repeatOf(tenant, request, gaiji));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ensureCounter(tenant, request.numberingScope());
        IssuedCertificate issued;
        try {
            issued = transaction.execute(status -> issueOnce(tenant, profile, gaiji, request));
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            // The key was taken meanwhile by a request of another scope (the same request waits for the same
            // counter row below and finds the certificate instead): answer as for any repeat — or refuse.
            return transaction.execute(status -> repeatOf(tenant, request, gaiji)).orElseThrow(() -> sameKeyMeanwhile);
        }
        return issued;
    }

    @Override
    public RenderResult preview(IssueRequest request) {
        TenantProfile profile = tenants.currentProfile();
        // The document is built as for an issue, then stripped of this stand-in number and code (a document may
        // print parts of its number, e.g. the issue date): nothing read from or written to the counter.
        IssueNumber standIn = numberOf(profile, request, 1);
        CertificateDocument specimen = request.document().apply(standIn, VerificationCode.random()).asSpecimen();
        RenderResult printed = renderer.render(specimen, currentGaijiTable());
        auditLog.record(AuditEvent.of("certificate.preview", request.subject()).query(request.kind().name() + " 見本"));
        return printed;
    }

    /** The current town's 外字 table, as every certificate of the town prints through it (specimens included). */
    private GaijiTable currentGaijiTable() {
        Map<Integer, String> substitutes = tenants.currentGaijiSubstitutes();
        return codePoint -> Optional.ofNullable(substitutes.get(codePoint));
    }

    private static IssueNumber numberOf(TenantProfile profile, IssueRequest request, long serial) {
        return IssueNumber.of(LocalDate.now(JAPAN), profile.name(), profile.mainOffice() + "1", request.printer(),
                Math.toIntExact(serial));
    }

    private IssuedCertificate issueOnce(TenantCode tenant, TenantProfile profile, GaijiTable gaiji,
            IssueRequest request) {
        long serial = jdbc.sql("SELECT last_serial FROM certificate_counter WHERE tenant_id = ? AND scope = ? FOR UPDATE")
                .params(tenant.value(), request.numberingScope()).query(Long.class).single() + 1;
        if (request.idempotencyKey() != null) {
            // Concurrent repeats of one key wait for the same counter row; the first one's certificate is
            // committed (READ COMMITTED: this statement sees it) by the time the others read here.
            Optional<IssuedCertificate> earlier = repeatOf(tenant, request, gaiji);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        jdbc.sql("UPDATE certificate_counter SET last_serial = ? WHERE tenant_id = ? AND scope = ?")
                .params(serial, tenant.value(), request.numberingScope()).update();
        IssueNumber number = numberOf(profile, request, serial);
        LocalDate today = number.issueDate();
        VerificationCode code = VerificationCode.random();
        CertificateDocument document = request.document().apply(number, code);
        RenderResult printed = renderer.render(document, gaiji);
        jdbc.sql("""
                INSERT INTO issued_certificate (tenant_id, scope, serial, issue_number, kind, verification_code,
                    content_digest, subject, page_count, substitutions, reprint_of, drill, issued_at, issued_by,
                    idempotency_key, request_fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), request.numberingScope(), serial, number.text(), request.kind().name(),
                        code.value(), printed.contentDigest().hex(), request.subject(), printed.pageCount(),
                        printed.substitutions().size(), request.reprintOf(), request.drill(),
                        OffsetDateTime.now(ZoneOffset.UTC), currentUser(), request.idempotencyKey(),
                        request.idempotencyKey() == null ? null : request.fingerprint())
                .update();
        jdbc.sql("""
                INSERT INTO certificate_verification (verification_code, tenant_code, kind, issued_on, content_digest, drill)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(code.value(), tenant.value(), request.kind().name(), today, printed.contentDigest().hex(),
                        request.drill())
                .update();
        audit(request.reprintOf() == null ? "certificate.issue" : "certificate.reprint", request.subject(), number);
        return new IssuedCertificate(serial, number, code, printed.contentDigest(), printed.pdf(),
                printed.pageCount(), printed.substitutions());
    }

    /**
     * Two entries, both in the log's own transaction. Before this transaction commits, {@code certificate.print}
     * with the number: the personal data was printed, and a certificate never exists without an entry, even when
     * the database goes away right after the commit (a failover). Once it has settled, {@code certificate.issue}
     * (or {@code certificate.reprint}) with the number only if it committed: the number of an issue that rolled back
     * goes to the next certificate (numbers stay gapless), so an issue entry written before the commit named a
     * number that was then issued, and entered, a second time. An issue that did not commit is entered as a failure
     * without a number.
     */
    private void audit(String action, String subject, IssueNumber number) {
        auditLog.record(AuditEvent.of("certificate.print", subject).query(number.text()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // Thrown on to the caller when it fails: the clerk repeats under the same 再送キー and gets the
                // certificate, entered as a reissue.
                auditLog.record(AuditEvent.of(action, subject).query(number.text()));
            }

            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    auditLog.record(AuditEvent.of(action, subject).outcome(AuditEvent.Outcome.FAILURE)
                            .query(status == STATUS_ROLLED_BACK ? "取り消し（発行されず）" : "確定したか不明"));
                }
            }
        });
    }

    private record Earlier(String scope, long serial, String issueNumber, String verificationCode, String contentDigest,
            String fingerprint) {
    }

    /**
     * The certificate already issued under the request's 再送キー in this tenant, printed again: same number, same
     * verification code, and — checked by the content digest — the same content. Refused when the key was used for
     * another request (E-ISS-0001) or the content came out different (E-ISS-0002). Audited as a reissue of that
     * certificate. Empty when the key is new.
     */
    private Optional<IssuedCertificate> repeatOf(TenantCode tenant, IssueRequest request, GaijiTable gaiji) {
        Optional<Earlier> found = jdbc.sql("""
                SELECT scope, serial, issue_number, verification_code, content_digest, request_fingerprint
                  FROM issued_certificate WHERE tenant_id = ? AND idempotency_key = ?""")
                .params(tenant.value(), request.idempotencyKey())
                .query((rs, row) -> new Earlier(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Earlier earlier = found.get();
        if (!request.fingerprint().equals(earlier.fingerprint())) {
            auditLog.record(AuditEvent.of("certificate.reissue", request.subject()).query(earlier.issueNumber()
                    + " 再送キー " + request.idempotencyKey()).outcome(AuditEvent.Outcome.FAILURE));
            throw MESSAGES.refusal(MessageId.of("E-ISS-0001"), request.idempotencyKey(), earlier.issueNumber());
        }
        IssueNumber number = IssueNumber.parse(earlier.issueNumber());
        VerificationCode code = VerificationCode.of(earlier.verificationCode());
        RenderResult printed = renderer.render(request.document().apply(number, code), gaiji);
        if (!printed.contentDigest().hex().equals(earlier.contentDigest())) {
            auditLog.record(AuditEvent.of("certificate.reissue", request.subject()).query(earlier.issueNumber()
                    + " 再送キー " + request.idempotencyKey()).outcome(AuditEvent.Outcome.FAILURE));
            throw MESSAGES.refusal(MessageId.of("E-ISS-0002"), request.idempotencyKey(), earlier.issueNumber());
        }
        auditLog.record(AuditEvent.of("certificate.reissue", request.subject())
                .query(earlier.issueNumber() + " 再送キー " + request.idempotencyKey()));
        return Optional.of(new IssuedCertificate(earlier.serial(), number, code, printed.contentDigest(), printed.pdf(),
                printed.pageCount(), printed.substitutions(), true));
    }

    /** The counter row is created on first use, in its own transaction so that a race only costs a retry. */
    private void ensureCounter(TenantCode tenant, String scope) {
        boolean exists = transaction.execute(status -> jdbc.sql(
                "SELECT COUNT(*) FROM certificate_counter WHERE tenant_id = ? AND scope = ?")
                .params(tenant.value(), scope).query(Long.class).single() > 0);
        if (!exists) {
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO certificate_counter (tenant_id, scope, last_serial) VALUES (?, ?, 0)")
                        .params(tenant.value(), scope).update());
            } catch (DuplicateKeyException createdMeanwhile) {
                // another clerk's first certificate of this scope created it: fine
            }
        }
    }

    @Override
    public int removeDrillScope(String numberingScope) {
        TenantCode tenant = TenantContext.require();
        Integer removed = transaction.execute(status -> {
            long real = jdbc.sql("SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ? AND scope = ? AND drill = FALSE")
                    .params(tenant.value(), numberingScope).query(Long.class).single();
            if (real > 0) {
                throw new IllegalStateException("scope " + numberingScope + " holds " + real + " certificates that are not drills");
            }
            // certificate_verification has no tenant_id (the public page finds the town from the code): the
            // tenant code and the drill mark keep this delete inside the town's drill certificates.
            jdbc.sql("""
                    DELETE FROM certificate_verification
                     WHERE tenant_code = ? AND drill = TRUE AND verification_code IN (
                           SELECT verification_code FROM issued_certificate WHERE tenant_id = ? AND scope = ?)""")
                    .params(tenant.value(), tenant.value(), numberingScope).update();
            int certificates = jdbc.sql("DELETE FROM issued_certificate WHERE tenant_id = ? AND scope = ?")
                    .params(tenant.value(), numberingScope).update();
            jdbc.sql("DELETE FROM certificate_counter WHERE tenant_id = ? AND scope = ?")
                    .params(tenant.value(), numberingScope).update();
            return certificates;
        });
        auditLog.record(AuditEvent.of("certificate.drill.remove", "scope:" + numberingScope).query(removed + " certificates"));
        return removed;
    }

    @Override
    public Optional<VerifiedCertificate> verify(String text) {
        Optional<VerificationCode> code;
        try {
            code = Optional.of(VerificationCode.of(text));
        } catch (IllegalArgumentException malformed) {
            code = Optional.empty();
        }
        Optional<VerifiedCertificate> found = code.flatMap(valid -> TenantContext.callAsProvider(() ->
                transaction.execute(status -> jdbc.sql("""
                        SELECT v.verification_code, v.tenant_code, t.name, v.kind, v.issued_on, v.content_digest, v.drill
                          FROM certificate_verification v JOIN tenant t ON t.code = v.tenant_code
                         WHERE v.verification_code = ?""")
                        .param(valid.value())
                        .query((rs, row) -> new VerifiedCertificate(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getBoolean(7)))
                        .optional())));
        String target = "verification:" + (text == null ? "" : text.replaceAll("[^0-9A-Za-z\\-]", "").substring(0,
                Math.min(20, text.replaceAll("[^0-9A-Za-z\\-]", "").length())));
        AuditEvent event = AuditEvent.of("certificate.verify", target).by("public", "none");
        if (found.isPresent()) {
            TenantContext.callAs(TenantCode.of(found.get().tenantCode()), () -> auditLog.record(event));
        } else {
            TenantContext.callAsProvider(() -> auditLog.record(event.outcome(AuditEvent.Outcome.FAILURE)));
        }
        return found;
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
