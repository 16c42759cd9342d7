package jp.jichitai.cloud.certificates;

/**
 * 証明書の種類 (kind of certificate), such as 住民票の写し or 罹災証明書, by its Japanese name. The
 * engine knows no business: each issuing module defines the kinds it prints. The name appears on the
 * public verification page, so it is a printable one-line name.
 */
public record CertificateKind(String name) {

    public CertificateKind {
        Texts.requireOneLine(name, "certificate kind");
    }

    public static CertificateKind of(String name) {
        return new CertificateKind(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
