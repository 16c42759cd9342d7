package jp.jichitai.cloud.residents;

/** 異動の区分 (category of change): what a change does to the 住民票. */
public enum ChangeCategory {
    /** 記載: the record is created or restored; the person is a resident afterwards. */
    ENTRY("記載"),
    /** 消除: the record becomes a 除票. */
    REMOVAL("消除"),
    /** 修正: items of a current record change. */
    CORRECTION("修正"),
    /** 取消し: the latest change is cancelled and the snapshot before it restored. */
    CANCELLATION("取消し");

    private final String japanese;

    ChangeCategory(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
