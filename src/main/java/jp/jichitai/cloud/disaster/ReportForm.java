package jp.jichitai.cloud.disaster;

/** How the 被災状況の届出 (step 001) was made: on form 001 or, when that is impossible, orally. */
public enum ReportForm {

    FORM_001("様式001 被災状況届出書"),
    ORAL("口頭による申し出");

    private final String japaneseName;

    ReportForm(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
