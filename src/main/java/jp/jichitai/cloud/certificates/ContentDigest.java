package jp.jichitai.cloud.certificates;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 内容ダイジェスト (content digest): SHA-256 of a certificate's logical content, not of its PDF bytes.
 *
 * <p>The public verification page stores kind, tenant, issue date and this digest, so that it can
 * confirm a certificate without holding or showing personal data. Because it covers the text fields and
 * not the PDF, the same content always gives the same digest, whichever renderer or PDFBox version
 * printed it, and the issuing module can recompute it from its records.
 *
 * <p>Canonical form (version 1): the tag {@code jichitai-certificate/1}, then every field in a fixed
 * order, each as a 4-byte big-endian length and its UTF-8 bytes; lists are preceded by their size;
 * markings in the order of {@link Marking} ({@link Marking#SPECIMEN} only when stamped, after the others, so that
 * adding it left the digest of every certificate issued before unchanged; a specimen's missing issue number and
 * verification code count as empty texts). Texts are taken exactly as given: no Unicode normalisation
 * (NFC would change compatibility ideographs in names) and 外字 by their own code points, not their
 * substitutes. The page numbers are left out: they belong to the printout, not to the content.
 */
public final class ContentDigest {

    private static final String FORM_TAG = "jichitai-certificate/1";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final String hex;

    private ContentDigest(String hex) {
        this.hex = hex;
    }

    /** The digest of a document's content. */
    public static ContentDigest of(CertificateDocument document) {
        Canonical canonical = new Canonical();
        canonical.text(FORM_TAG);
        canonical.text(document.tenant().value());
        canonical.text(document.kind().name());
        canonical.text(document.title());
        canonical.size(document.header().size());
        document.header().forEach(canonical::row);
        canonical.size(document.sections().size());
        for (BodySection section : document.sections()) {
            if (section instanceof FieldBlock block) {
                canonical.text("block");
                canonical.text(block.heading());
                canonical.size(block.rows().size());
                block.rows().forEach(canonical::row);
            } else if (section instanceof Table table) {
                canonical.text("table");
                canonical.text(table.heading());
                canonical.size(table.columns().size());
                table.columns().forEach(column -> {
                    canonical.text(column.title());
                    canonical.text(Float.toString(column.weight()));
                });
                canonical.size(table.rows().size());
                table.rows().forEach(canonical::texts);
            }
        }
        canonical.texts(document.footerLines());
        canonical.text(document.certification().text());
        canonical.text(document.certification().dateText());
        canonical.text(document.certification().issuer());
        for (Marking marking : List.of(Marking.OFFICIAL_USE, Marking.DRILL)) {
            canonical.text(document.isMarked(marking) ? marking.name() : "");
        }
        if (document.isSpecimen()) {
            canonical.text(Marking.SPECIMEN.name());
        }
        canonical.text(document.issueNumber() == null ? "" : document.issueNumber().text());
        canonical.text(document.verificationCode() == null ? "" : document.verificationCode().value());
        return new ContentDigest(HexFormat.of().formatHex(canonical.sha256()));
    }

    /** Parses the 64 lowercase hexadecimal digits of a stored digest. */
    public static ContentDigest of(String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 digest in lowercase hexadecimal: " + hex);
        }
        return new ContentDigest(hex);
    }

    /** 64 lowercase hexadecimal digits. */
    public String hex() {
        return hex;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentDigest digest && digest.hex.equals(hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    @Override
    public String toString() {
        return hex;
    }

    /** Length-prefixed fields, so that no two different contents serialise to the same bytes. */
    private static final class Canonical {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);

        void size(int size) {
            bytes.write(size >>> 24);
            bytes.write(size >>> 16);
            bytes.write(size >>> 8);
            bytes.write(size);
        }

        void text(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            size(utf8.length);
            bytes.writeBytes(utf8);
        }

        void texts(List<String> texts) {
            size(texts.size());
            texts.forEach(this::text);
        }

        void row(FieldRow row) {
            text(row.label());
            text(row.value());
        }

        byte[] sha256() {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
