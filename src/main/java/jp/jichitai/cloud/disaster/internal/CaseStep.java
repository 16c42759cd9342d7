package jp.jichitai.cloud.disaster.internal;

/**
 * The steps of the counter workflow (業務手順書), in order. A case's step is the next one to do; a clerk may go
 * back to any earlier step, never skip ahead.
 */
public enum CaseStep {

    REPORT("001 被災状況の届出", "report",
            "被災者から被災状況の届出（様式001または口頭）を受け、届出日と被害の状況を記録します。"),
    IDENTITY("002 本人認証", "identity",
            "届出者の身分証明書を確認します。紛失している場合は、住所・氏名・生年月日の自署と職員の判断で確認します。"),
    PERSON("003 個人検索", "person",
            "被災者台帳をフリガナ・氏名・生年月日で検索し、世帯を確かめて被災者を選びます。"),
    DAMAGE("004 被害の記録", "damage",
            "被災した住家の所在地と被害認定調査の結果（損害割合）を記録すると、被害の程度が決まります。"),
    APPLICATION("005 証明書発行の申請", "application",
            "証明書発行の申請（様式002）の内容を記録します。住家の被害は罹災証明書、それ以外は被災届出証明書です。"),
    ISSUE("006 証明書の発行", "issue",
            "申請内容を確かめて証明書を発行します。発行番号は災害ごとに連番で付きます。"),
    ISSUED("発行済み", "issued", "証明書を発行しました。");

    private final String title;
    private final String path;
    private final String explanation;

    CaseStep(String title, String path, String explanation) {
        this.title = title;
        this.path = path;
        this.explanation = explanation;
    }

    public String title() {
        return title;
    }

    /** The last part of the step's screen address, e.g. /disasters/3/cases/12/identity. */
    public String path() {
        return path;
    }

    /** The one sentence the screen opens with. */
    public String explanation() {
        return explanation;
    }

    public CaseStep next() {
        return this == ISSUED ? ISSUED : values()[ordinal() + 1];
    }
}
