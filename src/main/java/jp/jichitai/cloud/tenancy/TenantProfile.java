package jp.jichitai.cloud.tenancy;

import jp.jichitai.cloud.shared.TenantCode;

/**
 * A tenant's settings as printed on its certificates: the mayor (市長/町長) who certifies, and the
 * name of the main office (本庁) used in issue numbers.
 */
public record TenantProfile(TenantCode code, String name, String prefecture, String mayorTitle, String mayorName,
        String mainOffice) {

    /** The issuer line of a certificate, e.g. 名寄市長　天塩　太郎. */
    public String issuer() {
        return mayorTitle + "\u3000" + mayorName;
    }
}
