package jp.jichitai.cloud.disaster.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jp.jichitai.cloud.disaster.DisasterCertificateKind;
import jp.jichitai.cloud.disaster.IdentityDocumentType;
import jp.jichitai.cloud.disaster.ReportForm;

/**
 * 窓口案件 (counter case): one victim's visit to the counter, from the damage report (届出, whose number the API
 * calls the report id) to the issued certificate. Saved after every step, so that another clerk can resume it;
 * {@code version} turns a stale save into a conflict instead of a silent overwrite.
 */
public record CounterCase(long id, long disasterId, int version, CaseStep step, LocalDate reportedOn, ReportForm reportForm,
        String description, String identityMethod, IdentityDocumentType identityDocument, String identityNumber,
        String declaredAddress, String declaredName, String declaredBirthDate, Boolean judgementAccepted,
        String judgementReason, String judgedBy, String atenaNumber, String householdNumber, Long dwellingId,
        DisasterCertificateKind certificateKind, String applicantName, LocalDate appliedOn, String purpose,
        String createdBy, OffsetDateTime updatedAt, String updatedBy) {

    static final String BY_DOCUMENT = "DOCUMENT";
    static final String BY_SELF_DECLARATION = "SELF_DECLARATION";

    public boolean reached(CaseStep wanted) {
        return step.ordinal() >= wanted.ordinal();
    }
}
