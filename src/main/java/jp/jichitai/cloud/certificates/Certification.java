package jp.jichitai.cloud.certificates;

/**
 * 認証文 (certification): the sentence that certifies the copy, its date and the issuer, printed with
 * the 公印 (official seal) box on the last page only.
 *
 * @param text     e.g. 「この写しは、住民票の原本と相違ないことを証明する。」
 * @param dateText the date as the caller formats it, in 和暦 (e.g. 令和7年11月26日): the engine does not
 *                 convert dates, so that recorded forms and future eras stay the caller's concern
 * @param issuer   e.g. 名寄市長　山田　太郎
 */
public record Certification(String text, String dateText, String issuer) {

    public Certification {
        Texts.requireOneLine(text, "certification text");
        Texts.requireOneLine(dateText, "certification date");
        Texts.requireOneLine(issuer, "issuer");
    }

    public static Certification of(String text, String dateText, String issuer) {
        return new Certification(text, dateText, issuer);
    }
}
