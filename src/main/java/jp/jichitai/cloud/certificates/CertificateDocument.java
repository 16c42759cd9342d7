package jp.jichitai.cloud.certificates;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jp.jichitai.cloud.shared.TenantCode;

/**
 * 証明書 (certificate) as the issuing module wants it printed, independent of any business: the engine
 * prints 住民票の写し and 罹災証明書 alike from this model.
 *
 * <p>Layout: the title on every page; the header block on the first page; the body sections flowing
 * over as many pages as they need; the footer lines, the verification code with its QR code and the
 * issue number ({@code … 1/2}) at the foot of every page; the 認証文 with date, issuer and 公印 box on the
 * last page only; markings (公用, 訓練, 見本) stamped on every page.
 *
 * <p>Texts are kept exactly as given (never normalised): 外字 and characters the font lacks are handled
 * when printing and reported in the {@link RenderResult}.
 *
 * @param tenant           the issuing municipality
 * @param kind             e.g. 住民票の写し
 * @param title            the heading of every page, usually the kind's name
 * @param header           labelled values printed once under the title, e.g. 住所 and 世帯主
 * @param sections         the body
 * @param footerLines      notes printed at the foot of every page
 * @param certification    the 認証文, its date and the issuer
 * @param markings         公用, 訓練 and/or 見本, stamped on every page
 * @param issueNumber      the caller's part of the issue number; the engine adds {@code p/n}. Null exactly when the
 *                         document is a 見本 ({@link Marking#SPECIMEN})
 * @param verificationCode the code for the public verification page. Null exactly when the document is a 見本
 */
public record CertificateDocument(
        TenantCode tenant,
        CertificateKind kind,
        String title,
        List<FieldRow> header,
        List<BodySection> sections,
        List<String> footerLines,
        Certification certification,
        Set<Marking> markings,
        IssueNumber issueNumber,
        VerificationCode verificationCode) {

    public CertificateDocument {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Texts.requireOneLine(title, "title");
        header = Texts.copyOf(header, "header");
        sections = Texts.copyOf(sections, "sections");
        footerLines = Texts.copyOf(footerLines, "footer lines");
        footerLines.forEach(line -> Texts.requireText(line, "footer line"));
        Objects.requireNonNull(certification, "certification");
        markings = markings.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(markings));
        if (markings.contains(Marking.SPECIMEN)) {
            // A specimen that carried a real number or code could be passed off as the certificate itself.
            if (issueNumber != null || verificationCode != null) {
                throw new IllegalArgumentException("a specimen (見本) carries no issue number and no verification code");
            }
        } else {
            Objects.requireNonNull(issueNumber, "issue number");
            Objects.requireNonNull(verificationCode, "verification code");
        }
    }

    /** A builder whose title defaults to the kind's name. */
    public static Builder builder(TenantCode tenant, CertificateKind kind) {
        return new Builder(tenant, kind);
    }

    /**
     * This document as a 見本 (specimen): the same content, stamped 見本 on every page, without its issue number and
     * verification code, which print as placeholders; no QR code.
     */
    public CertificateDocument asSpecimen() {
        Set<Marking> marked = EnumSet.of(Marking.SPECIMEN);
        marked.addAll(markings);
        return new CertificateDocument(tenant, kind, title, header, sections, footerLines, certification, marked, null,
                null);
    }

    /** Whether this is a 見本, which carries no issue number and no verification code. */
    public boolean isSpecimen() {
        return markings.contains(Marking.SPECIMEN);
    }

    /** Whether a marking is stamped. */
    public boolean isMarked(Marking marking) {
        return markings.contains(marking);
    }

    /** Builds a {@link CertificateDocument} step by step; the required parts are checked by {@link #build()}. */
    public static final class Builder {
        private final TenantCode tenant;
        private final CertificateKind kind;
        private String title;
        private final List<FieldRow> header = new ArrayList<>();
        private final List<BodySection> sections = new ArrayList<>();
        private final List<String> footerLines = new ArrayList<>();
        private Certification certification;
        private final Set<Marking> markings = EnumSet.noneOf(Marking.class);
        private IssueNumber issueNumber;
        private VerificationCode verificationCode;

        private Builder(TenantCode tenant, CertificateKind kind) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.title = kind.name();
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder headerRow(String label, String value) {
            header.add(FieldRow.of(label, value));
            return this;
        }

        public Builder section(BodySection section) {
            sections.add(Objects.requireNonNull(section, "section"));
            return this;
        }

        public Builder footerLine(String line) {
            footerLines.add(Objects.requireNonNull(line, "footer line"));
            return this;
        }

        public Builder certification(Certification certification) {
            this.certification = certification;
            return this;
        }

        public Builder certification(String text, String dateText, String issuer) {
            return certification(Certification.of(text, dateText, issuer));
        }

        public Builder marking(Marking marking) {
            markings.add(Objects.requireNonNull(marking, "marking"));
            return this;
        }

        public Builder issueNumber(IssueNumber issueNumber) {
            this.issueNumber = issueNumber;
            return this;
        }

        public Builder verificationCode(VerificationCode verificationCode) {
            this.verificationCode = verificationCode;
            return this;
        }

        public CertificateDocument build() {
            return new CertificateDocument(tenant, kind, title, header, sections, footerLines, certification,
                    markings, issueNumber, verificationCode);
        }
    }
}
