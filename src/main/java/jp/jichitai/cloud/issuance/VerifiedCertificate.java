package jp.jichitai.cloud.issuance;

import java.time.LocalDate;

/** What the public verification page may show: no personal data. */
public record VerifiedCertificate(String code, String tenantCode, String tenantName, String kind, LocalDate issuedOn,
        String contentDigest, boolean drill) {
}
