package jp.jichitai.cloud.residents;

/**
 * 記載事項の選択 (what a 住民票の写し shows beyond the basic items): 世帯主・続柄, 本籍・筆頭者, 住民票コード and
 * 個人番号 are left off unless asked for; {@code officialUse} marks a copy 「公用」.
 */
public record CertificateOptions(boolean headAndRelationship, boolean familyRegister, boolean residentRecordCode,
        boolean individualNumber, boolean officialUse) {

    public static CertificateOptions basic() {
        return new CertificateOptions(false, false, false, false, false);
    }
}
